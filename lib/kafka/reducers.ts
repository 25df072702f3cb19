/**
 * The one reducer contract of the engine. Every mechanism with state registers here as
 * `defineReducer({ name, create(config, seed), step(state, event), eventTypes, examples })`, and a
 * single contract test (`reducers.test.ts`) runs all of them: pure, deterministic for a seed and
 * events, plain JSON, no input mutation, and never throwing (bad events become a Korean `SimError`).
 * A widget or question can drive any mechanism through the same four members.
 */
import type { Result } from "./core/errors";
import type { HasLastError } from "./core/step-guard";
import { createClusterState } from "./cluster/config";
import { stepCluster } from "./cluster/reducer";
import type { ClusterEvent, ClusterInit, ClusterState } from "./cluster/types";
import { createCompactionState } from "./compaction/config";
import { stepCompaction } from "./compaction/reducer";
import type { CompactionEvent, CompactionInit, CompactionState } from "./compaction/types";
import {
  createCommitOrderState,
  stepCommitOrder,
  type CommitOrderConfig,
  type CommitOrderEvent,
  type CommitOrderState,
} from "./consumer-group/commit-order";
import { stepGroup } from "./consumer-group/group-reducer";
import { stepConsumerProtocol } from "./consumer-group/consumer-protocol-reducer";
import {
  createConsumerProtocolState,
  type ConsumerProtocolConfig,
  type ConsumerProtocolEvent,
  type ConsumerProtocolState,
} from "./consumer-group/consumer-protocol-types";
import { createGroupState, type GroupConfig, type GroupEvent, type GroupState } from "./consumer-group/group-types";
import { createLogState } from "./log/config";
import { stepLog } from "./log/reducer";
import type { LogEvent, LogInit, LogState } from "./log/types";
import { stepMetadata } from "./metadata/reducer";
import { createMetadataState, type MetadataConfig, type MetadataEvent, type MetadataState } from "./metadata/types";
import { stepPartitioner } from "./partitioner/reducer";
import { createPartitionerState, type PartitionerConfig, type PartitionerEvent, type PartitionerState } from "./partitioner/state";
import { createProducerState } from "./producer/config";
import { stepProducer } from "./producer/reducer";
import type { ProducerEvent, ProducerInit, ProducerState } from "./producer/types";
import { createReplicationState } from "./replication/config";
import { stepReplication } from "./replication/reducer";
import type { ReplicationEvent, ReplicationInit, ReplicationState } from "./replication/types";
import { createRetentionState } from "./retention/config";
import { stepRetention } from "./retention/reducer";
import type { RetentionEvent, RetentionInit, RetentionState } from "./retention/types";

/** Seeds accepted by every reducer's `create`. */
export type Seed = number | string;

/** The contract every engine reducer meets. */
export interface ReducerDefinition<C, S extends HasLastError, E extends { type: string }> {
  /** Mechanism name (the folder), e.g. `"consumer-group"`. */
  name: string;
  /** Every event type `step` handles; the contract test generates each of them. */
  eventTypes: readonly E["type"][];
  /** A config `create` accepts, used by tests and as a widget's starting point. */
  defaultConfig: C;
  /** One valid example event per type (the generator mutates them to reach deep branches). */
  examples: readonly E[];
  /** Validates the config and builds the initial state; the seed overrides `config.seed`. */
  create(config: C, seed?: Seed): Result<S>;
  /** Applies one event; never throws, records problems in `lastError`. */
  step(state: S, event: E): S;
}

/**
 * Registers a reducer as it is (its `step` is the mechanism's own `stepX`, built on `guardStep`),
 * so the contract test checks the very function widgets call rather than a safety wrapper.
 */
export function defineReducer<C, S extends HasLastError, E extends { type: string }>(
  def: ReducerDefinition<C, S, E>,
): ReducerDefinition<C, S, E> {
  return def;
}

/** Adds the seed to a config that takes one (`seed` in the config object). */
const seeded = <C extends { seed?: Seed }>(config: C, seed?: Seed): C => (seed === undefined ? config : { ...config, seed });

const records = [{ key: "k1", value: "v1", timestamp: 1000 }];

export const partitionerReducer = defineReducer<PartitionerConfig, PartitionerState, PartitionerEvent>({
  name: "partitioner",
  eventTypes: ["send", "drain", "setLeader", "setPartitionCount"],
  defaultConfig: { numPartitions: 3 },
  examples: [
    { type: "send", key: "k1", value: "v" },
    { type: "send", key: null, value: "v" },
    { type: "drain", partitions: [0] },
    { type: "setLeader", partition: 1, hasLeader: false },
    { type: "setPartitionCount", numPartitions: 4 },
  ],
  create: (config, seed) => createPartitionerState(seeded(config, seed)),
  step: stepPartitioner,
});

export const logReducer = defineReducer<LogInit, LogState, LogEvent>({
  name: "log",
  eventTypes: ["append", "appendAt", "roll", "tick", "setHighWatermark", "deleteRecords"],
  defaultConfig: { segmentBytes: 400, highWatermarkFollowsLogEnd: true },
  examples: [
    { type: "append", records },
    { type: "appendAt", baseOffset: 5, records },
    { type: "roll" },
    { type: "tick", nowMs: 60_000 },
    { type: "setHighWatermark", offset: 1 },
    { type: "deleteRecords", offset: 1 },
  ],
  create: (config, seed) => createLogState(seeded(config, seed)),
  step: stepLog,
});

const logTaskExamples = [
  { type: "append", records },
  { type: "tick", nowMs: 400_000 },
  { type: "setHighWatermark", offset: 1 },
  { type: "roll" },
  { type: "fetch", offset: 0, autoOffsetReset: "earliest" },
  { type: "deleteRecords", offset: -1 },
] as const;

export const retentionReducer = defineReducer<RetentionInit, RetentionState, RetentionEvent>({
  name: "retention",
  eventTypes: ["append", "tick", "setHighWatermark", "roll", "runRetention", "fetch", "deleteRecords"],
  defaultConfig: { segmentBytes: 400, retentionMs: 60_000, highWatermarkFollowsLogEnd: true },
  examples: [...logTaskExamples, { type: "runRetention" }],
  create: (config, seed) => createRetentionState(seeded(config, seed)),
  step: stepRetention,
});

export const compactionReducer = defineReducer<CompactionInit, CompactionState, CompactionEvent>({
  name: "compaction",
  eventTypes: ["append", "tick", "setHighWatermark", "roll", "runCleaner", "fetch", "deleteRecords"],
  defaultConfig: { segmentBytes: 400, highWatermarkFollowsLogEnd: true },
  examples: [...logTaskExamples, { type: "append", records: [{ key: "k1", value: null }] }, { type: "runCleaner" }],
  create: (config, seed) => createCompactionState(seeded(config, seed)),
  step: stepCompaction,
});

export const replicationReducer = defineReducer<ReplicationInit, ReplicationState, ReplicationEvent>({
  name: "replication",
  eventTypes: [
    "produce",
    "followerFetch",
    "tick",
    "brokerDown",
    "brokerFenced",
    "brokerUp",
    "setFollowerPaused",
    "electLeader",
    "setUncleanLeaderElection",
    "setControllerAvailable",
  ],
  defaultConfig: {},
  examples: [
    { type: "produce", acks: "all", key: "k", value: "v" },
    { type: "followerFetch", brokerId: 2 },
    { type: "tick", nowMs: 31_000 },
    { type: "brokerDown", brokerId: 1 },
    { type: "brokerFenced", brokerId: 2 },
    { type: "brokerUp", brokerId: 1 },
    { type: "setFollowerPaused", brokerId: 3, paused: true },
    { type: "electLeader", kind: "PREFERRED" },
    { type: "setUncleanLeaderElection", enabled: true },
    { type: "setControllerAvailable", available: false },
  ],
  // Replication has no random choice; the seed is accepted for the common contract.
  create: (config) => createReplicationState(config),
  step: stepReplication,
});

export const clusterReducer = defineReducer<ClusterInit, ClusterState, ClusterEvent>({
  name: "cluster",
  eventTypes: ["nodeDown", "nodeUp", "tick", "produce", "electPreferredLeaders", "setUncleanLeaderElection"],
  defaultConfig: {},
  examples: [
    { type: "nodeDown", nodeId: 1 },
    { type: "nodeUp", nodeId: 1 },
    { type: "tick", nowMs: 10_000 },
    { type: "produce", topic: "orders", partition: 0, acks: "all", key: "k", value: "v" },
    { type: "electPreferredLeaders" },
    { type: "setUncleanLeaderElection", topic: "orders", enabled: true },
  ],
  create: (config, seed) => createClusterState(seeded(config, seed)),
  step: stepCluster,
});

export const consumerGroupReducer = defineReducer<GroupConfig, GroupState, GroupEvent>({
  name: "consumer-group",
  eventTypes: [
    "join",
    "leave",
    "crash",
    "stall",
    "resume",
    "heartbeat",
    "poll",
    "commit",
    "tick",
    "produce",
    "deleteRecords",
    "addPartitions",
    "deleteGroup",
  ],
  defaultConfig: { groupId: "g", topics: { orders: 3 }, initialRebalanceDelayMs: 0 },
  examples: [
    { type: "join", memberId: "c1", topics: ["orders"] },
    { type: "join", memberId: "c2" },
    { type: "leave", memberId: "c1" },
    { type: "crash", memberId: "c2" },
    { type: "stall", memberId: "c1" },
    { type: "resume", memberId: "c1" },
    { type: "heartbeat", memberId: "c1" },
    { type: "poll", memberId: "c1", maxRecords: 10 },
    { type: "commit", memberId: "c1" },
    { type: "tick", ms: 1000 },
    { type: "produce", topic: "orders", partition: 0, count: 5 },
    { type: "deleteRecords", topic: "orders", partition: 0, offset: 1 },
    { type: "addPartitions", topic: "orders", count: 4 },
    { type: "deleteGroup" },
  ],
  // The classic group draws nothing at random; the seed is accepted for the common contract.
  create: (config) => createGroupState(config),
  step: stepGroup,
});

export const consumerProtocolReducer = defineReducer<ConsumerProtocolConfig, ConsumerProtocolState, ConsumerProtocolEvent>({
  name: "consumer-group-kip848",
  eventTypes: ["join", "heartbeat", "subscribe", "leave", "tick", "addPartitions", "setAssignor"],
  defaultConfig: { groupId: "g", topics: { orders: 6, payments: 2 } },
  examples: [
    { type: "join", memberId: "c1", topics: ["orders"] },
    { type: "join", memberId: "c2", topics: ["orders", "payments"] },
    { type: "heartbeat", memberId: "c1" },
    { type: "subscribe", memberId: "c1", topics: ["orders", "payments"] },
    { type: "leave", memberId: "c2" },
    { type: "tick", ms: 50_000 },
    { type: "addPartitions", topic: "orders", count: 8 },
    { type: "setAssignor", assignor: "range" },
  ],
  create: (config) => createConsumerProtocolState(config),
  step: stepConsumerProtocol,
});

export const commitOrderReducer = defineReducer<CommitOrderConfig, CommitOrderState, CommitOrderEvent>({
  name: "consumer-commit",
  eventTypes: ["poll", "process", "step", "crash", "restart", "append"],
  defaultConfig: { records: 9, maxPollRecords: 3 },
  examples: [{ type: "poll" }, { type: "process" }, { type: "step" }, { type: "crash" }, { type: "restart" }, { type: "append", count: 2 }],
  create: (config) => createCommitOrderState(config),
  step: stepCommitOrder,
});

const cluster: MetadataConfig["cluster"] = {
  brokers: [1, 2, 3].map((id) => ({ id, host: `broker${id}`, port: 9092, alive: true })),
  partitions: [0, 1].map((partition) => ({
    topic: "orders",
    partition,
    leader: partition + 1,
    leaderEpoch: 0,
    replicas: [partition + 1, ((partition + 1) % 3) + 1],
    isr: [partition + 1, ((partition + 1) % 3) + 1],
  })),
};

export const metadataReducer = defineReducer<MetadataConfig, MetadataState, MetadataEvent>({
  name: "metadata",
  eventTypes: ["bootstrap", "tick", "refresh", "produce", "moveLeader", "setBrokerAlive", "setCluster"],
  defaultConfig: { bootstrapServers: ["broker1:9092"], cluster },
  examples: [
    { type: "bootstrap" },
    { type: "tick", ms: 1000 },
    { type: "refresh" },
    { type: "produce", topic: "orders", partition: 0 },
    { type: "moveLeader", topic: "orders", partition: 0, leader: 2 },
    { type: "setBrokerAlive", brokerId: 1, alive: false },
    { type: "setCluster", cluster },
  ],
  create: (config, seed) => createMetadataState(seeded(config, seed)),
  step: stepMetadata,
});

export const producerReducer = defineReducer<ProducerInit, ProducerState, ProducerEvent>({
  name: "producer",
  eventTypes: ["send", "deliver", "flush", "initTransactions", "beginTransaction", "commitTransaction", "abortTransaction", "fence"],
  defaultConfig: { partitions: 2, transactionalId: "tx-1" },
  examples: [
    { type: "initTransactions" },
    { type: "beginTransaction" },
    { type: "send", partition: 0, values: ["a"] },
    { type: "deliver", fault: "responseLost" },
    { type: "flush" },
    { type: "commitTransaction" },
    { type: "abortTransaction" },
    { type: "fence" },
  ],
  create: (config, seed) => createProducerState(seeded(config, seed)),
  step: stepProducer,
});

/** A registered reducer with its types erased (for code that handles any of them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous registry; each entry is typed where defined
export type AnyReducer = ReducerDefinition<any, HasLastError, { type: string }>;

/** Every reducer of the engine, by name. */
export const REDUCERS = {
  partitioner: partitionerReducer,
  log: logReducer,
  retention: retentionReducer,
  compaction: compactionReducer,
  replication: replicationReducer,
  cluster: clusterReducer,
  "consumer-group": consumerGroupReducer,
  "consumer-group-kip848": consumerProtocolReducer,
  metadata: metadataReducer,
  producer: producerReducer,
  "consumer-commit": commitOrderReducer,
} as const satisfies Record<string, AnyReducer>;

/** Names of the registered reducers. */
export type ReducerName = keyof typeof REDUCERS;
