/**
 * Which part of a compacted log may be cleaned and how dirty it is (`LogCleanerManager.cleanableOffsets`,
 * `calculateCleanableBytes`, `maxCompactionDelay`, `LogToClean`). The active segment is never
 * cleanable and counts in neither the numerator nor the denominator of the dirty ratio.
 */
import { floorSegmentIndex } from "../log/lookup";
import { largestTimestamp } from "../log/segment";
import type { LogState, Segment } from "../log/types";
import type { CompactionConfig, LogToClean } from "./types";

/** `LocalLog.logSegments(from, to)`: from the segment holding `from` (or the first) while base < to. */
export function logSegmentsRange(log: LogState, from: number, to: number): Segment[] {
  if (from >= to) return [];
  const start = Math.max(floorSegmentIndex(log, from), 0);
  const out: Segment[] = [];
  for (let i = start; i < log.segments.length && log.segments[i].baseOffset < to; i++) out.push(log.segments[i]);
  return out;
}

/** `nonActiveLogSegmentsFrom`: segments from the one holding `from` up to (excluding) the active one. */
export function nonActiveLogSegmentsFrom(log: LogState, from: number): Segment[] {
  const activeBase = log.segments[log.segments.length - 1].baseOffset;
  return from > activeBase ? [] : logSegmentsRange(log, from, activeBase);
}

/**
 * `cleanableOffsets`: first dirty offset = checkpoint (reset to the first segment's base when it is
 * out of range), first uncleanable = min(last stable offset (= HW here), active base, first segment
 * younger than min.compaction.lag.ms).
 */
export function cleanableOffsets(
  log: LogState,
  checkpoint: number | null,
  nowMs: number,
  config: Pick<CompactionConfig, "minCompactionLagMs">,
): { firstDirtyOffset: number; firstUncleanableDirtyOffset: number; forceUpdateCheckpoint: boolean } {
  const logStart = log.segments[0].baseOffset;
  const cp = checkpoint ?? logStart;
  const invalid = cp < logStart || cp > log.logEndOffset;
  const firstDirtyOffset = invalid ? logStart : cp;
  let uncleanable = Math.min(log.highWatermark, log.segments[log.segments.length - 1].baseOffset);
  const lag = Math.max(config.minCompactionLagMs, 0);
  if (lag > 0) {
    const young = nonActiveLogSegmentsFrom(log, firstDirtyOffset).find((s) => largestTimestamp(s) > nowMs - lag);
    if (young) uncleanable = Math.min(uncleanable, young.baseOffset);
  }
  return { firstDirtyOffset, firstUncleanableDirtyOffset: uncleanable, forceUpdateCheckpoint: invalid && checkpoint !== null };
}

/** `calculateCleanableBytes`: rounds the uncleanable offset down to its segment base and sums the dirty segments. */
export function calculateCleanableBytes(
  log: LogState,
  firstDirtyOffset: number,
  uncleanableOffset: number,
): { firstUncleanableOffset: number; cleanableBytes: number } {
  const first = nonActiveLogSegmentsFrom(log, uncleanableOffset)[0] ?? log.segments[log.segments.length - 1];
  const firstUncleanableOffset = first.baseOffset;
  let cleanableBytes = 0;
  for (const s of logSegmentsRange(log, Math.min(firstDirtyOffset, firstUncleanableOffset), firstUncleanableOffset))
    cleanableBytes += s.size;
  return { firstUncleanableOffset, cleanableBytes };
}

/** `maxCompactionDelay`: how long ago the earliest dirty non-active segment's first batch passed max.compaction.lag.ms. */
export function maxCompactionDelay(
  log: LogState,
  firstDirtyOffset: number,
  nowMs: number,
  config: Pick<CompactionConfig, "maxCompactionLagMs">,
): number {
  let earliest = Number.MAX_SAFE_INTEGER;
  for (const s of nonActiveLogSegmentsFrom(log, firstDirtyOffset)) {
    const ts = s.rollingBasedTimestamp;
    if (ts !== null && ts > 0 && ts < earliest) earliest = ts;
  }
  const cleanUntil = nowMs - Math.max(config.maxCompactionLagMs, 0);
  return earliest < cleanUntil ? cleanUntil - earliest : 0;
}

/** `LogToClean` for an explicit dirty range: clean bytes, cleanable bytes and the dirty ratio. */
export function makeLogToClean(
  log: LogState,
  firstDirtyOffset: number,
  uncleanableDirtyOffset: number,
  maxCompactionDelayMs = 0,
): LogToClean {
  let cleanBytes = 0;
  for (const s of log.segments) if (s.baseOffset < firstDirtyOffset) cleanBytes += s.size;
  const { firstUncleanableOffset, cleanableBytes } = calculateCleanableBytes(log, firstDirtyOffset, uncleanableDirtyOffset);
  const totalBytes = cleanBytes + cleanableBytes;
  return {
    firstDirtyOffset,
    firstUncleanableDirtyOffset: uncleanableDirtyOffset,
    firstUncleanableOffset,
    cleanBytes,
    cleanableBytes,
    totalBytes,
    cleanableRatio: totalBytes === 0 ? 0 : cleanableBytes / totalBytes,
    maxCompactionDelayMs,
    needCompactionNow: maxCompactionDelayMs > 0,
  };
}

/** The cleaner manager's view of a log now (`grabFilthiestCompactedLog` for one partition). */
export function grabLogToClean(
  log: LogState,
  checkpoint: number | null,
  nowMs: number,
  config: CompactionConfig,
): LogToClean & { forceUpdateCheckpoint: boolean } {
  const offs = cleanableOffsets(log, checkpoint, nowMs, config);
  const delay = maxCompactionDelay(log, offs.firstDirtyOffset, nowMs, config);
  return {
    ...makeLogToClean(log, offs.firstDirtyOffset, offs.firstUncleanableDirtyOffset, delay),
    forceUpdateCheckpoint: offs.forceUpdateCheckpoint,
  };
}

/** Cleanable iff dirty ratio STRICTLY > min.cleanable.dirty.ratio, or max.compaction.lag.ms exceeded with bytes to clean. */
export function isCleanable(ltc: LogToClean, config: Pick<CompactionConfig, "minCleanableDirtyRatio">): boolean {
  if (ltc.totalBytes <= 0) return false;
  return (ltc.needCompactionNow && ltc.cleanableBytes > 0) || ltc.cleanableRatio > config.minCleanableDirtyRatio;
}
