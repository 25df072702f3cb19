/**
 * The retention reducer. Retention is not triggered by appends: the broker's `kafka-log-retention`
 * task runs every `log.retention.check.interval.ms` (first after 30 s), so only `tick` events
 * (or an explicit `runRetention`) delete segments.
 */
import { guardStep, unknownEvent } from "../core/step-guard";
import { deleteOldSegments } from "./delete-old-segments";
import { advanceWithTask, applyLogTaskEvent, isLogTaskEvent, MAX_TASK_CATCH_UP } from "./log-task";
import type { RetentionEvent, RetentionState } from "./types";

/** Most missed retention checks replayed by one tick. */
export const MAX_CATCH_UP = MAX_TASK_CATCH_UP;

/** One run of the retention task at the log's current time. */
export function runRetentionCheck(state: RetentionState): RetentionState {
  const { log, run } = deleteOldSegments(state.log, state.config);
  return { ...state, log, lastRun: run, checksRun: state.checksRun + 1 };
}

/**
 * Advances the clock to `nowMs`, running every scheduled retention check that falls due on the way
 * (each at its own scheduled time, so time-based deletions happen exactly when Kafka would do them).
 */
export function advanceRetentionClock(state: RetentionState, nowMs: number): RetentionState {
  return advanceWithTask(
    state,
    nowMs,
    { next: (s) => s.nextCheckMs, setNext: (s, at) => ({ ...s, nextCheckMs: at }), intervalMs: state.config.checkIntervalMs },
    runRetentionCheck,
  );
}

/** Applies one event to a retention simulation. */
export function stepRetention(state: RetentionState, event: RetentionEvent): RetentionState {
  return guardStep(state, event, (s0, e) => {
    const s: RetentionState = s0.lastError === null ? s0 : { ...s0, lastError: null };
    if (e.type === "runRetention") return runRetentionCheck(s);
    return isLogTaskEvent(e) ? applyLogTaskEvent(s, e, advanceRetentionClock) : unknownEvent(s, e);
  });
}
