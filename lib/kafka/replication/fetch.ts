/**
 * Follower fetching (`ReplicaFetcherThread` + the leader's `Partition.fetchRecords`): truncate to
 * the point where the follower's log diverges from the leader's (leader epochs, KIP-101/595), report
 * the fetch offset to the leader (which updates lastCaughtUpTime, may re-add the follower to the
 * ISR and may advance the HW), then copy records and learn the HW the leader had when it read them.
 */
import { appendEpochRange, divergenceOffset, truncateEpochs } from "./epochs";
import { replicaOf, settle, withReplica } from "./high-watermark";
import { maybeExpandIsr } from "./isr";
import type { FollowerFetchState, ReplicationState } from "./types";

/** `updateFetchStateOrThrow`: how a follower's fetch moves its lastCaughtUpTime. */
export function updateFetchState(fs: FollowerFetchState, fetchOffset: number, leaderLeo: number, nowMs: number): FollowerFetchState {
  let lastCaughtUp = fs.lastCaughtUpTimeMs;
  if (fetchOffset >= leaderLeo) lastCaughtUp = Math.max(lastCaughtUp ?? nowMs, nowMs);
  else if (fetchOffset >= fs.lastFetchLeaderLeo && fs.lastFetchTimeMs !== null) {
    // caught up to what the leader had at the previous fetch → caught up as of that fetch
    lastCaughtUp = Math.max(lastCaughtUp ?? fs.lastFetchTimeMs, fs.lastFetchTimeMs);
  }
  return {
    leo: fetchOffset,
    lastCaughtUpTimeMs: lastCaughtUp,
    lastFetchTimeMs: nowMs,
    lastFetchLeaderLeo: Math.max(leaderLeo, fs.lastFetchLeaderLeo),
  };
}

/** Truncates a replica to where its log diverges from the leader's; no-op when it is a prefix. */
export function truncateToLeader(s: ReplicationState, brokerId: number): ReplicationState {
  const leader = s.leader >= 0 ? replicaOf(s, s.leader) : undefined;
  const r = replicaOf(s, brokerId);
  if (!leader || !r || brokerId === s.leader) return s;
  const t = divergenceOffset(r, leader);
  if (t >= r.leo) return s;
  const out = withReplica(s, brokerId, (x) => ({ ...x, leo: t, hw: Math.min(x.hw, t), epochs: truncateEpochs(x.epochs, t) }));
  return { ...out, truncations: [...out.truncations, { atMs: s.nowMs, brokerId, fromLeo: r.leo, toOffset: t }] };
}

/** One fetch round trip of a follower; silently nothing when either side is down or paused. */
export function followerFetch(s0: ReplicationState, brokerId: number): ReplicationState {
  const lead0 = s0.leader >= 0 ? replicaOf(s0, s0.leader) : undefined;
  const f0 = replicaOf(s0, brokerId);
  if (!lead0 || !f0 || brokerId === s0.leader || !f0.running || f0.paused || !lead0.running) return s0;
  let s = truncateToLeader(s0, brokerId);
  const leader = replicaOf(s, s.leader)!;
  const hwInResponse = leader.hw; // read before this fetch moves the HW, as in Partition.fetchRecords
  const fetchOffset = replicaOf(s, brokerId)!.leo;
  s = withReplica(s, brokerId, (r) => ({ ...r, fetchState: updateFetchState(r.fetchState, fetchOffset, leader.leo, s.nowMs) }));
  s = maybeExpandIsr(s, brokerId);
  s = settle(s);
  const end = Math.min(leader.leo, fetchOffset + s.config.maxFetchRecords);
  return withReplica(s, brokerId, (r) => ({
    ...r,
    leo: end,
    epochs: appendEpochRange(r.epochs, leader.epochs, fetchOffset, end),
    hw: Math.max(r.hw, Math.min(hwInResponse, end)),
  }));
}
