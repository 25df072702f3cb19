/**
 * Produce to the leader (`Partition.appendRecordsToLeader`): acks=0 returns at once, acks=1 when the
 * leader wrote it, acks=all when every CURRENT ISR member has it (HW past the record).
 * min.insync.replicas rejects acks=all writes before the append (NOT_ENOUGH_REPLICAS).
 */
import { chunkedLength, chunkedPush } from "../core/chunked-list";
import { effectiveMinIsr, replicaOf, settle, withReplica } from "./high-watermark";
import type { Acks, ProduceRequest, ReplicationState } from "./types";

/** Sends one record to the partition leader and records what the producer is told. */
export function produce(s: ReplicationState, input: { acks?: Acks; key?: string | null; value?: string | null }): ReplicationState {
  const acks = input.acks ?? s.config.defaultAcks;
  const base: ProduceRequest = {
    id: chunkedLength(s.requests),
    acks,
    key: input.key ?? null,
    value: input.value ?? null,
    offset: -1,
    responseOffset: -1,
    leaderEpoch: -1,
    requestedAtMs: s.nowMs,
    completedAtMs: s.nowMs,
    status: "failed",
    error: null,
  };
  const reject = (error: string) => {
    const req = { ...base, error };
    return { ...s, requests: chunkedPush(s.requests, req), lastProduce: req };
  };
  if (s.leader < 0) return reject("LEADER_NOT_AVAILABLE");
  const leader = replicaOf(s, s.leader)!;
  if (!leader.running) return reject("NETWORK_EXCEPTION"); // connection to the crashed leader fails
  // 2.x compared with min.insync.replicas as configured; 3.7+ caps it at the replication factor.
  if (acks === "all" && s.isr.length < effectiveMinIsr(s.config)) return reject("NOT_ENOUGH_REPLICAS");
  const offset = leader.leo;
  const req: ProduceRequest = {
    ...base,
    offset,
    responseOffset: acks === "0" ? -1 : offset,
    leaderEpoch: s.leaderEpoch,
    status: acks === "0" ? "sent" : acks === "1" ? "acknowledged" : "pending",
    completedAtMs: acks === "all" ? null : s.nowMs,
  };
  let out = withReplica(s, s.leader, (r) => ({ ...r, leo: r.leo + 1 }));
  out = {
    ...out,
    requests: chunkedPush(out.requests, req),
    lastProduce: req,
    pending: acks === "all" ? [...out.pending, req.id] : out.pending,
  };
  return settle(out);
}
