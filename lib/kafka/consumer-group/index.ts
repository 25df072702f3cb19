/** Consumer groups: coordinator lookup, assignors, and the classic-protocol group reducer. */
export { javaStringHashCode, utilsAbs, coordinatorPartition, transactionCoordinatorPartition } from "./hash";
export { tpKey, parseTp, compareTp, allPartitionsSorted, compareMembers, sortMembers } from "./topic-partitions";
export type { AssignorMember, PartitionCounts, Assignment, AssignorName } from "./assignor-types";
export { assignRange } from "./assign-range";
export { assignRoundRobin } from "./assign-round-robin";
export { assignSticky, stickyAssignDetailed, resolveOwnedPartitions, hasIdenticalSubscriptions } from "./assign-sticky";
export type { StickyResult, ResolvedOwnership } from "./assign-sticky";
export { generalStickyAssign } from "./assign-sticky-general";
export { movementsAreSticky, topicPartitionHashCode } from "./partition-movements";
export { constrainedStickyAssign, javaHashMapOrder } from "./assign-sticky-constrained";
export { assignCooperativeSticky } from "./assign-cooperative";
export type { CooperativeAssignment } from "./assign-cooperative";
export { createGroupState, isCooperative } from "./group-types";
export type {
  GroupStateName,
  OffsetResetPolicy,
  GroupConfig,
  ResolvedGroupConfig,
  GroupMember,
  FetchedRange,
  GroupLogEntry,
  GroupState,
  GroupEvent,
} from "./group-types";
export { resolvePosition, applyCommit, pollRecords, computeLag, idleMembers } from "./offsets";
export type { PositionResult, LagRow } from "./offsets";
export {
  revokePartitions,
  startRebalance,
  rejoinMember,
  removeMember,
  computeGroupAssignment,
  completeJoin,
  completeSync,
  advanceRebalance,
  expireSessions,
  expirePollIntervals,
} from "./rebalance";
export { stepGroup, expireOffsets } from "./group-reducer";
export { createConsumerProtocolState, consumerProtocolGroupState } from "./consumer-protocol-types";
export type {
  ServerAssignorName,
  ConsumerMemberState,
  ConsumerProtocolMember,
  ConsumerProtocolLogEntry,
  ConsumerProtocolState,
  ConsumerProtocolConfig,
  ConsumerProtocolEvent,
} from "./consumer-protocol-types";
export { stepConsumerProtocol, reconcileMember, computeTargetAssignment } from "./consumer-protocol-reducer";
export { createCommitOrderState, stepCommitOrder, commitLaneOutcome, COMMIT_ORDERS } from "./commit-order";
export type { CommitOrder, CommitLane, CommitOrderConfig, CommitOrderState, CommitOrderEvent, CommitLaneOutcome } from "./commit-order";
