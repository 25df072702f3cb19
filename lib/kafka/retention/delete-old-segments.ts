/**
 * `UnifiedLog.deleteOldSegments` in Kafka's order: log-start-offset breach, then size
 * (`retention.bytes`), then time (`retention.ms`). Each pass walks segments oldest first and stops
 * at the first one that is not deletable; nothing whose upper bound is above the high watermark is
 * deleted. When every segment (incl. the active one) qualifies, an empty segment is rolled at the
 * LEO first because a log always keeps one segment.
 */
import { rollSegment } from "../log/append";
import { scheduleFileDeletion } from "../log/clock";
import { policyDeletes } from "../log/config";
import { producerSnapshotFileName, segmentFileNames } from "../log/file-names";
import { logSize } from "../log/lookup";
import { largestTimestamp } from "../log/segment";
import type { LogState, Segment } from "../log/types";
import type { DeletedSegment, DeletionReason, RetentionConfig, RetentionRun } from "./types";

/** Predicate of one pass: (segment, next segment or null) → deletable. */
export type SegmentPredicate = (segment: Segment, next: Segment | null) => boolean;

/**
 * `deletableSegments`: how many leading segments may go. A segment qualifies only if
 * HW ≥ its upper bound (next base or LEO), the predicate holds, and it is not an empty last segment.
 */
export function deletableSegmentCount(log: LogState, predicate: SegmentPredicate): number {
  const segs = log.segments;
  let count = 0;
  for (let i = 0; i < segs.length; i++) {
    const next = i + 1 < segs.length ? segs[i + 1] : null;
    const isLastSegmentAndEmpty = next === null && segs[i].size === 0;
    const upperBound = next !== null ? next.baseOffset : log.logEndOffset;
    // Short-circuit like Kafka: the (stateful) size predicate is only asked when the HW allows it.
    if (log.highWatermark >= upperBound && predicate(segs[i], next) && !isLastSegmentAndEmpty) count++;
    else break;
  }
  return count;
}

/**
 * `deleteSegments`: removes the first `count` segments, rolling an empty segment at the LEO first
 * if they are all of them; raises logStartOffset to the next remaining base offset; renames the
 * files (and the producer snapshots named after the deleted bases) to `.deleted`.
 */
export function deleteSegments(
  log: LogState,
  count: number,
  reason: DeletionReason,
): { log: LogState; deleted: DeletedSegment[]; rolled: boolean } {
  if (count <= 0) return { log, deleted: [], rolled: false };
  let l = log;
  let rolled = false;
  if (l.segments.length === count) {
    l = rollSegment(l, "retention");
    rolled = true;
  }
  const victims = l.segments.slice(0, count);
  const deleted: DeletedSegment[] = victims.map((seg, i) => ({
    baseOffset: seg.baseOffset,
    upperBoundOffset: l.segments[i + 1].baseOffset,
    size: seg.size,
    largestTimestamp: largestTimestamp(seg),
    reason,
  }));
  const bases = new Set(victims.map((s) => s.baseOffset));
  const files = victims.flatMap((s) => segmentFileNames(s.baseOffset));
  for (const o of l.snapshots) if (bases.has(o)) files.push(producerSnapshotFileName(o));
  l = {
    ...l,
    segments: l.segments.slice(count),
    snapshots: l.snapshots.filter((o) => !bases.has(o)),
    logStartOffset: Math.max(l.logStartOffset, l.segments[count].baseOffset),
  };
  return { log: scheduleFileDeletion(l, files), deleted, rolled };
}

type PassResult = { log: LogState; deleted: DeletedSegment[]; rolled: boolean };

/** Deletes segments whose NEXT segment starts at or below the log start offset (moved by DeleteRecords). */
export function deleteLogStartOffsetBreachedSegments(log: LogState): PassResult {
  const n = deletableSegmentCount(log, (_seg, next) => next !== null && next.baseOffset <= log.logStartOffset);
  return deleteSegments(log, n, "log-start-offset");
}

/**
 * Size retention: only when size ≥ retention.bytes; walk oldest → newest deleting while
 * diff − segment.size ≥ 0, so the log stays ≥ retention.bytes (a floor, not a cap).
 */
export function deleteRetentionSizeBreachedSegments(log: LogState, config: RetentionConfig): PassResult {
  const size = logSize(log);
  if (config.retentionBytes < 0 || size < config.retentionBytes) return { log, deleted: [], rolled: false };
  let diff = size - config.retentionBytes;
  const n = deletableSegmentCount(log, (seg) => {
    if (diff - seg.size >= 0) {
      diff -= seg.size;
      return true;
    }
    return false;
  });
  return deleteSegments(log, n, "retention.bytes");
}

/** Time retention: now − (LARGEST record timestamp in the segment) > retention.ms. */
export function deleteRetentionMsBreachedSegments(log: LogState, config: RetentionConfig): PassResult {
  if (config.retentionMs < 0) return { log, deleted: [], rolled: false };
  const now = log.nowMs;
  const n = deletableSegmentCount(log, (seg) => now - largestTimestamp(seg) > config.retentionMs);
  return deleteSegments(log, n, "retention.ms");
}

/** `deleteOldSegments`: the three passes in Kafka's order (only the first without `delete` in the policy). */
export function deleteOldSegments(log: LogState, config: RetentionConfig): { log: LogState; run: RetentionRun } {
  const before = log.logStartOffset;
  const a = deleteLogStartOffsetBreachedSegments(log);
  let deleted = a.deleted;
  let rolled = a.rolled;
  let l = a.log;
  if (policyDeletes(l.config.cleanupPolicy)) {
    const b = deleteRetentionSizeBreachedSegments(l, config);
    const c = deleteRetentionMsBreachedSegments(b.log, config);
    deleted = [...deleted, ...b.deleted, ...c.deleted];
    rolled = rolled || b.rolled || c.rolled;
    l = c.log;
  }
  return {
    log: l,
    run: { atMs: l.nowMs, deleted, rolledEmptySegment: rolled, logStartOffsetBefore: before, logStartOffsetAfter: l.logStartOffset },
  };
}
