/** The partition-log reducer: `stepLog(state, event)` never throws; errors land in `lastError`. */
import { guardStep, invalidEvent, isInt, tickError, unknownEvent, withError } from "../core/step-guard";
import { appendRecords, appendRecordsAt, rollSegment } from "./append";
import { advanceLogClock } from "./clock";
import { deleteRecords } from "./delete-records";
import type { LogEvent, LogState } from "./types";

/** `UnifiedLog.updateHighWatermark`: the HW is clamped into [logStartOffset, LEO]. */
export function updateHighWatermark(log: LogState, offset: number): LogState {
  const hw = Math.min(Math.max(offset, log.logStartOffset), log.logEndOffset);
  return hw === log.highWatermark && log.lastError === null ? log : { ...log, highWatermark: hw, lastError: null };
}

/** Applies one event to a partition log. */
export function stepLog(state: LogState, event: LogEvent): LogState {
  return guardStep(state, event, (s, e) => {
    switch (e.type) {
      case "append": {
        const r = appendRecords(s, e.records, { leaderEpoch: e.leaderEpoch });
        return r.ok ? r.value.log : withError(s, r.error);
      }
      case "appendAt": {
        const r = appendRecordsAt(s, e.baseOffset, e.records, { leaderEpoch: e.leaderEpoch });
        return r.ok ? r.value.log : withError(s, r.error);
      }
      case "roll":
        return rollSegment(s);
      case "tick":
        if (tickError(s.nowMs, e.nowMs)) return invalidEvent(s, tickError(s.nowMs, e.nowMs)!);
        return { ...advanceLogClock(s, e.nowMs), lastError: null };
      case "setHighWatermark":
        if (!isInt(e.offset)) return invalidEvent(s, "하이 워터마크는 정수여야 합니다.");
        return updateHighWatermark(s, e.offset);
      case "deleteRecords": {
        const r = deleteRecords(s, e.offset);
        return r.ok ? r.value.log : withError(s, r.error);
      }
      default:
        return unknownEvent(s, e);
    }
  });
}
