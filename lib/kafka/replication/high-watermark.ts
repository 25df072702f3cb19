/**
 * High watermark on the leader (`Partition.maybeIncrementLeaderHW`) and completion of waiting
 * acks=all produce requests (`checkEnoughReplicasReachOffset`, the produce purgatory).
 */
import { chunkedGet, chunkedSet } from "../core/chunked-list";
import type { FollowerFetchState, ProduceRequest, ReplicaState, ReplicationConfig, ReplicationState } from "./types";

/** Looks up a replica by broker id. */
export function replicaOf(s: ReplicationState, brokerId: number): ReplicaState | undefined {
  return s.replicas.find((r) => r.brokerId === brokerId);
}

/** Returns the state with one replica replaced. */
export function withReplica(s: ReplicationState, brokerId: number, f: (r: ReplicaState) => ReplicaState): ReplicationState {
  return { ...s, replicas: s.replicas.map((r) => (r.brokerId === brokerId ? f(r) : r)) };
}

/** `Replica.isCaughtUp`: at the leader's LEO, or caught up within replica.lag.time.max.ms. */
export function isCaughtUp(fs: FollowerFetchState, leaderLeo: number, nowMs: number, lagMs: number): boolean {
  return fs.leo === leaderLeo || (fs.lastCaughtUpTimeMs !== null && nowMs - fs.lastCaughtUpTimeMs <= lagMs);
}

/** min.insync.replicas as enforced: capped at the replication factor since 3.7. */
export function effectiveMinIsr(config: ReplicationConfig): number {
  return config.modernMinIsr ? Math.min(config.minInsyncReplicas, config.replicas.length) : config.minInsyncReplicas;
}

/**
 * New HW = min LEO over the ISR plus caught-up replicas about to join; it only moves forward, and
 * (3.7+) not at all while |ISR| < min(min.insync.replicas, RF).
 */
export function advanceHighWatermark(s: ReplicationState): ReplicationState {
  if (s.leader < 0) return s;
  const leader = replicaOf(s, s.leader);
  if (!leader) return s;
  let newHw = leader.leo;
  for (const r of s.replicas) {
    if (r.brokerId === s.leader) continue;
    const inIsr = s.isr.includes(r.brokerId);
    const aboutToJoin = !r.fenced && isCaughtUp(r.fetchState, leader.leo, s.nowMs, s.config.replicaLagTimeMaxMs);
    if (r.fetchState.leo < newHw && (inIsr || aboutToJoin)) newHw = r.fetchState.leo;
  }
  if (s.config.modernMinIsr && s.isr.length < effectiveMinIsr(s.config)) return s;
  if (newHw <= leader.hw) return s;
  return withReplica(s, s.leader, (r) => ({ ...r, hw: newHw }));
}

function finish(s: ReplicationState, req: ProduceRequest, status: ProduceRequest["status"], error: string | null): ReplicationState {
  const done: ProduceRequest = { ...req, status, error, completedAtMs: s.nowMs };
  return { ...s, requests: chunkedSet(s.requests, req.id, done), lastProduce: s.lastProduce?.id === req.id ? done : s.lastProduce };
}

/**
 * Completes waiting acks=all requests: NOT_LEADER_OR_FOLLOWER once leadership moved; when the HW
 * passed the record, success if |ISR| ≥ min ISR else NOT_ENOUGH_REPLICAS_AFTER_APPEND.
 */
export function completeDelayedProduces(s: ReplicationState): ReplicationState {
  if (s.pending.length === 0) return s;
  const leader = s.leader >= 0 ? replicaOf(s, s.leader) : undefined;
  let out = s;
  const still: number[] = [];
  for (const id of s.pending) {
    const req = chunkedGet(out.requests, id)!;
    if (!leader || req.leaderEpoch !== s.leaderEpoch) out = finish(out, req, "failed", "NOT_LEADER_OR_FOLLOWER");
    else if (leader.hw >= req.offset + 1) {
      const enough = effectiveMinIsr(s.config) <= s.isr.length;
      out = finish(out, req, enough ? "acknowledged" : "failed", enough ? null : "NOT_ENOUGH_REPLICAS_AFTER_APPEND");
    } else still.push(id);
  }
  return still.length === s.pending.length ? out : { ...out, pending: still };
}

/** Fails acks=all requests that waited longer than request.timeout.ms (REQUEST_TIMED_OUT). */
export function expireDelayedProduces(s: ReplicationState): ReplicationState {
  let out = s;
  const still: number[] = [];
  for (const id of s.pending) {
    const req = chunkedGet(out.requests, id)!;
    if (req.requestedAtMs + s.config.requestTimeoutMs <= s.nowMs) out = finish(out, req, "failed", "REQUEST_TIMED_OUT");
    else still.push(id);
  }
  return still.length === s.pending.length ? out : { ...out, pending: still };
}

/** Fails every waiting request with `error` (e.g. the leader's process died: NETWORK_EXCEPTION). */
export function failAllPending(s: ReplicationState, error: string): ReplicationState {
  let out = s;
  for (const id of s.pending) out = finish(out, chunkedGet(out.requests, id)!, "failed", error);
  return { ...out, pending: [] };
}

/** HW advance followed by purgatory completion: the pair every state change runs. */
export function settle(s: ReplicationState): ReplicationState {
  return completeDelayedProduces(advanceHighWatermark(s));
}
