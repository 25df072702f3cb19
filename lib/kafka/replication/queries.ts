/** Read-only views of a replicated partition for widgets and tests (no state changes). */
import { chunkedToArray } from "../core/chunked-list";
import { epochAt } from "./epochs";
import { replicaOf } from "./high-watermark";
import type { Acks, ProduceRequest, ReplicationState } from "./types";

/** All produce requests in send order. */
export function listRequests(s: ReplicationState): ProduceRequest[] {
  return chunkedToArray(s.requests);
}

/** The leader's high watermark (what consumers may read up to), or -1 with no leader. */
export function highWatermark(s: ReplicationState): number {
  const l = s.leader >= 0 ? replicaOf(s, s.leader) : undefined;
  return l ? l.hw : -1;
}

/** True if `brokerId`'s log holds the record written at `offset` in leader epoch `epoch`. */
export function holdsRecord(s: ReplicationState, brokerId: number, epoch: number, offset: number): boolean {
  const r = replicaOf(s, brokerId);
  return !!r && offset < r.leo && epochAt(r.epochs, offset) === epoch;
}

/** The replica whose log is authoritative: the leader, or with no leader the (last) ISR member. */
export function authoritativeReplica(s: ReplicationState): number {
  return s.leader >= 0 ? s.leader : (s.isr[0] ?? -1);
}

/**
 * Replicas a clean election could still make leader: the leader; with none, the ISR; with an empty
 * ISR (ELR, KIP-966), the ELR members and the last known leader.
 */
export function eligibleReplicas(s: ReplicationState): number[] {
  if (s.leader >= 0) return [s.leader];
  if (s.isr.length > 0) return s.isr;
  return [...(s.elr ?? []), ...(s.lastKnownLeader ?? [])];
}

/** Acknowledged records that no replica able to lead cleanly still holds (optionally only one acks level). */
export function lostAcknowledgedRecords(s: ReplicationState, acks?: Acks): ProduceRequest[] {
  const refs = eligibleReplicas(s);
  return listRequests(s).filter(
    (q) =>
      q.status === "acknowledged" &&
      (acks === undefined || q.acks === acks) &&
      !refs.some((ref) => holdsRecord(s, ref, q.leaderEpoch, q.offset)),
  );
}

/** One replica's log with record contents (looked up by epoch and offset) and whether each is committed. */
export function replicaLog(
  s: ReplicationState,
  brokerId: number,
): { offset: number; epoch: number; key: string | null; value: string | null; committed: boolean }[] {
  const r = replicaOf(s, brokerId);
  if (!r) return [];
  const byId = new Map(
    listRequests(s)
      .filter((q) => q.offset >= 0)
      .map((q) => [`${q.leaderEpoch}:${q.offset}`, q]),
  );
  const hw = highWatermark(s);
  const out = [];
  for (let o = 0; o < r.leo; o++) {
    const epoch = epochAt(r.epochs, o);
    const q = byId.get(`${epoch}:${o}`);
    out.push({
      offset: o,
      epoch,
      key: q?.key ?? null,
      value: q?.value ?? null,
      committed: o < hw && holdsRecord(s, authoritativeReplica(s), epoch, o),
    });
  }
  return out;
}
