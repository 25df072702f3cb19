/**
 * Exact shortcut for long quiet stretches. When every fetching follower is fully in sync and no
 * request waits, a follower fetch round only refreshes the leader's fetch timestamps and the ISR
 * check removes nobody, so k rounds equal one round at the last of those times. Without this a
 * one-day tick would replay 172,800 fetch rounds one by one.
 */
import { divergenceOffset } from "./epochs";
import { replicaOf } from "./high-watermark";
import { canChangeIsr } from "./isr";
import type { ReplicationState } from "./types";

/** Latest time ≤ target up to which timed work is provably timestamp-only, or null when not quiet. */
export function quietHorizon(s: ReplicationState, targetMs: number): number | null {
  if (s.pending.length > 0) return null;
  const leader = s.leader >= 0 ? replicaOf(s, s.leader) : undefined;
  const leaderUp = !!leader && leader.running;
  // A fetch runs settle(), which could move a lagging HW; with nobody fetching nothing calls it.
  const anyFetching = leaderUp && s.replicas.some((r) => r.brokerId !== s.leader && r.running && !r.paused);
  if (anyFetching && leader!.hw !== leader!.leo) return null;
  for (const r of s.replicas) {
    if (!leader || r.brokerId === s.leader) continue;
    // ISR checks must stay no-ops: every ISR follower is known to be at the leader's LEO.
    if (leaderUp && canChangeIsr(s) && s.isr.includes(r.brokerId) && r.fetchState.leo !== leader.leo) return null;
    if (!(leaderUp && r.running && !r.paused)) continue; // this follower's fetches do nothing
    if (r.leo !== leader.leo || r.fetchState.leo !== leader.leo || r.hw !== leader.hw || divergenceOffset(r, leader) !== r.leo) return null;
    if (!s.isr.includes(r.brokerId) && !r.fenced && canChangeIsr(s)) return null; // it would re-join
  }
  let horizon = targetMs;
  // Checks that could act stay on the normal path.
  if (s.config.metadataMode === "kraft" && s.leader < 0 && s.config.uncleanLeaderElectionEnable)
    horizon = Math.min(horizon, s.timers.nextUncleanCheckMs - 1);
  if (s.timers.nextRebalanceCheckMs !== null && s.leader >= 0 && s.leader !== s.config.replicas[0])
    horizon = Math.min(horizon, s.timers.nextRebalanceCheckMs - 1);
  return horizon;
}

const firstAfter = (t: number, period: number, horizon: number) => (t > horizon ? t : t + Math.ceil((horizon - t + 1) / period) * period);

/** Jumps a quiet partition to `horizonMs`: one timestamp refresh for the last fetch round, all timers moved past. */
export function fastForwardQuiet(s: ReplicationState, horizonMs: number): ReplicationState {
  const t = s.timers;
  let replicas = s.replicas;
  let nextFetchMs = t.nextFetchMs;
  const leader = s.leader >= 0 ? replicaOf(s, s.leader) : undefined;
  if (nextFetchMs !== null && nextFetchMs <= horizonMs) {
    const p = s.config.followerFetchIntervalMs;
    const last = nextFetchMs + Math.floor((horizonMs - nextFetchMs) / p) * p;
    if (leader && leader.running) {
      replicas = replicas.map((r) =>
        r.brokerId === s.leader || !r.running || r.paused
          ? r
          : {
              ...r,
              fetchState: {
                leo: leader.leo,
                lastCaughtUpTimeMs: last,
                lastFetchTimeMs: last,
                lastFetchLeaderLeo: Math.max(leader.leo, r.fetchState.lastFetchLeaderLeo),
              },
            },
      );
    }
    nextFetchMs = last + p;
  }
  const isrEvery = Math.max(1, Math.floor(s.config.replicaLagTimeMaxMs / 2));
  return {
    ...s,
    nowMs: horizonMs,
    replicas,
    timers: {
      nextFetchMs,
      nextIsrCheckMs: firstAfter(t.nextIsrCheckMs, isrEvery, horizonMs),
      nextUncleanCheckMs: firstAfter(t.nextUncleanCheckMs, s.config.uncleanElectionCheckIntervalMs, horizonMs),
      nextRebalanceCheckMs:
        t.nextRebalanceCheckMs === null ? null : firstAfter(t.nextRebalanceCheckMs, s.config.leaderImbalanceCheckIntervalMs, horizonMs),
    },
  };
}
