/**
 * The admin API's DeleteRecords on one partition leader (`Partition.deleteRecordsOnLeader`,
 * `UnifiedLog.maybeIncrementLogStartOffset`): the log start offset moves forward to the requested
 * offset, so reads below it get `OFFSET_OUT_OF_RANGE`; whole segments below it are removed later by
 * the retention task (`deleteLogStartOffsetBreachedSegments`), not by the request itself.
 */
import { fail, ok, type Result } from "../core/errors";
import { isInt, safeString } from "../core/step-guard";
import { policyDeletes } from "./config";
import type { LogState } from "./types";

/** `DeleteRecordsRequest.HIGH_WATERMARK`: delete everything below the high watermark. */
export const DELETE_RECORDS_HIGH_WATERMARK = -1;

/** What the leader answers: the offset it applied and its low watermark (its log start offset). */
export interface DeleteRecordsResult {
  requestedOffset: number;
  /** Lowest log start offset among replicas; for a single log, the leader's own log start offset. */
  lowWatermark: number;
}

/**
 * Applies DeleteRecords(offset). −1 means the high watermark. Errors as Kafka: a compact-only
 * topic → `POLICY_VIOLATION`; a negative offset or one above the high watermark → `OFFSET_OUT_OF_RANGE`.
 * An offset at or below the current log start offset changes nothing (the call still succeeds).
 */
export function deleteRecords(log: LogState, offset: unknown): Result<{ log: LogState; result: DeleteRecordsResult }> {
  if (!isInt(offset)) return fail("INVALID_EVENT", `deleteRecords의 offset은 정수여야 합니다 (받은 값: ${safeString(offset)}).`);
  if (!policyDeletes(log.config.cleanupPolicy))
    return fail(
      "KAFKA_ERROR",
      `cleanup.policy=${log.config.cleanupPolicy}인 토픽의 레코드는 삭제할 수 없습니다 (POLICY_VIOLATION).`,
      "POLICY_VIOLATION",
    );
  const target = offset === DELETE_RECORDS_HIGH_WATERMARK ? log.highWatermark : offset;
  if (target < 0) return fail("KAFKA_ERROR", `오프셋 ${target}은(는) 올바르지 않습니다 (OFFSET_OUT_OF_RANGE).`, "OFFSET_OUT_OF_RANGE");
  if (target > log.highWatermark)
    return fail(
      "KAFKA_ERROR",
      `로그 시작 오프셋을 ${target}로 올릴 수 없습니다: 하이 워터마크 ${log.highWatermark}보다 큽니다 (OFFSET_OUT_OF_RANGE).`,
      "OFFSET_OUT_OF_RANGE",
    );
  const next = target > log.logStartOffset ? { ...log, logStartOffset: target, lastError: null } : { ...log, lastError: null };
  return ok({ log: next, result: { requestedOffset: target, lowWatermark: next.logStartOffset } });
}
