/**
 * The retention reducer. Retention is not triggered by appends: the broker's `kafka-log-retention`
 * task runs every `log.retention.check.interval.ms` (first after 30 s), so only `tick` events
 * (or an explicit `runRetention`) delete segments.
 */
import { catchUpStart, guardStep, invalidEvent, isInt, tickError, unknownEvent, withError } from "../core/step-guard";
import { appendRecords, rollSegment } from "../log/append";
import { advanceLogClock } from "../log/clock";
import { updateHighWatermark } from "../log/reducer";
import { deleteOldSegments } from "./delete-old-segments";
import { fetchWithReset } from "./offset-reset";
import type { RetentionEvent, RetentionState } from "./types";

/** Most missed retention checks replayed by one tick. */
export const MAX_CATCH_UP = 1000;

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
  // Without appends in between, a later check deletes a superset of what earlier ones would, so a
  // long jump replays only the last MAX_CATCH_UP checks (skipped work happens at the first replayed one).
  let s = { ...state, nextCheckMs: catchUpStart(state.nextCheckMs, state.config.checkIntervalMs, nowMs, MAX_CATCH_UP) };
  while (s.nextCheckMs <= nowMs) {
    s = { ...s, log: advanceLogClock(s.log, s.nextCheckMs) };
    s = runRetentionCheck(s);
    s = { ...s, nextCheckMs: s.nextCheckMs + s.config.checkIntervalMs };
  }
  return { ...s, log: advanceLogClock(s.log, nowMs) };
}

/** Applies one event to a retention simulation. */
export function stepRetention(state: RetentionState, event: RetentionEvent): RetentionState {
  return guardStep(state, event, (s0, e) => {
    const s: RetentionState = s0.lastError === null ? s0 : { ...s0, lastError: null };
    switch (e.type) {
      case "append": {
        const r = appendRecords(s.log, e.records);
        return r.ok ? { ...s, log: r.value.log } : withError(s, r.error);
      }
      case "tick":
        if (tickError(s.log.nowMs, e.nowMs)) return invalidEvent(s, tickError(s.log.nowMs, e.nowMs)!);
        return advanceRetentionClock(s, e.nowMs);
      case "setHighWatermark":
        if (!isInt(e.offset)) return invalidEvent(s, "하이 워터마크는 정수여야 합니다.");
        return { ...s, log: updateHighWatermark(s.log, e.offset) };
      case "roll":
        return { ...s, log: rollSegment(s.log) };
      case "runRetention":
        return runRetentionCheck(s);
      case "fetch":
        if (!isInt(e.offset)) return invalidEvent(s, "fetch 오프셋은 정수여야 합니다.");
        return { ...s, lastFetch: fetchWithReset(s.log, e.offset, e.autoOffsetReset ?? "latest", e.maxRecords ?? 500) };
      default:
        return unknownEvent(s, e);
    }
  });
}
