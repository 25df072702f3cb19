/** Time/size retention: deleteOldSegments, the retention schedule and OFFSET_OUT_OF_RANGE handling. */
export * from "./types";
export {
  deletableSegmentCount,
  deleteSegments,
  deleteLogStartOffsetBreachedSegments,
  deleteRetentionSizeBreachedSegments,
  deleteRetentionMsBreachedSegments,
  deleteOldSegments,
} from "./delete-old-segments";
export type { SegmentPredicate } from "./delete-old-segments";
export { resolveOffsetReset, fetchWithReset } from "./offset-reset";
export { createRetentionState, resolveRetentionConfig, DEFAULT_INITIAL_TASK_DELAY_MS } from "./config";
export { stepRetention, runRetentionCheck, advanceRetentionClock } from "./reducer";
