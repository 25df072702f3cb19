/**
 * Public entry of the Kafka simulation engine: pure functions and `(state, event) → state` reducers
 * that follow Apache Kafka's own rules, checked against Kafka's test vectors. Time and randomness
 * are inputs (a sim clock and a seeded RNG in the state), so `(seed, events)` replays any run.
 * Nothing here imports from outside lib/kafka.
 *
 * One folder per mechanism; each is also available as a namespace (e.g. `replication.electLeader`).
 */
export * from "./core/errors";
export * from "./core/profile";
export * from "./core/rng";
export * from "./partitioner";
export * from "./log";
export * from "./retention";
export * from "./compaction";
export * from "./replication";
export * from "./cluster";
export * from "./consumer-group";
export * from "./metadata";
export * from "./topic-name";
export * from "./record";
export * from "./producer";
export * from "./reducers";

export * as partitioner from "./partitioner";
export * as log from "./log";
export * as retention from "./retention";
export * as compaction from "./compaction";
export * as replication from "./replication";
export * as cluster from "./cluster";
export * as consumerGroup from "./consumer-group";
export * as metadata from "./metadata";
export * as topicName from "./topic-name";
export * as record from "./record";
export * as producer from "./producer";
