/**
 * The KRaft controller's partition changes when a broker is fenced or comes back
 * (`PartitionChangeBuilder`), with and without eligible leader replicas (KIP-966).
 * Without ELR the last ISR member stays in the ISR, so only it can become leader again. With ELR
 * the ISR may shrink to empty; replicas that left the ISR after it fell below `min.insync.replicas`
 * are kept as ELR (`maybePopulateTargetElr`), and when the ISR is empty a returning ELR member is a
 * clean leader choice (`isValidNewLeader`), becoming the sole ISR member.
 */
import type { ClusterSnapshot, PartitionMetadata } from "./types";

/** How the controller runs: ELR on or off, and the `min.insync.replicas` it compares the ISR with. */
export interface ControllerRules {
  eligibleLeaderReplicas: boolean;
  minInsyncReplicas: number;
}

/**
 * `maybePopulateTargetElr`: below min ISR, replicas leaving the ISR join the ELR (ELR ∪ previous
 * ISR, minus the target ISR and minus replicas back from an unclean shutdown); at or above min ISR
 * the ELR is cleared.
 */
export function populateElr(
  previousIsr: readonly number[],
  targetIsr: readonly number[],
  elr: readonly number[],
  minIsr: number,
  uncleanShutdown: readonly number[] = [],
): number[] {
  if (targetIsr.length >= minIsr) return [];
  return [...new Set([...elr, ...previousIsr])].filter((r) => !targetIsr.includes(r) && !uncleanShutdown.includes(r)).sort((a, b) => a - b);
}

/** `isValidNewLeader`: in the ISR, or — when the ISR is empty — in the ELR; and alive (unfenced). */
export function isValidNewLeader(p: Pick<PartitionMetadata, "isr" | "elr">, replica: number, alive: ReadonlySet<number>): boolean {
  const elr = p.elr ?? [];
  return alive.has(replica) && (p.isr.includes(replica) || (p.isr.length === 0 && elr.includes(replica)));
}

/** Leader election in assignment order; a leader taken from the ELR becomes the ISR (`tryElection`). */
function elect(p: PartitionMetadata, alive: ReadonlySet<number>): PartitionMetadata {
  const leader = p.replicas.find((r) => isValidNewLeader(p, r, alive)) ?? -1;
  if (leader === p.leader) return p;
  const fromElr = leader >= 0 && !p.isr.includes(leader);
  const next: PartitionMetadata = { ...p, leader, leaderEpoch: p.leaderEpoch + 1 };
  return fromElr ? { ...next, isr: [leader], elr: (p.elr ?? []).filter((r) => r !== leader) } : next;
}

/** A broker is fenced: it leaves every ISR (with ELR even as the last member), and partitions it led elect a new leader. */
export function fenceBrokerPartitions(cluster: ClusterSnapshot, deadId: number, rules: ControllerRules): ClusterSnapshot {
  const alive = new Set(cluster.brokers.filter((b) => b.alive && b.id !== deadId).map((b) => b.id));
  const partitions = cluster.partitions.map((p): PartitionMetadata => {
    if (!p.isr.includes(deadId) && p.leader !== deadId) return p;
    let q: PartitionMetadata;
    if (rules.eligibleLeaderReplicas) {
      const isr = p.isr.filter((r) => r !== deadId);
      q = { ...p, isr, elr: populateElr(p.isr, isr, p.elr ?? [], rules.minInsyncReplicas) };
    } else {
      q = { ...p, isr: p.isr.length > 1 ? p.isr.filter((r) => r !== deadId) : p.isr };
    }
    return p.leader === deadId ? elect({ ...q, leader: -2 }, alive) : q;
  });
  return { ...cluster, partitions: partitions.map((p) => (p.leader === -2 ? { ...p, leader: -1 } : p)) };
}

/**
 * A broker is back (unfenced). After an unclean shutdown it is dropped from the ELR first (it may
 * have lost data). Then leaderless partitions that can use it elect it.
 */
export function unfenceBrokerPartitions(
  cluster: ClusterSnapshot,
  backId: number,
  rules: ControllerRules,
  uncleanShutdown = false,
): ClusterSnapshot {
  const alive = new Set(cluster.brokers.filter((b) => b.alive || b.id === backId).map((b) => b.id));
  const partitions = cluster.partitions.map((p): PartitionMetadata => {
    const q = uncleanShutdown && p.elr?.includes(backId) ? { ...p, elr: p.elr.filter((r) => r !== backId) } : p;
    return q.leader === -1 ? elect(q, alive) : q;
  });
  return { ...cluster, partitions };
}
