/** Partition log: segments, rolling, sparse indexes, lookups and file names. */
export * from "./types";
export { BATCH_OVERHEAD_BYTES, utf8Length, zigZagVarSize, encodedRecordSize, batchSizeInBytes } from "./record-size";
export {
  filenamePrefixFromOffset,
  segmentFileName,
  offsetIndexFileName,
  timeIndexFileName,
  txnIndexFileName,
  producerSnapshotFileName,
  segmentFileNames,
  offsetFromFileName,
  offsetFromFileNameBig,
  partitionDirName,
  logDeleteDirName,
  parseTopicPartitionName,
  LOG_FILE_SUFFIX,
  INDEX_FILE_SUFFIX,
  TIME_INDEX_FILE_SUFFIX,
  TXN_INDEX_FILE_SUFFIX,
  PRODUCER_SNAPSHOT_FILE_SUFFIX,
  DELETED_FILE_SUFFIX,
  CLEANED_FILE_SUFFIX,
  SWAP_FILE_SUFFIX,
} from "./file-names";
export {
  createLogState,
  resolveLogConfig,
  normalizeCleanupPolicy,
  policyDeletes,
  policyCompacts,
  DEFAULT_SEGMENT_INDEX_BYTES,
  DEFAULT_FILE_DELETE_DELAY_MS,
  DEFAULT_MAX_MESSAGE_BYTES,
} from "./config";
export {
  newSegment,
  drawRollJitter,
  offsetIndexMaxEntries,
  timeIndexMaxEntries,
  timeIndexIsFull,
  maxSegmentMs,
  largestTimestamp,
  segmentLastOffset,
  timeWaitedForRoll,
  shouldRoll,
  onBecomeInactiveSegment,
  buildSegmentFromBatches,
  segmentFileSizes,
  MAX_RELATIVE_OFFSET,
} from "./segment";
export type { RollParams } from "./segment";
export { buildBatch, appendRecords, appendRecordsAt, appendMany, rollSegment } from "./append";
export type { AppendResult } from "./append";
export { floorSegmentIndex, lookupOffset, lookupTimestamp, readRecords, logSize, activeSegment, allRecords } from "./lookup";
export type { OffsetLookup, ReadResult } from "./lookup";
export { scheduleFileDeletion, advanceLogClock } from "./clock";
export { stepLog, updateHighWatermark } from "./reducer";
export { deleteRecords, DELETE_RECORDS_HIGH_WATERMARK } from "./delete-records";
export type { DeleteRecordsResult } from "./delete-records";
