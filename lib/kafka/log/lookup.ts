/**
 * Reading a partition log: offset → segment (floor by base offset) → position (offset index floor
 * entry, then a scan of the batches), timestamp lookups via the time index, and consumer/follower
 * reads with `OFFSET_OUT_OF_RANGE` outside [logStartOffset, LEO].
 */
import { fail, ok, type Result } from "../core/errors";
import { isInt } from "../core/step-guard";
import { segmentFileName } from "./file-names";
import { largestTimestamp } from "./segment";
import type { LogRecord, LogState, OffsetIndexEntry, Segment, TimeIndexEntry } from "./types";

/** Index of the segment with the largest base offset ≤ offset, or -1. */
export function floorSegmentIndex(log: LogState, offset: number): number {
  const segs = log.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (segs[mid].baseOffset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function floorEntry<T>(entries: T[], key: (e: T) => number, target: number): number {
  let lo = 0;
  let hi = entries.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (key(entries[mid]) <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Step-by-step answer of an offset lookup (what a chapter shows). */
export interface OffsetLookup {
  segmentBaseOffset: number;
  fileName: string;
  /** Floor entry of the offset index (null → scan from position 0). */
  indexEntry: OffsetIndexEntry | null;
  /** Batches read while scanning forward from the index position. */
  scannedBatches: number;
  /** File position of the batch that holds the offset (or the next existing one). */
  position: number;
  batchBaseOffset: number;
  batchLastOffset: number;
  /** The offset actually found: equal to the target, or the next existing one after compaction. */
  foundOffset: number;
}

/** Finds where an offset lives: segment, index entry, scan, batch position (`LogSegment.translateOffset`). */
export function lookupOffset(log: LogState, offset: number): Result<OffsetLookup> {
  if (!isInt(offset) || offset < log.logStartOffset || offset >= log.logEndOffset) {
    return fail(
      "KAFKA_ERROR",
      `오프셋 ${offset}은(는) 로그 범위 [${log.logStartOffset}, ${log.logEndOffset}) 밖에 있습니다.`,
      "OFFSET_OUT_OF_RANGE",
    );
  }
  for (let si = Math.max(floorSegmentIndex(log, offset), 0); si < log.segments.length; si++) {
    const seg = log.segments[si];
    const ie = floorEntry(seg.offsetIndex, (e) => e.offset, offset);
    const entry = ie >= 0 ? seg.offsetIndex[ie] : null;
    const startPos = entry ? entry.position : 0;
    let pos = 0;
    let scanned = 0;
    for (const batch of seg.batches) {
      if (pos >= startPos) {
        scanned++;
        if (batch.lastOffset >= offset) {
          const rec = batch.records.find((r) => r.offset >= offset);
          if (rec !== undefined) {
            return ok({
              segmentBaseOffset: seg.baseOffset,
              fileName: segmentFileName(seg.baseOffset),
              indexEntry: entry,
              scannedBatches: scanned,
              position: pos,
              batchBaseOffset: batch.baseOffset,
              batchLastOffset: batch.lastOffset,
              foundOffset: rec.offset,
            });
          }
        }
      }
      pos += batch.size;
    }
  }
  return fail("KAFKA_ERROR", `오프셋 ${offset} 이후에 남아 있는 레코드가 없습니다.`, "OFFSET_OUT_OF_RANGE");
}

/**
 * `fetchOffsetByTimestamp`: the first record whose timestamp ≥ target, searching the first segment
 * whose largest timestamp ≥ target via its time index. Null when no such record exists.
 */
export function lookupTimestamp(
  log: LogState,
  timestamp: number,
): { offset: number; timestamp: number; timeIndexEntry: TimeIndexEntry | null } | null {
  for (const seg of log.segments) {
    if (seg.batches.length === 0 || largestTimestamp(seg) < timestamp) continue;
    const ti = floorEntry(seg.timeIndex, (e) => e.timestamp, timestamp);
    const entry = ti >= 0 ? seg.timeIndex[ti] : null;
    const fromOffset = Math.max(entry ? entry.offset : seg.baseOffset, log.logStartOffset);
    const found = firstRecordAtOrAfterTime(seg, fromOffset, timestamp);
    if (found) return { offset: found.offset, timestamp: found.timestamp, timeIndexEntry: entry };
  }
  return null;
}

function firstRecordAtOrAfterTime(seg: Segment, fromOffset: number, timestamp: number): LogRecord | null {
  for (const batch of seg.batches) {
    if (batch.lastOffset < fromOffset || batch.maxTimestamp < timestamp) continue;
    for (const r of batch.records) if (r.offset >= fromOffset && r.timestamp >= timestamp) return r;
  }
  return null;
}

/** Result of a fetch. */
export interface ReadResult {
  records: LogRecord[];
  /** Where the next fetch should start. */
  nextFetchOffset: number;
  highWatermark: number;
  logStartOffset: number;
  logEndOffset: number;
}

/**
 * Fetch from `fetchOffset`: consumers (isolation "high-watermark", the default) read only below the
 * HW, followers ("log-end") up to the LEO. Below the log start or beyond the LEO the broker answers
 * `OFFSET_OUT_OF_RANGE`, which makes a consumer apply `auto.offset.reset`.
 */
export function readRecords(
  log: LogState,
  fetchOffset: number,
  opts: { maxRecords?: number; isolation?: "high-watermark" | "log-end" } = {},
): Result<ReadResult> {
  if (!isInt(fetchOffset) || fetchOffset < log.logStartOffset || fetchOffset > log.logEndOffset) {
    return fail(
      "KAFKA_ERROR",
      `요청한 오프셋 ${fetchOffset}이(가) 범위 [${log.logStartOffset}, ${log.logEndOffset}] 밖입니다. 컨슈머는 auto.offset.reset 정책을 적용합니다.`,
      "OFFSET_OUT_OF_RANGE",
    );
  }
  const upper = opts.isolation === "log-end" ? log.logEndOffset : Math.min(log.highWatermark, log.logEndOffset);
  const max = opts.maxRecords ?? 500;
  const out: LogRecord[] = [];
  let next = fetchOffset;
  for (let si = Math.max(floorSegmentIndex(log, fetchOffset), 0); si < log.segments.length && out.length < max; si++) {
    for (const batch of log.segments[si].batches) {
      if (batch.lastOffset < fetchOffset) continue;
      for (const r of batch.records) {
        if (r.offset < fetchOffset) continue;
        if (r.offset >= upper || out.length >= max) break;
        out.push(r);
        next = r.offset + 1;
      }
      if (out.length >= max) break;
    }
  }
  return ok({
    records: out,
    nextFetchOffset: next,
    highWatermark: log.highWatermark,
    logStartOffset: log.logStartOffset,
    logEndOffset: log.logEndOffset,
  });
}

/** Total bytes of all segments (`UnifiedLog.size`). */
export function logSize(log: LogState): number {
  let n = 0;
  for (const s of log.segments) n += s.size;
  return n;
}

/** The active (last) segment. */
export function activeSegment(log: LogState): Segment {
  return log.segments[log.segments.length - 1];
}

/** All records currently in the log, oldest first (for display and tests). */
export function allRecords(log: LogState): LogRecord[] {
  const out: LogRecord[] = [];
  for (const s of log.segments) for (const b of s.batches) for (const r of b.records) out.push(r);
  return out;
}
