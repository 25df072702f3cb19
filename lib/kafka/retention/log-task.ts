/**
 * What the retention and compaction reducers share: both drive one partition log with the same
 * client-side events (append, tick, setHighWatermark, roll, fetch) and run a broker task on a fixed
 * schedule of the sim clock (`kafka-log-retention`, the log cleaner's backoff loop).
 */
import type { SimError } from "../core/errors";
import { catchUpStart, invalidEvent, isInt, tickError, withError } from "../core/step-guard";
import { appendRecords, rollSegment } from "../log/append";
import { advanceLogClock } from "../log/clock";
import { deleteRecords } from "../log/delete-records";
import { updateHighWatermark } from "../log/reducer";
import type { LogState, RecordInput } from "../log/types";
import { fetchWithReset } from "./offset-reset";
import type { AutoOffsetReset, FetchOutcome } from "./types";

/** A simulation built around one partition log. */
export interface LogTaskState {
  log: LogState;
  lastFetch: FetchOutcome | null;
  lastError: SimError | null;
}

/** The events every log-driven simulation understands. */
export type LogTaskEvent =
  | { type: "append"; records: RecordInput[] }
  | { type: "tick"; nowMs: number }
  | { type: "setHighWatermark"; offset: number }
  | { type: "roll" }
  | { type: "fetch"; offset: number; maxRecords?: number; autoOffsetReset?: AutoOffsetReset }
  | { type: "deleteRecords"; offset: number };

/** Most missed task runs replayed by one tick. */
export const MAX_TASK_CATCH_UP = 1000;

/**
 * Advances the clock to `nowMs`, running the task at each scheduled time on the way (each run sees
 * the log at its own time). Without appends in between a later run does a superset of what earlier
 * ones would, so a long jump replays only the last MAX_TASK_CATCH_UP runs.
 */
export function advanceWithTask<S extends LogTaskState>(
  state: S,
  nowMs: number,
  schedule: { next: (s: S) => number; setNext: (s: S, at: number) => S; intervalMs: number },
  run: (s: S) => S,
): S {
  let s = schedule.setNext(state, catchUpStart(schedule.next(state), schedule.intervalMs, nowMs, MAX_TASK_CATCH_UP));
  while (schedule.next(s) <= nowMs) {
    const at = schedule.next(s);
    s = run({ ...s, log: advanceLogClock(s.log, at) });
    s = schedule.setNext(s, at + schedule.intervalMs);
  }
  return { ...s, log: advanceLogClock(s.log, nowMs) };
}

/** Applies a shared log event; `advance` moves the clock with the caller's scheduled task. */
export function applyLogTaskEvent<S extends LogTaskState>(s: S, e: LogTaskEvent, advance: (s: S, nowMs: number) => S): S {
  switch (e.type) {
    case "append": {
      const r = appendRecords(s.log, e.records);
      return r.ok ? { ...s, log: r.value.log } : withError(s, r.error);
    }
    case "tick": {
      const problem = tickError(s.log.nowMs, e.nowMs);
      return problem ? invalidEvent(s, problem) : advance(s, e.nowMs);
    }
    case "setHighWatermark":
      if (!isInt(e.offset)) return invalidEvent(s, "하이 워터마크는 정수여야 합니다.");
      return { ...s, log: updateHighWatermark(s.log, e.offset) };
    case "roll":
      return { ...s, log: rollSegment(s.log) };
    case "fetch":
      if (!isInt(e.offset)) return invalidEvent(s, "fetch 오프셋은 정수여야 합니다.");
      return { ...s, lastFetch: fetchWithReset(s.log, e.offset, e.autoOffsetReset ?? "latest", e.maxRecords ?? 500) };
    case "deleteRecords": {
      const r = deleteRecords(s.log, e.offset);
      return r.ok ? { ...s, log: r.value.log } : withError(s, r.error);
    }
  }
}

/** True for the event types `applyLogTaskEvent` handles. */
export function isLogTaskEvent(e: { type: string }): e is LogTaskEvent {
  return e.type === "append" || e.type === "tick" || e.type === "setHighWatermark" || e.type === "roll" || e.type === "fetch" || e.type === "deleteRecords";
}
