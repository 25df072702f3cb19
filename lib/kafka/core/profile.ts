/**
 * Version profiles: the defaults that changed between the ZooKeeper era (2.x) and KRaft-only 4.x.
 * Sources are cited in facts.md; each value names the config key a learner sees in logs.
 */
export type ProfileId = "kafka-2.x" | "kafka-4.x";

export interface VersionProfile {
  id: ProfileId;
  label: string;
  /** Cluster metadata is kept by ZooKeeper (2.x) or by the KRaft controller quorum (4.x). */
  metadataMode: "zookeeper" | "kraft";
  producer: {
    acks: "0" | "1" | "all";
    "linger.ms": number;
    "batch.size": number;
    "enable.idempotence": boolean;
    "metadata.max.age.ms": number;
    /** How records without a key choose a partition. */
    nullKeyPartitioner: "round-robin" | "sticky" | "uniform-sticky";
  };
  broker: {
    "replica.lag.time.max.ms": number;
    "min.insync.replicas": number;
    "unclean.leader.election.enable": boolean;
    "log.retention.check.interval.ms": number;
    "segment.bytes": number;
    "segment.ms": number;
    "retention.ms": number;
    "retention.bytes": number;
    "index.interval.bytes": number;
    "min.cleanable.dirty.ratio": number;
    "delete.retention.ms": number;
    "offsets.topic.num.partitions": number;
    /**
     * KIP-966 eligible leader replicas (the `eligible.leader.replicas.version` feature). Off in 2.x
     * and 4.0; on by default for clusters created with 4.1 or later, which the 4.x profile models.
     */
    "eligible.leader.replicas.enable": boolean;
  };
  consumer: {
    "session.timeout.ms": number;
    "heartbeat.interval.ms": number;
    "max.poll.interval.ms": number;
    "auto.offset.reset": "latest" | "earliest" | "none";
    "partition.assignment.strategy": string[];
  };
}

const broker = {
  "min.insync.replicas": 1,
  "unclean.leader.election.enable": false,
  "log.retention.check.interval.ms": 300_000,
  "segment.bytes": 1_073_741_824,
  "segment.ms": 604_800_000,
  "retention.ms": 604_800_000,
  "retention.bytes": -1,
  "index.interval.bytes": 4096,
  "min.cleanable.dirty.ratio": 0.5,
  "delete.retention.ms": 86_400_000,
  "offsets.topic.num.partitions": 50,
};

export const PROFILES: Record<ProfileId, VersionProfile> = {
  "kafka-2.x": {
    id: "kafka-2.x",
    label: "Kafka 2.x (ZooKeeper)",
    metadataMode: "zookeeper",
    producer: {
      acks: "1",
      "linger.ms": 0,
      "batch.size": 16384,
      "enable.idempotence": false,
      "metadata.max.age.ms": 300_000,
      nullKeyPartitioner: "sticky",
    },
    broker: { ...broker, "replica.lag.time.max.ms": 10_000, "eligible.leader.replicas.enable": false },
    consumer: {
      "session.timeout.ms": 10_000,
      "heartbeat.interval.ms": 3000,
      "max.poll.interval.ms": 300_000,
      "auto.offset.reset": "latest",
      "partition.assignment.strategy": ["RangeAssignor"],
    },
  },
  "kafka-4.x": {
    id: "kafka-4.x",
    label: "Kafka 4.x (KRaft)",
    metadataMode: "kraft",
    producer: {
      acks: "all",
      "linger.ms": 5,
      "batch.size": 16384,
      "enable.idempotence": true,
      "metadata.max.age.ms": 300_000,
      nullKeyPartitioner: "uniform-sticky",
    },
    broker: { ...broker, "replica.lag.time.max.ms": 30_000, "eligible.leader.replicas.enable": true },
    consumer: {
      "session.timeout.ms": 45_000,
      "heartbeat.interval.ms": 3000,
      "max.poll.interval.ms": 300_000,
      "auto.offset.reset": "latest",
      "partition.assignment.strategy": ["RangeAssignor", "CooperativeStickyAssignor"],
    },
  },
};

/** Returns the profile for an id, defaulting to the current (4.x) behaviour. */
export function getProfile(id: ProfileId = "kafka-4.x"): VersionProfile {
  return PROFILES[id];
}
