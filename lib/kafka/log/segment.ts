/**
 * One log segment (`LogSegment`): appending a batch with its sparse index entries, the roll
 * conditions (`shouldRoll`), the time used for time-based rolling and the largest timestamp used by
 * time retention. Functions returning a Segment never mutate their input.
 */
import { nextBelow, type RngState } from "../core/rng";
import type { LogBatch, LogConfig, RollReason, Segment } from "./types";
import { NO_TIMESTAMP } from "./types";

/** Largest offset delta a segment can hold (relative offsets are 4-byte ints). */
export const MAX_RELATIVE_OFFSET = 2147483647;
/** Offset index entry size (relative offset + position). */
export const OFFSET_INDEX_ENTRY_SIZE = 8;
/** Time index entry size (timestamp + relative offset). */
export const TIME_INDEX_ENTRY_SIZE = 12;

/** A new, empty segment. */
export function newSegment(baseOffset: number, nowMs: number, rollJitterMs: number): Segment {
  return {
    baseOffset,
    batches: [],
    size: 0,
    offsetIndex: [],
    timeIndex: [],
    bytesSinceLastIndexEntry: 0,
    rollingBasedTimestamp: null,
    maxTimestampSoFar: NO_TIMESTAMP,
    offsetOfMaxTimestampSoFar: baseOffset,
    createdAtMs: nowMs,
    lastModifiedMs: nowMs,
    rollJitterMs,
  };
}

/** `LogConfig.randomSegmentJitter`: random in `[0, min(segment.jitter.ms, segment.ms))`, 0 when jitter is off. */
export function drawRollJitter(rng: RngState, config: LogConfig): [number, RngState] {
  if (config.segmentJitterMs === 0) return [0, rng];
  return nextBelow(rng, Math.min(config.segmentJitterMs, config.segmentMs));
}

/** Capacity of the offset index (`segment.index.bytes / 8`). */
export function offsetIndexMaxEntries(config: LogConfig): number {
  return Math.floor(config.segmentIndexBytes / OFFSET_INDEX_ENTRY_SIZE);
}

/** Capacity of the time index (`segment.index.bytes / 12`). */
export function timeIndexMaxEntries(config: LogConfig): number {
  return Math.floor(config.segmentIndexBytes / TIME_INDEX_ENTRY_SIZE);
}

/**
 * `TimeIndex.isFull`: one slot stays free for the entry written when the segment becomes inactive
 * (`entries >= maxEntries - 1`), unlike the offset index (`AbstractIndex.isFull`: `entries >= maxEntries`).
 */
export function timeIndexIsFull(segment: Segment, config: LogConfig): boolean {
  return segment.timeIndex.length >= timeIndexMaxEntries(config) - 1;
}

/** `LogSegment.largestTimestamp`: max record timestamp, or the file mtime when no record has one. */
export function largestTimestamp(segment: Segment): number {
  return segment.maxTimestampSoFar >= 0 ? segment.maxTimestampSoFar : segment.lastModifiedMs;
}

/** Offset of the last record in a segment, or baseOffset − 1 when empty. */
export function segmentLastOffset(segment: Segment): number {
  const n = segment.batches.length;
  return n === 0 ? segment.baseOffset - 1 : segment.batches[n - 1].lastOffset;
}

/**
 * `LogSegment.timeWaitedForRoll`: record time since the first batch (newBatchMaxTimestamp −
 * first batch's max timestamp) when that batch had a timestamp, else wall clock since creation.
 */
export function timeWaitedForRoll(segment: Segment, nowMs: number, batchMaxTimestamp: number): number {
  const ts = segment.rollingBasedTimestamp;
  if (ts !== null && ts >= 0) return batchMaxTimestamp - ts;
  return nowMs - segment.createdAtMs;
}

/**
 * `LogConfig.maxSegmentMs`: a compacted topic rolls by min(segment.ms, max.compaction.lag.ms), so
 * that no record waits in the active segment (which is never cleaned) longer than the lag allows.
 */
export function maxSegmentMs(config: LogConfig): number {
  const lag = config.maxCompactionLagMs;
  return config.cleanupPolicy !== "delete" && lag !== undefined && lag > 0 ? Math.min(lag, config.segmentMs) : config.segmentMs;
}

/** What the incoming batch looks like to `shouldRoll` (`RollParams`). */
export interface RollParams {
  batchSize: number;
  maxTimestamp: number;
  lastOffset: number;
  nowMs: number;
}

/**
 * `LogSegment.shouldRoll`, reporting which condition fired (checked in Kafka's order):
 * full by bytes, old by segment.ms (only when non-empty), index full, relative offset overflow.
 */
export function shouldRoll(segment: Segment, config: LogConfig, p: RollParams): RollReason | null {
  if (segment.size > config.segmentBytes - p.batchSize) return "segment.bytes";
  if (segment.size > 0 && timeWaitedForRoll(segment, p.nowMs, p.maxTimestamp) > maxSegmentMs(config) - segment.rollJitterMs) {
    return "segment.ms";
  }
  if (segment.offsetIndex.length >= offsetIndexMaxEntries(config) || timeIndexIsFull(segment, config)) {
    return "index-full";
  }
  if (p.lastOffset - segment.baseOffset > MAX_RELATIVE_OFFSET || p.lastOffset < segment.baseOffset) return "offset-overflow";
  return null;
}

/** Copy of a segment whose arrays may be pushed to (used inside a single append/clean pass). */
export function draftSegment(segment: Segment): Segment {
  return { ...segment, batches: segment.batches.slice(), offsetIndex: segment.offsetIndex.slice(), timeIndex: segment.timeIndex.slice() };
}

/** `TimeIndex.maybeAppend`: only a strictly larger timestamp creates an entry. MUTATES a draft. */
export function timeIndexMaybeAppend(draft: Segment, timestamp: number, offset: number): void {
  const n = draft.timeIndex.length;
  const lastTs = n === 0 ? NO_TIMESTAMP : draft.timeIndex[n - 1].timestamp;
  if (timestamp > lastTs) draft.timeIndex.push({ timestamp, offset });
}

/**
 * `LogSegment.append` on a draft (MUTATES it): records the first batch's timestamp for rolling,
 * tracks the max timestamp, and adds a sparse index entry (batch last offset → batch position)
 * once more than `index.interval.bytes` were appended since the previous entry.
 */
export function appendBatchToDraft(draft: Segment, batch: LogBatch, config: LogConfig, nowMs: number): void {
  const physicalPosition = draft.size;
  if (physicalPosition === 0) draft.rollingBasedTimestamp = batch.maxTimestamp;
  draft.batches.push(batch);
  draft.size += batch.size;
  if (batch.maxTimestamp > draft.maxTimestampSoFar) {
    draft.maxTimestampSoFar = batch.maxTimestamp;
    draft.offsetOfMaxTimestampSoFar = batch.lastOffset; // Kafka's "shallow" offset: last offset of that batch
  }
  if (draft.bytesSinceLastIndexEntry > config.indexIntervalBytes) {
    draft.offsetIndex.push({ offset: batch.lastOffset, position: physicalPosition });
    timeIndexMaybeAppend(draft, draft.maxTimestampSoFar, draft.offsetOfMaxTimestampSoFar);
    draft.bytesSinceLastIndexEntry = 0;
  }
  draft.bytesSinceLastIndexEntry += batch.size;
  draft.lastModifiedMs = nowMs;
}

/** `onBecomeInactiveSegment`: a rolled segment gets a final time index entry for its max timestamp. */
export function onBecomeInactiveSegment(segment: Segment): Segment {
  const n = segment.timeIndex.length;
  const lastTs = n === 0 ? NO_TIMESTAMP : segment.timeIndex[n - 1].timestamp;
  if (segment.maxTimestampSoFar <= lastTs) return segment;
  return {
    ...segment,
    timeIndex: [...segment.timeIndex, { timestamp: segment.maxTimestampSoFar, offset: segment.offsetOfMaxTimestampSoFar }],
  };
}

/**
 * Rebuilds a segment from batches (the cleaner writes a fresh `.cleaned` segment): the indexes are
 * recomputed batch by batch, and the time index is closed as for an inactive segment.
 */
export function buildSegmentFromBatches(
  baseOffset: number,
  batches: LogBatch[],
  config: LogConfig,
  meta: { createdAtMs: number; lastModifiedMs: number; rollJitterMs: number },
): Segment {
  const draft = newSegment(baseOffset, meta.createdAtMs, meta.rollJitterMs);
  for (let i = 0; i < batches.length; i++) appendBatchToDraft(draft, batches[i], config, meta.lastModifiedMs);
  draft.lastModifiedMs = meta.lastModifiedMs;
  return onBecomeInactiveSegment(draft);
}

/** Files of a segment with their sizes in bytes (index files as their entries × entry size). */
export function segmentFileSizes(segment: Segment): { log: number; index: number; timeindex: number } {
  return {
    log: segment.size,
    index: segment.offsetIndex.length * OFFSET_INDEX_ENTRY_SIZE,
    timeindex: segment.timeIndex.length * TIME_INDEX_ENTRY_SIZE,
  };
}
