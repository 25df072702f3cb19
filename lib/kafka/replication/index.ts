/** One replicated partition: ISR, high watermark, acks, min.insync.replicas, leader election, truncation. */
export * from "./types";
export { createReplicationState, resolveReplicationConfig, defaultAssignment, FIVE_MINUTES_MS } from "./config";
export { electLeader } from "./leader-election";
export type { ElectionInput, ElectionOutcome } from "./leader-election";
export { epochAt, divergenceOffset, truncateEpochs, appendEpochRange } from "./epochs";
export {
  replicaOf,
  withReplica,
  isCaughtUp,
  effectiveMinIsr,
  advanceHighWatermark,
  completeDelayedProduces,
  expireDelayedProduces,
  failAllPending,
  settle,
} from "./high-watermark";
export { canChangeIsr, shrinkIsr, maybeExpandIsr } from "./isr";
export { produce } from "./produce";
export { updateFetchState, truncateToLeader, followerFetch } from "./fetch";
export {
  aliveReplicas,
  divergentRecords,
  applyLeaderChange,
  runElection,
  onlineElectionKind,
  fenceBroker,
  brokerDown,
  brokerUp,
  maybeUncleanElection,
  maybeRebalanceLeader,
} from "./membership";
export {
  listRequests,
  highWatermark,
  holdsRecord,
  authoritativeReplica,
  eligibleReplicas,
  lostAcknowledgedRecords,
  replicaLog,
} from "./queries";
export { stepReplication, advanceReplicationClock, fetchRound } from "./reducer";
export { quietHorizon, fastForwardQuiet } from "./fast-forward";
