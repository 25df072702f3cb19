/**
 * The compaction reducer. One cleaner round = `grabFilthiestCompactedLog` + `doClean` if the log is
 * cleanable, then `deleteOldSegments` when the policy is compact,delete. Rounds run every
 * `log.cleaner.backoff.ms` on `tick`, or immediately on `runCleaner`.
 */
import { guardStep, unknownEvent } from "../core/step-guard";
import { policyDeletes } from "../log/config";
import { deleteOldSegments } from "../retention/delete-old-segments";
import { advanceWithTask, applyLogTaskEvent, isLogTaskEvent, MAX_TASK_CATCH_UP } from "../retention/log-task";
import { grabLogToClean, isCleanable } from "./cleanable";
import { cleanLog } from "./clean";
import type { CompactionEvent, CompactionState } from "./types";

/** Most missed cleaner rounds replayed by one tick. */
export const MAX_CLEANER_CATCH_UP = MAX_TASK_CATCH_UP;

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
  return advanceWithTask(
    state,
    nowMs,
    { next: (s) => s.nextCleanerRunMs, setNext: (s, at) => ({ ...s, nextCleanerRunMs: at }), intervalMs: state.config.backoffMs },
    runCleanerRound,
  );
}

/** Applies one event to a compaction simulation. */
export function stepCompaction(state: CompactionState, event: CompactionEvent): CompactionState {
  return guardStep(state, event, (s0, e) => {
    const s: CompactionState = s0.lastError === null ? s0 : { ...s0, lastError: null };
    if (e.type === "runCleaner") return runCleanerRound(s);
    return isLogTaskEvent(e) ? applyLogTaskEvent(s, e, advanceCompactionClock) : unknownEvent(s, e);
  });
}
