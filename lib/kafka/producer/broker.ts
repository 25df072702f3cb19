/**
 * The partition leader's side of idempotence and transactions: `ProducerAppendInfo.checkSequence`
 * (in-sequence or OUT_OF_ORDER_SEQUENCE_NUMBER), duplicate detection over the last 5 batches
 * (`ProducerStateEntry.findDuplicateBatch`: the original offset is returned, nothing is written),
 * epoch fencing (INVALID_PRODUCER_EPOCH), and control markers that end a transaction.
 */
import {
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  NUM_BATCHES_TO_RETAIN,
  type InFlightBatch,
  type ProducedRecord,
  type ProducerEntry,
  type ProducerPartition,
} from "./types";

/** What the leader answered for one produce request. */
export type AppendOutcome =
  | { kind: "appended"; firstOffset: number }
  | { kind: "duplicate"; firstOffset: number }
  | { kind: "error"; kafkaError: "OUT_OF_ORDER_SEQUENCE_NUMBER" | "INVALID_PRODUCER_EPOCH"; message: string };

/** `inSequence`: the next batch must start right after the last one (wrapping at Integer.MAX_VALUE). */
export function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (nextSeq === 0 && lastSeq === 2147483647);
}

/** The retained batch with the same sequence range, if the incoming batch is a retry of it. */
export function findDuplicateBatch(entry: ProducerEntry, firstSeq: number, lastSeq: number) {
  return entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq) ?? null;
}

/** Checks a batch against the producer's state on this partition; null = it may be appended. */
export function checkProducerBatch(part: ProducerPartition, batch: InFlightBatch): AppendOutcome | null {
  if (batch.producerId === NO_PRODUCER_ID) return null; // not idempotent: the broker appends anything
  const entry = part.producers[String(batch.producerId)];
  if (!entry) return null; // unknown producer: any sequence is accepted
  const lastSeq = batch.baseSequence + batch.values.length - 1;
  if (batch.epoch < entry.epoch)
    return {
      kind: "error",
      kafkaError: "INVALID_PRODUCER_EPOCH",
      message: `에포크 ${batch.epoch}는 브로커가 아는 에포크 ${entry.epoch}보다 오래되었습니다 (INVALID_PRODUCER_EPOCH): 좀비 프로듀서가 차단됩니다.`,
    };
  if (batch.epoch > entry.epoch) {
    if (batch.baseSequence !== 0 && entry.epoch !== NO_PRODUCER_EPOCH)
      return {
        kind: "error",
        kafkaError: "OUT_OF_ORDER_SEQUENCE_NUMBER",
        message: `새 에포크의 첫 시퀀스는 0이어야 합니다 (받은 값 ${batch.baseSequence}).`,
      };
    return null;
  }
  const dup = findDuplicateBatch(entry, batch.baseSequence, lastSeq);
  if (dup) return { kind: "duplicate", firstOffset: dup.firstOffset };
  const currentLast = entry.batches.length > 0 ? entry.batches[entry.batches.length - 1].lastSeq : -1;
  if (!inSequence(currentLast, batch.baseSequence))
    return {
      kind: "error",
      kafkaError: "OUT_OF_ORDER_SEQUENCE_NUMBER",
      message: `시퀀스 ${batch.baseSequence}가 기대한 ${currentLast + 1}과 다릅니다 (OUT_OF_ORDER_SEQUENCE_NUMBER).`,
    };
  return null;
}

/** Appends a batch (after `checkProducerBatch` allowed it) and updates the producer entry. */
export function appendProducerBatch(part: ProducerPartition, batch: InFlightBatch): { part: ProducerPartition; firstOffset: number } {
  const firstOffset = part.logEndOffset;
  const records: ProducedRecord[] = batch.values.map((value, i) => ({
    offset: firstOffset + i,
    kind: "data",
    key: batch.key,
    value,
    producerId: batch.producerId,
    epoch: batch.epoch,
    sequence: batch.producerId === NO_PRODUCER_ID ? -1 : batch.baseSequence + i,
    transactional: batch.transactional,
    batchId: batch.id,
    batchIndex: i,
  }));
  const leo = firstOffset + records.length;
  let producers = part.producers;
  if (batch.producerId !== NO_PRODUCER_ID) {
    const key = String(batch.producerId);
    const prev = producers[key];
    const sameEpoch = prev !== undefined && prev.epoch === batch.epoch;
    const retained = [
      ...(sameEpoch ? prev.batches : []),
      { firstSeq: batch.baseSequence, lastSeq: batch.baseSequence + records.length - 1, firstOffset, lastOffset: leo - 1 },
    ].slice(-NUM_BATCHES_TO_RETAIN);
    const txnFirst = batch.transactional ? (prev?.currentTxnFirstOffset ?? firstOffset) : (prev?.currentTxnFirstOffset ?? null);
    producers = {
      ...producers,
      [key]: { producerId: batch.producerId, epoch: batch.epoch, batches: retained, currentTxnFirstOffset: txnFirst },
    };
  }
  return { part: { ...part, records: [...part.records, ...records], logEndOffset: leo, highWatermark: leo, producers }, firstOffset };
}

/**
 * Writes a COMMIT or ABORT control record for a producer (`UnifiedLog.appendAsLeader` of a
 * control batch, `ProducerAppendInfo.appendEndTxnMarker`): the open transaction closes, an abort is
 * indexed so `read_committed` readers skip it, and the last stable offset can move past it.
 */
export function writeTxnMarker(part: ProducerPartition, producerId: number, epoch: number, marker: "COMMIT" | "ABORT"): ProducerPartition {
  const offset = part.logEndOffset;
  const key = String(producerId);
  const prev = part.producers[key];
  const first = prev?.currentTxnFirstOffset ?? null;
  const record: ProducedRecord = {
    offset,
    kind: "control",
    key: null,
    value: marker,
    producerId,
    epoch,
    sequence: -1,
    transactional: true,
    batchId: null,
    batchIndex: 0,
    marker,
  };
  const entry: ProducerEntry = {
    producerId,
    epoch,
    batches: prev && prev.epoch === epoch ? prev.batches : [],
    currentTxnFirstOffset: null,
  };
  return {
    ...part,
    records: [...part.records, record],
    logEndOffset: offset + 1,
    highWatermark: offset + 1,
    producers: { ...part.producers, [key]: entry },
    aborted:
      marker === "ABORT" && first !== null ? [...part.aborted, { producerId, firstOffset: first, lastOffset: offset }] : part.aborted,
  };
}

/** `firstUnstableOffset` bounded by the high watermark: what a `read_committed` consumer may read up to. */
export function lastStableOffset(part: ProducerPartition): number {
  let lso = part.highWatermark;
  for (const e of Object.values(part.producers))
    if (e.currentTxnFirstOffset !== null && e.currentTxnFirstOffset < lso) lso = e.currentTxnFirstOffset;
  return lso;
}
