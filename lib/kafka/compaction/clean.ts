/**
 * One cleaning (`LogCleaner.Cleaner.doClean`): build key → latest offset over the dirty range,
 * then recopy every segment from the start of the log up to the end of the map, keeping a record
 * iff it is the latest for its key and (it has a value or its tombstone horizon has not passed).
 * Offsets are never renumbered and order is preserved. Hot loops use plain arrays and one Map.
 */
import { scheduleFileDeletion } from "../log/clock";
import { CLEANED_FILE_SUFFIX, segmentFileName, segmentFileNames } from "../log/file-names";
import { BATCH_OVERHEAD_BYTES, zigZagVarSize } from "../log/record-size";
import { buildSegmentFromBatches, OFFSET_INDEX_ENTRY_SIZE, MAX_RELATIVE_OFFSET, TIME_INDEX_ENTRY_SIZE } from "../log/segment";
import type { LogBatch, LogRecord, LogState, Segment } from "../log/types";
import { NO_TIMESTAMP } from "../log/types";
import { logSegmentsRange } from "./cleanable";
import type { CleaningSummary, CompactionConfig, LogToClean } from "./types";

/** The cleaner's offset map: key → latest offset in [start, end), plus the latest offset covered. */
export interface OffsetMap {
  map: Map<string, number>;
  latestOffset: number;
}

/**
 * `buildOffsetMap`: scans the dirty segments (only keyed records at or after `start`); after each
 * fully mapped segment the latest offset moves to the next segment's base − 1, so the cleaning point
 * passes offset gaps left by earlier compactions.
 */
export function buildOffsetMap(log: LogState, start: number, end: number): OffsetMap {
  const map = new Map<string, number>();
  let latestOffset = -1;
  const dirty = logSegmentsRange(log, start, end);
  for (let si = 0; si < dirty.length; si++) {
    const batches = dirty[si].batches;
    for (let bi = 0; bi < batches.length; bi++) {
      const recs = batches[bi].records;
      for (let ri = 0; ri < recs.length; ri++) {
        const r = recs[ri];
        if (r.key !== null && r.offset >= start && r.offset < end) map.set(r.key, r.offset);
      }
      if (batches[bi].lastOffset >= start && batches[bi].lastOffset > latestOffset)
        latestOffset = Math.min(batches[bi].lastOffset, end - 1);
    }
    const nextStart = si + 1 < dirty.length ? dirty[si + 1].baseOffset : end;
    latestOffset = Math.max(latestOffset, nextStart - 1);
  }
  return { map, latestOffset };
}

/**
 * `groupSegmentsBySize`: consecutive segments are merged into one cleaned segment while the sum of
 * their sizes fits segment.bytes, their indexes fit segment.index.bytes, and the offset range fits a
 * 4-byte relative offset.
 */
export function groupSegmentsBySize(
  segments: Segment[],
  maxSize: number,
  maxIndexSize: number,
  firstUncleanableOffset: number,
): Segment[][] {
  const groups: Segment[][] = [];
  let i = 0;
  while (i < segments.length) {
    const group = [segments[i]];
    let logSize = segments[i].size;
    let indexSize = segments[i].offsetIndex.length * OFFSET_INDEX_ENTRY_SIZE;
    let timeIndexSize = segments[i].timeIndex.length * TIME_INDEX_ENTRY_SIZE;
    i++;
    while (i < segments.length) {
      const next = segments[i];
      const lastOffsetOfNext = i + 1 < segments.length ? segments[i + 1].baseOffset - 1 : firstUncleanableOffset - 1;
      const fits =
        logSize + next.size <= maxSize &&
        indexSize + next.offsetIndex.length * OFFSET_INDEX_ENTRY_SIZE <= maxIndexSize &&
        timeIndexSize + next.timeIndex.length * TIME_INDEX_ENTRY_SIZE <= maxIndexSize &&
        (next.size === 0 || lastOffsetOfNext - group[0].baseOffset <= MAX_RELATIVE_OFFSET);
      if (!fits) break;
      group.push(next);
      logSize += next.size;
      indexSize += next.offsetIndex.length * OFFSET_INDEX_ENTRY_SIZE;
      timeIndexSize += next.timeIndex.length * TIME_INDEX_ENTRY_SIZE;
      i++;
    }
    groups.push(group);
  }
  return groups;
}

/**
 * `shouldRetainRecord` for one record: records past the map are kept; keyless records are dropped;
 * otherwise keep iff offset ≥ the map's offset for the key and (value present, or the batch has no
 * delete horizon yet, or now < horizon).
 */
export function shouldRetainRecord(record: LogRecord, batch: LogBatch, offsets: OffsetMap, nowMs: number): boolean {
  if (record.offset > offsets.latestOffset) return true;
  if (record.key === null) return false;
  const found = offsets.map.get(record.key);
  if (found !== undefined && record.offset < found) return false;
  return record.value !== null || batch.deleteHorizonMs === null || nowMs < batch.deleteHorizonMs;
}

interface Counters {
  read: number;
  retained: number;
  stamped: number;
  tombstonesRemoved: number;
}

/**
 * A record's size after its batch is rewritten with a new base timestamp: v2 stores each record's
 * timestamp as a varint delta from the batch's base timestamp, which is the delete horizon once one
 * is set (KIP-534, `DefaultRecordBatch.deleteHorizonMs`), else the first record's timestamp.
 */
export function resizeForBaseTimestamp(r: LogRecord, oldBase: number, newBase: number): LogRecord {
  if (oldBase === newBase) return r;
  const delta = zigZagVarSize(r.timestamp - newBase) - zigZagVarSize(r.timestamp - oldBase);
  if (delta === 0) return r;
  let body = r.size - 1;
  for (let b = r.size - 1; b >= r.size - 5 && b > 0; b--) if (zigZagVarSize(b) + b === r.size) body = b;
  const next = body + delta;
  return { ...r, size: zigZagVarSize(next) + next };
}

/** Filters one batch (`MemoryRecords.filterTo`); returns the same object when nothing changes. */
function filterBatch(batch: LogBatch, offsets: OffsetMap, nowMs: number, deleteRetentionMs: number, c: Counters): LogBatch | null {
  const recs = batch.records;
  const kept: LogRecord[] = [];
  let tombstones = false;
  let size = BATCH_OVERHEAD_BYTES;
  let maxTs = NO_TIMESTAMP;
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    if (shouldRetainRecord(r, batch, offsets, nowMs)) {
      kept.push(r);
      size += r.size;
      if (r.timestamp > maxTs) maxTs = r.timestamp;
      if (r.value === null) tombstones = true;
    } else if (r.value === null) {
      c.tombstonesRemoved++; // shadowed by a newer record of its key, or past its delete horizon
    }
  }
  c.read += recs.length;
  c.retained += kept.length;
  if (kept.length === 0) return null; // empty batches are dropped (no producer state to preserve here)
  const needHorizon = tombstones && batch.deleteHorizonMs === null;
  if (kept.length === recs.length && !needHorizon) return batch;
  if (needHorizon) for (const r of kept) if (r.value === null) c.stamped++;
  // Base and last offset of a v2 batch are preserved when it is rewritten; the base timestamp is not.
  const deleteHorizonMs = needHorizon ? nowMs + deleteRetentionMs : batch.deleteHorizonMs;
  const oldBase = batch.deleteHorizonMs ?? recs[0].timestamp;
  const newBase = deleteHorizonMs ?? kept[0].timestamp;
  const resized = kept.map((r) => resizeForBaseTimestamp(r, oldBase, newBase));
  size = BATCH_OVERHEAD_BYTES + resized.reduce((n, r) => n + r.size, 0);
  return { ...batch, records: resized, size, maxTimestamp: maxTs, deleteHorizonMs };
}

/** `cleanSegments`: recopies a group of segments into one new segment with the base offset of the first. */
export function cleanSegmentGroup(
  log: LogState,
  group: Segment[],
  offsets: OffsetMap,
  nowMs: number,
  deleteRetentionMs: number,
  c: Counters,
): Segment {
  const retained: LogBatch[] = [];
  for (const seg of group) {
    for (const batch of seg.batches) {
      const out = filterBatch(batch, offsets, nowMs, deleteRetentionMs, c);
      if (out !== null) retained.push(out);
    }
  }
  return buildSegmentFromBatches(group[0].baseOffset, retained, log.config, {
    createdAtMs: group[0].createdAtMs,
    lastModifiedMs: group[group.length - 1].lastModifiedMs,
    rollJitterMs: group[0].rollJitterMs,
  });
}

/**
 * `doClean`: cleans `[0, endOffset)` where endOffset = latest mapped offset + 1, replaces the old
 * segments (their files go `.deleted`), and returns the new checkpoint.
 */
export function cleanLog(
  log: LogState,
  ltc: LogToClean,
  nowMs: number,
  config: Pick<CompactionConfig, "deleteRetentionMs">,
): { log: LogState; endOffset: number; summary: CleaningSummary } {
  const offsets = buildOffsetMap(log, ltc.firstDirtyOffset, ltc.firstUncleanableOffset);
  // Nothing dirty: Kafka never selects such a log; keep the checkpoint where it is.
  const endOffset = offsets.latestOffset < 0 ? ltc.firstDirtyOffset : offsets.latestOffset + 1;
  const toClean = logSegmentsRange(log, log.segments[0].baseOffset, endOffset);
  const groups = groupSegmentsBySize(toClean, log.config.segmentBytes, log.config.segmentIndexBytes, ltc.firstUncleanableOffset);
  const c: Counters = { read: 0, retained: 0, stamped: 0, tombstonesRemoved: 0 };
  const cleaned = groups.map((g) => cleanSegmentGroup(log, g, offsets, nowMs, config.deleteRetentionMs, c));
  const rest = log.segments.slice(toClean.length);
  let bytesBefore = 0;
  let bytesAfter = 0;
  for (const s of toClean) bytesBefore += s.size;
  for (const s of cleaned) bytesAfter += s.size;
  const replaced: LogState = { ...log, segments: [...cleaned, ...rest], lastError: null };
  const summary: CleaningSummary = {
    atMs: nowMs,
    firstDirtyOffset: ltc.firstDirtyOffset,
    endOffset,
    mapSize: offsets.map.size,
    groups: groups.map((g) => g.map((s) => s.baseOffset)),
    recordsRead: c.read,
    recordsRetained: c.retained,
    recordsRemoved: c.read - c.retained,
    tombstonesStamped: c.stamped,
    tombstonesRemoved: c.tombstonesRemoved,
    bytesBefore,
    bytesAfter,
    cleanedFiles: cleaned.map((s) => segmentFileName(s.baseOffset, LOG_CLEANED)),
  };
  return {
    log: scheduleFileDeletion(
      replaced,
      toClean.flatMap((s) => segmentFileNames(s.baseOffset)),
    ),
    endOffset,
    summary,
  };
}

const LOG_CLEANED = ".log" + CLEANED_FILE_SUFFIX;
