/** Cluster: nodes up/down, KRaft quorum or ZooKeeper controller, fencing and leader failover. */
export * from "./types";
export { createClusterState, resolveClusterConfig, DEFAULT_BROKER_SESSION_TIMEOUT_MS, DEFAULT_ZK_SESSION_TIMEOUT_MS } from "./config";
export { quorumMajority, controllerCandidates, hasQuorum, loseController, scheduleElection, electController, takeOver } from "./controller";
export {
  logLine,
  controllerFunctioning,
  withNode,
  nodeOf,
  mapPartitionsOf,
  advancePartitions,
  setControllerAvailability,
  stopBrokerProcess,
  fenceNode,
  registerNode,
} from "./failover";
export { stepCluster, nodeDown, nodeUp, advanceClusterClock } from "./reducer";
export { partitionOf, leaderCounts, offlinePartitions, describePartitions } from "./queries";
