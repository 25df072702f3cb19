/**
 * The transaction coordinator and the client's `TransactionManager` steps: InitProducerId (a new
 * producer id, or the same id with a bumped epoch that fences the previous instance and aborts its
 * open transaction), AddPartitionsToTxn, and EndTxn writing COMMIT/ABORT markers to every partition
 * of the transaction.
 */
import { writeTxnMarker } from "./broker";
import type { ProducerState, ProducerTraceEntry, TxnCoordinatorEntry } from "./types";

const TRACE_LIMIT = 200;

/** Appends narration lines, keeping the most recent ones. */
export function traceProducer(s: ProducerState, ...entries: ProducerTraceEntry[]): ProducerState {
  const trace = [...s.trace, ...entries];
  return { ...s, trace: trace.length > TRACE_LIMIT ? trace.slice(-TRACE_LIMIT) : trace };
}

/** Writes one marker per partition of the coordinator's transaction and marks it complete. */
export function completeTransaction(s: ProducerState, txnId: string, marker: "COMMIT" | "ABORT"): ProducerState {
  const entry = s.broker.transactions[txnId];
  if (!entry) return s;
  const partitions = s.broker.partitions.map((p) =>
    entry.partitions.includes(p.partition) ? writeTxnMarker(p, entry.producerId, entry.epoch, marker) : p,
  );
  const done: TxnCoordinatorEntry = { ...entry, state: marker === "COMMIT" ? "CompleteCommit" : "CompleteAbort", partitions: [] };
  const out = { ...s, broker: { ...s.broker, partitions, transactions: { ...s.broker.transactions, [txnId]: done } } };
  return entry.partitions.length === 0
    ? out
    : traceProducer(out, {
        kind: "marker",
        message: `파티션 ${entry.partitions.join(", ")}에 ${marker} 마커(컨트롤 레코드)를 씁니다.`,
      });
}

/** InitProducerId for a transactional.id: new id at epoch 0, or epoch + 1 (aborting an open transaction). */
export function initProducerId(s: ProducerState, txnId: string): { state: ProducerState; producerId: number; epoch: number } {
  const existing = s.broker.transactions[txnId];
  if (!existing) {
    const producerId = s.broker.nextProducerId;
    const entry: TxnCoordinatorEntry = { producerId, epoch: 0, state: "Empty", partitions: [] };
    const state = {
      ...s,
      broker: { ...s.broker, nextProducerId: producerId + 1, transactions: { ...s.broker.transactions, [txnId]: entry } },
    };
    return { state, producerId, epoch: 0 };
  }
  const epoch = existing.epoch + 1;
  let state: ProducerState = {
    ...s,
    broker: { ...s.broker, transactions: { ...s.broker.transactions, [txnId]: { ...existing, epoch } } },
  };
  if (existing.state === "Ongoing") {
    state = traceProducer(state, { kind: "txn", message: `코디네이터가 이전 에포크의 진행 중 트랜잭션을 중단(abort)합니다.` });
    state = completeTransaction(state, txnId, "ABORT");
  }
  return { state, producerId: existing.producerId, epoch };
}

/** AddPartitionsToTxn: the coordinator records the partition; a stale epoch is fenced. */
export function addPartitionToTxn(s: ProducerState, txnId: string, partition: number): ProducerState | "PRODUCER_FENCED" {
  const entry = s.broker.transactions[txnId];
  if (!entry || entry.epoch !== s.client.epoch) return "PRODUCER_FENCED";
  if (entry.partitions.includes(partition) && s.client.txnPartitions.includes(partition)) return s;
  const updated: TxnCoordinatorEntry = { ...entry, state: "Ongoing", partitions: [...new Set([...entry.partitions, partition])] };
  return {
    ...s,
    client: { ...s.client, txnPartitions: [...new Set([...s.client.txnPartitions, partition])] },
    broker: { ...s.broker, transactions: { ...s.broker.transactions, [txnId]: updated } },
  };
}
