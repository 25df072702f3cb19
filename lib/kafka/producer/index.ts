/** Idempotent and transactional producer: producer ids, epochs, sequence numbers, deduplication, markers, LSO. */
export * from "./types";
export { resolveProducerConfig, createProducerState } from "./config";
export { inSequence, findDuplicateBatch, checkProducerBatch, appendProducerBatch, writeTxnMarker, lastStableOffset } from "./broker";
export type { AppendOutcome } from "./broker";
export { traceProducer, completeTransaction, initProducerId, addPartitionToTxn } from "./transactions";
export { stepProducer } from "./reducer";
export { isAborted, producerPartitionView, consumerView, duplicateWrites, producerIdentity } from "./selectors";
export type { IsolationLevel, TxnStatus, ProducerLogRow, ProducerPartitionView } from "./selectors";
