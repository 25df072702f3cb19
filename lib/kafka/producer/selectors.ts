/**
 * Read-side views of the producer simulation for widgets: each partition's log with markers and
 * transaction status, its LSO/HW/LEO, and what `read_committed` and `read_uncommitted` consumers
 * get (`Fetcher` with `isolation.level`: uncommitted reads to the HW, committed to the LSO and
 * skips aborted transactions; control records are never handed to the application).
 */
import { lastStableOffset } from "./broker";
import type { ProducedRecord, ProducerPartition, ProducerState } from "./types";

/** `isolation.level` of a consumer. */
export type IsolationLevel = "read_committed" | "read_uncommitted";

/** Transaction status of one log entry as a reader would classify it. */
export type TxnStatus = "none" | "ongoing" | "committed" | "aborted" | "marker";

/** One row of a partition log view. */
export interface ProducerLogRow extends ProducedRecord {
  txnStatus: TxnStatus;
  visibleReadUncommitted: boolean;
  visibleReadCommitted: boolean;
  /** Another record of the same client batch was written earlier (a retry without idempotence). */
  duplicateOfOffset: number | null;
}

/** Everything a partition panel shows. */
export interface ProducerPartitionView {
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  highWatermark: number;
  lastStableOffset: number;
  rows: ProducerLogRow[];
}

/** Whether a data record belongs to an aborted transaction (the `.txnindex` lookup). */
export function isAborted(part: ProducerPartition, r: ProducedRecord): boolean {
  return r.transactional && part.aborted.some((a) => a.producerId === r.producerId && r.offset >= a.firstOffset && r.offset < a.lastOffset);
}

function statusOf(part: ProducerPartition, r: ProducedRecord): TxnStatus {
  if (r.kind === "control") return "marker";
  if (!r.transactional) return "none";
  if (isAborted(part, r)) return "aborted";
  const marker = part.records.find((m) => m.kind === "control" && m.producerId === r.producerId && m.offset > r.offset);
  return marker ? (marker.marker === "COMMIT" ? "committed" : "aborted") : "ongoing";
}

/** The log of one partition with markers, statuses and per-isolation visibility. */
export function producerPartitionView(state: ProducerState, partition: number): ProducerPartitionView | null {
  const part = state.broker.partitions[partition];
  if (!part) return null;
  const lso = lastStableOffset(part);
  const firstOfBatch = new Map<string, number>();
  const rows = part.records.map((r): ProducerLogRow => {
    const txnStatus = statusOf(part, r);
    const data = r.kind === "data";
    const dupKey = r.batchId === null ? null : `${r.batchId}:${r.batchIndex}`;
    const earlier = dupKey === null ? undefined : firstOfBatch.get(dupKey);
    if (dupKey !== null && earlier === undefined) firstOfBatch.set(dupKey, r.offset);
    return {
      ...r,
      txnStatus,
      visibleReadUncommitted: data && r.offset < part.highWatermark,
      visibleReadCommitted: data && r.offset < lso && txnStatus !== "aborted",
      duplicateOfOffset: earlier ?? null,
    };
  });
  return {
    partition,
    logStartOffset: part.logStartOffset,
    logEndOffset: part.logEndOffset,
    highWatermark: part.highWatermark,
    lastStableOffset: lso,
    rows,
  };
}

/** Data records a consumer with the given isolation level receives from a partition, in order. */
export function consumerView(state: ProducerState, partition: number, isolation: IsolationLevel): ProducedRecord[] {
  const view = producerPartitionView(state, partition);
  const part = state.broker.partitions[partition];
  if (!view || !part) return [];
  const visible = new Set(
    view.rows.filter((r) => (isolation === "read_committed" ? r.visibleReadCommitted : r.visibleReadUncommitted)).map((r) => r.offset),
  );
  return part.records.filter((r) => visible.has(r.offset));
}

/** Values written more than once to a partition (duplicates from retries), with their offsets. */
export function duplicateWrites(state: ProducerState, partition: number): { value: string; offsets: number[] }[] {
  const view = producerPartitionView(state, partition);
  if (!view) return [];
  const groups = new Map<number, ProducerLogRow[]>();
  for (const r of view.rows)
    if (r.duplicateOfOffset !== null) groups.set(r.duplicateOfOffset, [...(groups.get(r.duplicateOfOffset) ?? []), r]);
  return [...groups].map(([first, dups]) => ({ value: dups[0].value, offsets: [first, ...dups.map((d) => d.offset)] }));
}

/** The client's producer id, epoch and next sequence per partition, for a status panel. */
export function producerIdentity(state: ProducerState) {
  const { producerId, epoch, nextSequence, txnState, inFlight } = state.client;
  return {
    producerId,
    epoch,
    nextSequence,
    txnState,
    inFlight: inFlight.map((b) => ({
      id: b.id,
      partition: b.partition,
      values: b.values,
      baseSequence: b.baseSequence,
      attempts: b.attempts,
    })),
  };
}
