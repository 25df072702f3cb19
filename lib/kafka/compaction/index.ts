/** Log compaction: dirty ratio, cleanable range, offset map, retain rule, tombstone horizons. */
export * from "./types";
export {
  logSegmentsRange,
  nonActiveLogSegmentsFrom,
  cleanableOffsets,
  calculateCleanableBytes,
  maxCompactionDelay,
  makeLogToClean,
  grabLogToClean,
  isCleanable,
} from "./cleanable";
export { buildOffsetMap, groupSegmentsBySize, shouldRetainRecord, cleanSegmentGroup, cleanLog, resizeForBaseTimestamp } from "./clean";
export type { OffsetMap } from "./clean";
export { createCompactionState, resolveCompactionConfig, DEFAULT_CLEANER_BACKOFF_MS } from "./config";
export { stepCompaction, runCleanerRound, runCompactDeleteRetention, maybeCleanLog, advanceCompactionClock } from "./reducer";
