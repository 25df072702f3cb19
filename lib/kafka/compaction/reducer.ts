/**
 * The compaction reducer. One cleaner round = `grabFilthiestCompactedLog` + `doClean` if the log is
 * cleanable, then `deleteOldSegments` when the policy is compact,delete. Rounds run every
 * `log.cleaner.backoff.ms` on `tick`, or immediately on `runCleaner`.
 */
import { catchUpStart, guardStep, invalidEvent, isInt, tickError, unknownEvent, withError } from "../core/step-guard";
import { appendRecords, rollSegment } from "../log/append";
import { advanceLogClock } from "../log/clock";
import { policyDeletes } from "../log/config";
import { updateHighWatermark } from "../log/reducer";
import { deleteOldSegments } from "../retention/delete-old-segments";
import { fetchWithReset } from "../retention/offset-reset";
import { grabLogToClean, isCleanable } from "./cleanable";
import { cleanLog } from "./clean";
import type { CompactionEvent, CompactionState } from "./types";

/** Most missed cleaner rounds replayed by one tick. */
export const MAX_CLEANER_CATCH_UP = 1000;

/** Runs retention on a compact,delete log (the cleaner thread's `deletableLogs` pass). */
export function runCompactDeleteRetention(state: CompactionState): CompactionState {
  if (!policyDeletes(state.log.config.cleanupPolicy)) return state;
  const { log, run } = deleteOldSegments(state.log, state.config.retention);
  return { ...state, log, lastRetentionRun: run };
}

/** Checks the dirty ratio and cleans the log if it is cleanable (one `cleanFilthiestLog`). */
export function maybeCleanLog(state: CompactionState): CompactionState {
  const now = state.log.nowMs;
  const ltc = grabLogToClean(state.log, state.checkpoint, now, state.config);
  const checkpoint = ltc.forceUpdateCheckpoint ? ltc.firstDirtyOffset : state.checkpoint;
  const { forceUpdateCheckpoint: _ignored, ...view } = ltc;
  const cleanable = isCleanable(ltc, state.config);
  const checked = { ...state, checkpoint, lastCheck: { ...view, cleanable } };
  if (!cleanable) return checked;
  const out = cleanLog(state.log, ltc, now, state.config);
  return { ...checked, log: out.log, checkpoint: out.endOffset, lastCleaning: out.summary, cleanings: state.cleanings + 1 };
}

/**
 * One cleaner-thread round as `CleanerThread.cleanFilthiestLog` runs it: compact the log if it is
 * cleanable, then (compact,delete only) `deleteOldSegments` on the result.
 */
export function runCleanerRound(state: CompactionState): CompactionState {
  return runCompactDeleteRetention(maybeCleanLog(state));
}

/** Advances the clock, running every cleaner round that falls due on the way. */
export function advanceCompactionClock(state: CompactionState, nowMs: number): CompactionState {
  // With no appends in between, one round cleans what many would; a long jump replays only the last
  // MAX_CLEANER_CATCH_UP rounds (skipped work happens at the first replayed one).
  let s = { ...state, nextCleanerRunMs: catchUpStart(state.nextCleanerRunMs, state.config.backoffMs, nowMs, MAX_CLEANER_CATCH_UP) };
  while (s.nextCleanerRunMs <= nowMs) {
    s = { ...s, log: advanceLogClock(s.log, s.nextCleanerRunMs) };
    s = runCleanerRound(s);
    s = { ...s, nextCleanerRunMs: s.nextCleanerRunMs + s.config.backoffMs };
  }
  return { ...s, log: advanceLogClock(s.log, nowMs) };
}

/** Applies one event to a compaction simulation. */
export function stepCompaction(state: CompactionState, event: CompactionEvent): CompactionState {
  return guardStep(state, event, (s0, e) => {
    const s: CompactionState = s0.lastError === null ? s0 : { ...s0, lastError: null };
    switch (e.type) {
      case "append": {
        const r = appendRecords(s.log, e.records);
        return r.ok ? { ...s, log: r.value.log } : withError(s, r.error);
      }
      case "tick":
        if (tickError(s.log.nowMs, e.nowMs)) return invalidEvent(s, tickError(s.log.nowMs, e.nowMs)!);
        return advanceCompactionClock(s, e.nowMs);
      case "setHighWatermark":
        if (!isInt(e.offset)) return invalidEvent(s, "하이 워터마크는 정수여야 합니다.");
        return { ...s, log: updateHighWatermark(s.log, e.offset) };
      case "roll":
        return { ...s, log: rollSegment(s.log) };
      case "runCleaner":
        return runCleanerRound(s);
      case "fetch":
        if (!isInt(e.offset)) return invalidEvent(s, "fetch 오프셋은 정수여야 합니다.");
        return { ...s, lastFetch: fetchWithReset(s.log, e.offset, e.autoOffsetReset ?? "latest", e.maxRecords ?? 500) };
      default:
        return unknownEvent(s, e);
    }
  });
}
