/**
 * ISR maintenance on the leader: time-based shrink (`Partition.maybeShrinkIsr`, run every
 * replica.lag.time.max.ms / 2) and re-join (`maybeExpandIsr` when follower LEO ≥ leader HW).
 * In KRaft both go through the controller (AlterPartition), so they stall without one.
 */
import { targetElr } from "./elr";
import { isCaughtUp, replicaOf, settle } from "./high-watermark";
import type { ReplicationState } from "./types";

/** ISR changes need the controller in KRaft; the ZooKeeper-era leader wrote them to ZooKeeper itself. */
export function canChangeIsr(s: ReplicationState): boolean {
  return s.controllerAvailable || s.config.metadataMode === "zookeeper";
}

/** The controller accepts the leader's AlterPartition: the new ISR, and the ELR it leaves (KIP-966). */
function recordIsr(s: ReplicationState, isr: number[], reason: string): ReplicationState {
  const elr = targetElr(s, isr);
  return { ...s, isr, elr, isrChanges: [...s.isrChanges, { atMs: s.nowMs, isr, elr, reason }] };
}

/** Removes followers that have not caught up to the leader's LEO within replica.lag.time.max.ms. */
export function shrinkIsr(s: ReplicationState): ReplicationState {
  if (s.leader < 0 || !canChangeIsr(s)) return s;
  const leader = replicaOf(s, s.leader);
  if (!leader || !leader.running) return s;
  const out = s.isr.filter((id) => {
    if (id === s.leader) return false;
    const r = replicaOf(s, id);
    return !r || !isCaughtUp(r.fetchState, leader.leo, s.nowMs, s.config.replicaLagTimeMaxMs);
  });
  if (out.length === 0) return s;
  const isr = s.isr.filter((id) => !out.includes(id));
  return settle(recordIsr(s, isr, `replica.lag.time.max.ms 초과로 제외: ${out.join(", ")}`));
}

/**
 * Adds a follower back when its fetch offset ≥ leader HW and ≥ the start offset of the leader's
 * current epoch (`isFollowerInSync`); fenced brokers are not eligible.
 */
export function maybeExpandIsr(s: ReplicationState, brokerId: number): ReplicationState {
  if (s.leader < 0 || s.isr.includes(brokerId) || !canChangeIsr(s)) return s;
  const leader = replicaOf(s, s.leader);
  const r = replicaOf(s, brokerId);
  if (!leader || !r || r.fenced) return s;
  const epochStart = leader.epochs.find((e) => e.epoch === s.leaderEpoch)?.startOffset ?? leader.leo;
  if (r.fetchState.leo < leader.hw || r.fetchState.leo < epochStart) return s;
  return settle(recordIsr(s, [...s.isr, brokerId], `브로커 ${brokerId}가 따라잡아 ISR에 복귀`));
}
