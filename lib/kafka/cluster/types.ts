/**
 * Data model of a cluster: nodes (brokers and/or KRaft controllers), the active controller, and
 * every partition's replication state. The controller decides when failed brokers are fenced.
 */
import type { SimError } from "../core/errors";
import type { ProfileId } from "../core/profile";
import type { RngState } from "../core/rng";
import type { Acks, ReplicationState } from "../replication/types";

/** A topic to create at startup. */
export interface TopicSpec {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Explicit replica lists per partition (first = preferred leader). */
  assignments?: number[][];
  minInsyncReplicas?: number;
  uncleanLeaderElectionEnable?: boolean;
}

/** Cluster settings (Kafka names in comments). */
export interface ClusterConfig {
  profile: ProfileId;
  metadataMode: "kraft" | "zookeeper";
  brokers: number[];
  /** KRaft controller.quorum.voters (ids may also be brokers = combined mode); unused with ZooKeeper. */
  controllers: number[];
  /** broker.session.timeout.ms (KRaft) */
  brokerSessionTimeoutMs: number;
  /** zookeeper.session.timeout.ms (ZooKeeper era) */
  zkSessionTimeoutMs: number;
  /** controller.quorum.fetch.timeout.ms: followers notice a dead quorum leader after this */
  quorumFetchTimeoutMs: number;
  /** controller.quorum.election.timeout.ms: randomised election backoff bound */
  quorumElectionTimeoutMs: number;
  /** Follower fetch period used by every partition. */
  followerFetchIntervalMs: number;
  topics: TopicSpec[];
}

/** One node (process). */
export interface NodeState {
  id: number;
  isBroker: boolean;
  isController: boolean;
  running: boolean;
  /** KRaft: registration is live (heartbeating); ZooKeeper: `/brokers/ids/<id>` exists. Running but unregistered = waiting to register. */
  registered: boolean;
  /** Controller's view of the broker: fenced brokers lead nothing and are in no ISR. */
  fenced: boolean;
  /** KRaft: when the controller fences this silent broker; ZooKeeper: when its session expires. */
  sessionDeadlineMs: number | null;
}

/** The active controller (KRaft quorum leader, or the ZooKeeper `/controller` owner). */
export interface ControllerState {
  activeId: number;
  /** KRaft quorum epoch / ZooKeeper controller epoch. */
  epoch: number;
  /** When the next election completes (null = none scheduled). */
  electionAtMs: number | null;
}

/** A line of the cluster's event log (Korean, for display). */
export interface ClusterLogEntry {
  atMs: number;
  message: string;
}

/** The whole cluster. */
export interface ClusterState {
  config: ClusterConfig;
  nowMs: number;
  rng: RngState;
  nodes: NodeState[];
  controller: ControllerState;
  partitions: ReplicationState[];
  log: ClusterLogEntry[];
  lastError: SimError | null;
}

/** Options accepted by `createClusterState`. */
export type ClusterInit = Partial<Omit<ClusterConfig, "metadataMode">> & { nowMs?: number; seed?: number | string };

/** Events of the cluster reducer. */
export type ClusterEvent =
  | { type: "nodeDown"; nodeId: number; graceful?: boolean }
  | { type: "nodeUp"; nodeId: number }
  | { type: "tick"; nowMs: number }
  | { type: "produce"; topic: string; partition: number; acks?: Acks; key?: string | null; value?: string | null }
  | { type: "electPreferredLeaders" }
  | { type: "setUncleanLeaderElection"; topic: string; enabled: boolean };
