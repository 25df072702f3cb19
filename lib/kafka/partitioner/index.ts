/** Producer partitioning: murmur2 key hashing and the null-key strategies of each Kafka era. */
export {
  murmur2,
  toPositive,
  serializeString,
  serializeInteger,
  serializeKey,
  validatePartitionCount,
  partitionForKey,
  tryPartitionForKey,
} from "./murmur2";
export type { KeyInput } from "./murmur2";
export {
  buildCumulativeFrequencyTable,
  computeLoadStats,
  firstGreaterIndex,
  pickWeightedPartition,
  pickUniformPartition,
  nextBuiltInPartition,
  shouldSwitchPartition,
  stickyBatchSizeOf,
} from "./built-in";
export type { PartitionLoadStats } from "./built-in";
export { availablePartitions, roundRobinPartition, nextRoundRobinCounter, stickyNextPartition } from "./legacy";
export { needsNewBatch, closeLastBatch, appendToBatchQueue, lastBatchFull, drainBatchQueue } from "./accumulator";
export type { ProducerBatchInfo, RecordSizer } from "./accumulator";
export { createPartitionerState, partitionQueueSizes } from "./state";
export type { NullKeyStrategy, PartitionerConfig, PartitionerState, PartitionerEvent, SendOutcome } from "./state";
export { stepPartitioner, chooseBuiltInPartition, chooseStickyPartition } from "./reducer";
