/**
 * A small model of `RecordAccumulator`'s per-partition batch deques, enough to drive the
 * partitioners: which append opens a new batch (KIP-480 switches there), whether the last batch is
 * full (`allBatchesFull` gates the ≥3.3 switch) and queue sizes (adaptive weights).
 */
import { RECORD_BATCH_OVERHEAD } from "../record/types";

export interface ProducerBatchInfo {
  /** Estimated bytes written (batch header + records), like `estimatedSizeInBytes`. */
  bytes: number;
  records: number;
  /** Closed for appends: a record did not fit, or `bytes >= batch.size`. */
  full: boolean;
}

/** Size of the next record given how many records its batch already holds (offsetDelta). */
export type RecordSizer = (offsetDelta: number) => number;

/** True when the record cannot go into the queue's last batch (`tryAppend` would return null). */
export function needsNewBatch(queue: ProducerBatchInfo[], sizer: RecordSizer, batchSize: number): boolean {
  const last = queue[queue.length - 1];
  if (!last || last.full) return true;
  // MemoryRecordsBuilder.hasRoomFor: writeLimit >= estimatedBytesWritten + recordSize (first record always fits).
  return last.records > 0 && last.bytes + sizer(last.records) > batchSize;
}

/** Marks the last batch closed, as `tryAppend` does when the record does not fit. */
export function closeLastBatch(queue: ProducerBatchInfo[]): ProducerBatchInfo[] {
  if (queue.length === 0 || queue[queue.length - 1].full) return queue;
  return [...queue.slice(0, -1), { ...queue[queue.length - 1], full: true }];
}

/** Appends one record, opening a new batch when needed; returns appended bytes as Kafka counts them. */
export function appendToBatchQueue(
  queue: ProducerBatchInfo[],
  sizer: RecordSizer,
  batchSize: number,
): { queue: ProducerBatchInfo[]; appendedBytes: number; newBatch: boolean } {
  if (!needsNewBatch(queue, sizer, batchSize)) {
    const last = queue[queue.length - 1];
    const size = sizer(last.records);
    const bytes = last.bytes + size;
    const updated = { bytes, records: last.records + 1, full: bytes >= batchSize };
    return { queue: [...queue.slice(0, -1), updated], appendedBytes: size, newBatch: false };
  }
  const closed = closeLastBatch(queue);
  const bytes = RECORD_BATCH_OVERHEAD + sizer(0);
  // For a new batch the appended bytes are its whole estimated size, header included.
  return { queue: [...closed, { bytes, records: 1, full: bytes >= batchSize }], appendedBytes: bytes, newBatch: true };
}

/** `allBatchesFull`: only the last batch can be incomplete, so check it (empty deque counts as full). */
export function lastBatchFull(queue: ProducerBatchInfo[]): boolean {
  return queue.length === 0 || queue[queue.length - 1].full;
}

/** The sender drains batches: all of them (linger expired) or only the full ones (ready at once). */
export function drainBatchQueue(queue: ProducerBatchInfo[], onlyFull: boolean): ProducerBatchInfo[] {
  return onlyFull ? queue.filter((b) => !b.full) : [];
}
