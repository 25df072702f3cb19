/** Client metadata: bootstrap, Metadata refresh (periodic and on error), stale-leader retries, KIP-951. */
export { createMetadataState, validateClusterSnapshot } from "./types";
export type {
  BrokerEndpoint,
  ClusterBrokerState,
  PartitionMetadata,
  ClusterSnapshot,
  MetadataCache,
  MetadataConfig,
  MetadataTraceEntry,
  MetadataProduceOutcome,
  MetadataState,
  MetadataEvent,
} from "./types";
export { appendMetadataTrace, metadataResponse, refreshMetadata, isMetadataExpired, applyCurrentLeader, sendProduce } from "./client";
export { stepMetadata, electLeadersAfterFailure, electLeadersAfterRecovery } from "./reducer";
export { populateElr, isValidNewLeader, fenceBrokerPartitions, unfenceBrokerPartitions } from "./elr";
export type { ControllerRules } from "./elr";
