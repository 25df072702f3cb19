/**
 * How a lab builds its engine from its settings (the first `settings` event of a shared run), so a
 * link made for a quiz question restores the question's layout (a dedicated controller, one
 * partition, min.insync.replicas=3, the asked partition's replica order) and the grader's outcome.
 */
import type { ClusterInit } from "../cluster/types";
import type { ProfileId } from "../core/profile";
import type { CompactionInit } from "../compaction/types";
import type { AssignorName } from "../consumer-group/assignor-types";
import type { GroupConfig } from "../consumer-group/group-types";
import type { ProducerInit } from "../producer/types";
import type { ReplicationInit } from "../replication/types";
import type { RetentionInit } from "../retention/types";

type Settings = Record<string, string | number | boolean>;

const pick = <T extends string | number | boolean>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Node id of the one dedicated KRaft controller (`controllers: "dedicated"`). */
export const DEDICATED_CONTROLLER_ID = 100;

/** ClusterLab's cluster: nodes 1–3 in combined mode, or brokers 1–3 with a dedicated controller. */
export function clusterLabInit(profile: ProfileId, seed: number, settings: Settings): ClusterInit {
  const dedicated = settings.controllers === "dedicated";
  const partitions = pick(settings.partitions, [1, 2, 3, 4, 5, 6], 3);
  const minIsr = pick(settings.minIsr, [1, 2, 3], 0);
  return {
    profile,
    seed,
    brokers: [1, 2, 3],
    ...(dedicated ? { controllers: [DEDICATED_CONTROLLER_ID] } : {}),
    topics: [{ name: "orders", partitions, replicationFactor: 3, ...(minIsr ? { minInsyncReplicas: minIsr } : {}) }],
  };
}

const REPLICA_ORDERS = ["1,2,3", "2,3,1", "3,1,2"] as const;

/** ReplicationLab's partition: replicas on brokers 1–3 (in `replicas` order) and its min.insync.replicas. */
export function replicationLabInit(profile: ProfileId, settings: Settings): ReplicationInit & { profile: ProfileId } {
  return {
    profile,
    topic: "orders",
    replicas: pick(settings.replicas, REPLICA_ORDERS, "1,2,3").split(",").map(Number),
    minInsyncReplicas: pick(settings.minIsr, [1, 2, 3], 2),
    followerFetchIntervalMs: 500,
  };
}

/** CompactionLab's dirty-ratio choices (0.01 is what quiz scenarios use: clean at the first chance). */
export const COMPACTION_RATIOS = [0.5, 0.1, 0.9, 0.01] as const;
export const COMPACTION_MIN_LAGS = [0, 60_000] as const;
/** 0 = Kafka's default (Long.MAX_VALUE: no upper bound). */
export const COMPACTION_MAX_LAGS = [0, 120_000] as const;

/** CompactionLab's knobs read from its settings (unknown values fall back to defaults). */
export const compactionLabSettings = (s: Settings) => ({
  ratio: pick(s.ratio, COMPACTION_RATIOS, 0.5),
  minLag: pick(s.minLag, COMPACTION_MIN_LAGS, 0),
  maxLag: pick(s.maxLag, COMPACTION_MAX_LAGS, 0),
  /** 1 MiB segments (a quiz scenario's) instead of the lab's tiny 500-byte ones. */
  segmentBytes: pick(s.segmentBytes, [500, 1_048_576], 500),
  /** Every append counts as replicated at once (a quiz scenario has no followers). */
  hwFollowsLogEnd: s.hwFollowsLogEnd === true,
});

/** CompactionLab's partition of `user-profile`. */
export function compactionLabInit(profile: ProfileId, seed: number, settings: Settings): CompactionInit {
  const { ratio, minLag, maxLag, segmentBytes, hwFollowsLogEnd } = compactionLabSettings(settings);
  return {
    profile,
    seed,
    topic: "user-profile",
    segmentBytes,
    minCleanableDirtyRatio: ratio,
    minCompactionLagMs: minLag,
    maxCompactionLagMs: maxLag || undefined,
    deleteRetentionMs: 60_000,
    backoffMs: 15_000,
    ...(hwFollowsLogEnd ? { highWatermarkFollowsLogEnd: true } : {}),
  };
}

const HOUR = 3_600_000;
/** SegmentRetention's retention.ms choices: one minute, unlimited, and the quiz's one to three hours. */
export const RETENTION_MS_VALUES = [60_000, -1, HOUR, 2 * HOUR, 3 * HOUR] as const;
export const RETENTION_BYTES_VALUES = [-1, 1200] as const;
/** SegmentRetention's tiny segments (Kafka 4.x refuses below 1 MiB; the lab keeps them small to see rolls). */
export const LAB_SEGMENT_BYTES = 600;

/** SegmentRetention's knobs read from its settings. */
export const retentionLabSettings = (s: Settings) => ({
  retentionMs: pick(s.retentionMs, RETENTION_MS_VALUES, 60_000),
  retentionBytes: pick(s.retentionBytes, RETENTION_BYTES_VALUES, -1),
  segmentBytes: pick(s.segmentBytes, [LAB_SEGMENT_BYTES, 1_048_576], LAB_SEGMENT_BYTES),
});

/** SegmentRetention's partition of `hello.kafka`. */
export function retentionLabInit(profile: ProfileId, seed: number, settings: Settings): RetentionInit {
  return {
    profile,
    seed,
    topic: "hello.kafka",
    ...retentionLabSettings(settings),
    checkIntervalMs: 30_000,
    fileDeleteDelayMs: 60_000,
    nowMs: 0,
  };
}

/** DeliveryLab's producer knobs: transactions need idempotence; otherwise the profile's default applies. */
export const deliveryLabSettings = (profile: ProfileId, s: Settings) => {
  const transactional = pick(s.transactional, [true, false], false);
  const idempotence = transactional ? true : pick(s.idempotence, [true, false], profile === "kafka-4.x");
  return { transactional, idempotence };
};

/** DeliveryLab's producer on `payments` (acks=all). */
export function deliveryLabInit(profile: ProfileId, seed: number, settings: Settings): ProducerInit {
  const { transactional, idempotence } = deliveryLabSettings(profile, settings);
  return {
    profile,
    seed,
    topic: "payments",
    acks: "all",
    enableIdempotence: idempotence,
    transactionalId: transactional ? "payment-tx" : null,
  };
}

/** ConsumerGroupLab's assignor choices. */
export const GROUP_ASSIGNORS: readonly AssignorName[] = ["range", "roundrobin", "sticky", "cooperative-sticky"];
const PARTITION_COUNTS = [1, 2, 3, 4, 5, 6] as const;

/** ConsumerGroupLab's group: `orders` (4 partitions unless set) and, when set, a second topic `payments`. */
export function groupLabInit(profile: ProfileId, settings: Settings): GroupConfig {
  const payments = pick(settings.payments, PARTITION_COUNTS, 0 as (typeof PARTITION_COUNTS)[number]);
  return {
    profile,
    groupId: "order-service",
    topics: { orders: pick(settings.orders, PARTITION_COUNTS, 4), ...(payments ? { payments } : {}) },
    assignor: pick<AssignorName>(settings.assignor, GROUP_ASSIGNORS, "range"),
    autoOffsetReset: "earliest",
  };
}
