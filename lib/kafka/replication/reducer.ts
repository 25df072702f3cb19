/**
 * The replication reducer. Time-driven work (follower fetch rounds, the ISR expiration check every
 * replica.lag.time.max.ms / 2, acks=all timeouts, KRaft's periodic unclean-election check, the
 * preferred-leader rebalance) runs on `tick`, in time order, each at its own scheduled time.
 */
import { guardStep, invalidEvent, isInt, safeString, tickError, unknownEvent } from "../core/step-guard";
import { chunkedGet } from "../core/chunked-list";
import { expireDelayedProduces, replicaOf, settle, withReplica } from "./high-watermark";
import { fastForwardQuiet, quietHorizon } from "./fast-forward";
import { followerFetch } from "./fetch";
import { shrinkIsr } from "./isr";
import { brokerDown, brokerUp, fenceBroker, maybeRebalanceLeader, maybeUncleanElection, runElection } from "./membership";
import { produce } from "./produce";
import type { ReplicationEvent, ReplicationState } from "./types";

/** Every running follower fetches once, in assignment order. */
export function fetchRound(s: ReplicationState): ReplicationState {
  let out = s;
  for (const id of s.config.replicas) if (id !== out.leader) out = followerFetch(out, id);
  return out;
}

function nextDeadline(s: ReplicationState): number {
  let d = Number.POSITIVE_INFINITY;
  for (const id of s.pending) d = Math.min(d, chunkedGet(s.requests, id)!.requestedAtMs + s.config.requestTimeoutMs);
  return d;
}

/**
 * Advances the clock to `nowMs`, running every scheduled task that falls due on the way (quiet
 * stretches are skipped exactly by `fastForwardQuiet`; `fastForward = false` replays every task).
 */
export function advanceReplicationClock(state: ReplicationState, nowMs: number, fastForward = true): ReplicationState {
  let s = state;
  const isrEvery = Math.max(1, Math.floor(s.config.replicaLagTimeMaxMs / 2));
  for (;;) {
    const t = s.timers;
    const next = Math.min(
      t.nextFetchMs ?? Infinity,
      t.nextIsrCheckMs,
      t.nextUncleanCheckMs,
      t.nextRebalanceCheckMs ?? Infinity,
      nextDeadline(s),
    );
    if (next > nowMs) break;
    const horizon = fastForward ? quietHorizon(s, nowMs) : null;
    if (horizon !== null && horizon >= next) {
      s = fastForwardQuiet(s, horizon);
      continue;
    }
    s = { ...s, nowMs: next };
    if (t.nextFetchMs === next) s = { ...fetchRound(s), timers: { ...s.timers, nextFetchMs: next + s.config.followerFetchIntervalMs } };
    if (t.nextIsrCheckMs === next) s = { ...shrinkIsr(s), timers: { ...s.timers, nextIsrCheckMs: next + isrEvery } };
    s = expireDelayedProduces(s);
    if (t.nextUncleanCheckMs === next) {
      // ZooKeeper-era controllers act on the config change instead of polling.
      const out = s.config.metadataMode === "kraft" ? maybeUncleanElection(s) : s;
      s = { ...out, timers: { ...out.timers, nextUncleanCheckMs: next + s.config.uncleanElectionCheckIntervalMs } };
    }
    if (t.nextRebalanceCheckMs === next)
      s = { ...maybeRebalanceLeader(s), timers: { ...s.timers, nextRebalanceCheckMs: next + s.config.leaderImbalanceCheckIntervalMs } };
  }
  return s.nowMs === nowMs ? s : { ...s, nowMs };
}

function needReplica(s: ReplicationState, id: unknown): string | null {
  return isInt(id) && replicaOf(s, id) ? null : `이 파티션의 레플리카가 아닌 브로커입니다: ${safeString(id)}`;
}

/** Applies one event to a replicated partition. */
export function stepReplication(state: ReplicationState, event: ReplicationEvent): ReplicationState {
  return guardStep(state, event, (s0, e) => {
    const s: ReplicationState = s0.lastError === null ? s0 : { ...s0, lastError: null };
    switch (e.type) {
      case "produce":
        if (e.acks !== undefined && !["0", "1", "all"].includes(e.acks))
          return invalidEvent(s, `acks는 0, 1, all 중 하나여야 합니다 (받은 값: ${safeString(e.acks)}).`);
        for (const field of ["key", "value"] as const)
          if (e[field] !== undefined && e[field] !== null && typeof e[field] !== "string")
            return invalidEvent(s, `${field}는 문자열이나 null이어야 합니다 (받은 값: ${safeString(e[field])}).`);
        return produce(s, e);
      case "followerFetch": {
        const bad = needReplica(s, e.brokerId);
        if (bad) return invalidEvent(s, bad);
        if (e.brokerId === s.leader) return invalidEvent(s, `브로커 ${e.brokerId}는 리더라서 fetch하지 않습니다.`);
        return followerFetch(s, e.brokerId);
      }
      case "tick":
        if (tickError(s.nowMs, e.nowMs)) return invalidEvent(s, tickError(s.nowMs, e.nowMs)!);
        return advanceReplicationClock(s, e.nowMs);
      case "brokerDown":
        return needReplica(s, e.brokerId)
          ? invalidEvent(s, needReplica(s, e.brokerId)!)
          : brokerDown(s, e.brokerId, e.notifyController ?? true, !!e.graceful);
      case "brokerFenced":
        return needReplica(s, e.brokerId) ? invalidEvent(s, needReplica(s, e.brokerId)!) : fenceBroker(s, e.brokerId);
      case "brokerUp":
        return needReplica(s, e.brokerId) ? invalidEvent(s, needReplica(s, e.brokerId)!) : brokerUp(s, e.brokerId);
      case "setFollowerPaused":
        if (needReplica(s, e.brokerId)) return invalidEvent(s, needReplica(s, e.brokerId)!);
        return withReplica(s, e.brokerId, (r) => ({ ...r, paused: !!e.paused }));
      case "electLeader":
        if (e.kind !== "PREFERRED" && e.kind !== "UNCLEAN") return invalidEvent(s, "선출 종류는 PREFERRED 또는 UNCLEAN이어야 합니다.");
        return runElection(s, s.isr, e.kind, e.kind === "PREFERRED" ? "관리자 선호 리더 선출" : "관리자 언클린 리더 선출");
      case "setUncleanLeaderElection": {
        const out = { ...s, config: { ...s.config, uncleanLeaderElectionEnable: !!e.enabled } };
        // ZooKeeper controllers react to the topic config change at once; KRaft waits for its periodic check.
        return out.config.metadataMode === "zookeeper" ? maybeUncleanElection(out) : out;
      }
      case "setControllerAvailable":
        return settle({ ...s, controllerAvailable: !!e.available });
      default:
        return unknownEvent(s, e);
    }
  });
}
