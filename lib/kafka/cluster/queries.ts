/** Read-only views of a cluster for widgets and tests. */
import type { ReplicationState } from "../replication/types";
import type { ClusterState } from "./types";

/** The partition `topic`-`partition`, if it exists. */
export function partitionOf(s: ClusterState, topic: string, partition: number): ReplicationState | undefined {
  return s.partitions.find((p) => p.config.topic === topic && p.config.partition === partition);
}

/** Number of partitions each broker currently leads. */
export function leaderCounts(s: ClusterState): Record<number, number> {
  const out: Record<number, number> = {};
  for (const n of s.nodes) if (n.isBroker) out[n.id] = 0;
  for (const p of s.partitions) if (p.leader >= 0) out[p.leader] = (out[p.leader] ?? 0) + 1;
  return out;
}

/** Partitions with no leader (offline). */
export function offlinePartitions(s: ClusterState): ReplicationState[] {
  return s.partitions.filter((p) => p.leader < 0);
}

/** `kafka-topics.sh --describe`-like rows. */
export function describePartitions(
  s: ClusterState,
): { topic: string; partition: number; leader: number; replicas: number[]; isr: number[]; leaderEpoch: number }[] {
  return s.partitions.map((p) => ({
    topic: p.config.topic,
    partition: p.config.partition,
    leader: p.leader,
    replicas: p.config.replicas,
    isr: p.isr,
    leaderEpoch: p.leaderEpoch,
  }));
}
