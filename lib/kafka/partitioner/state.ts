/**
 * Producer-side partitioner state for one topic: which partition each record goes to, for keyed
 * records (murmur2) and null-key records under the three historical strategies. Plain JSON only.
 */
import type { SimError } from "../core/errors";
import { fail, ok, type Result } from "../core/errors";
import { getProfile, type ProfileId } from "../core/profile";
import { seedRng, type RngState } from "../core/rng";
import { MAX_SIM_PARTITIONS } from "../core/step-guard";
import type { ProducerBatchInfo } from "./accumulator";
import type { KeyInput } from "./murmur2";
import { validatePartitionCount } from "./murmur2";

/** uniform-sticky = ≥3.3 (KIP-794), sticky = 2.4–3.2 (KIP-480), round-robin = before 2.4. */
export type NullKeyStrategy = "uniform-sticky" | "sticky" | "round-robin";

export interface PartitionerConfig {
  numPartitions: number;
  /** Defaults to the profile's `nullKeyPartitioner`. */
  strategy?: NullKeyStrategy;
  profile?: ProfileId;
  /** `batch.size` (default from the profile, 16384). */
  batchSize?: number;
  /** `partitioner.adaptive.partitioning.enable` (default true; ≥3.3 only). */
  adaptive?: boolean;
  /** `partitioner.ignore.keys` (default false; ≥3.3 only). */
  ignoreKeys?: boolean;
  /** Partitions that currently have no leader. */
  partitionsWithoutLeader?: number[];
  seed?: number | string;
}

export interface SendOutcome {
  partition: number;
  reason: "explicit" | "key-hash" | "sticky" | "round-robin";
  /** Serialized key bytes (absent for null keys). */
  keyBytes?: number[];
  /** murmur2 of the key and its `toPositive` form, for the hash explainer. */
  murmur2?: number;
  positiveHash?: number;
  /** Size of this record on the wire as the first record of a batch (`DefaultRecord.sizeInBytes`). */
  recordBytes: number;
  /** True when the record opened a new batch in the accumulator. */
  newBatch: boolean;
  /** ≥3.3: bytes produced to the sticky partition after this record (before a switch resets it). */
  producedBytes?: number;
  enableSwitch?: boolean;
  /** Sticky partition after this record if it changed (≥3.3 after enough bytes; 2.4–3.2 on a new batch). */
  switchedTo?: number;
}

export interface PartitionerState {
  strategy: NullKeyStrategy;
  numPartitions: number;
  batchSize: number;
  adaptive: boolean;
  ignoreKeys: boolean;
  hasLeader: boolean[];
  rng: RngState;
  /** Current sticky partition (≥2.4); null until the first null-key record. */
  sticky: { partition: number; producedBytes: number } | null;
  /** Pre-2.4 per-topic counter; null until first use (then seeded from the RNG like Java). */
  roundRobinCounter: number | null;
  queues: ProducerBatchInfo[][];
  recordsPerPartition: number[];
  bytesPerPartition: number[];
  last: SendOutcome | null;
  lastError: SimError | null;
}

export type PartitionerEvent =
  | {
      type: "send";
      /** null/undefined = no key (sticky path). "" is a real key and is hashed. */
      key?: KeyInput | null;
      value?: string | null;
      /** Overrides the value's byte length (for large synthetic payloads). */
      valueBytes?: number;
      /** Explicit partition (`ProducerRecord.partition`). */
      partition?: number;
      /** Overrides `allBatchesFull` for the ≥3.3 switch rule (the Kafka tests call it with true). */
      enableSwitch?: boolean;
    }
  | { type: "drain"; partitions?: number[]; onlyFull?: boolean }
  | { type: "setLeader"; partition: number; hasLeader: boolean }
  | { type: "setPartitionCount"; numPartitions: number };

/** Validates a config and builds the initial state (profile defaults filled in). */
export function createPartitionerState(config: PartitionerConfig): Result<PartitionerState> {
  const n = validatePartitionCount(config?.numPartitions);
  if (!n.ok) return n;
  if (n.value > MAX_SIM_PARTITIONS) return fail("INVALID_CONFIG", `시뮬레이션의 파티션 수는 ${MAX_SIM_PARTITIONS}개 이하여야 합니다.`);
  const profile = getProfile(config.profile);
  const strategy = config.strategy ?? profile.producer.nullKeyPartitioner;
  if (!["uniform-sticky", "sticky", "round-robin"].includes(strategy))
    return fail("INVALID_CONFIG", `알 수 없는 null 키 전략입니다: ${String(strategy)}`);
  const batchSize = config.batchSize ?? profile.producer["batch.size"];
  if (!Number.isInteger(batchSize) || batchSize < 0)
    return fail("INVALID_CONFIG", `batch.size는 0 이상의 정수여야 합니다 (입력값: ${String(batchSize)}).`);
  const without = config.partitionsWithoutLeader ?? [];
  if (without.some((p) => !Number.isInteger(p) || p < 0 || p >= n.value))
    return fail("INVALID_CONFIG", "partitionsWithoutLeader에 존재하지 않는 파티션 번호가 있습니다.");
  return ok({
    strategy,
    numPartitions: n.value,
    batchSize,
    adaptive: config.adaptive ?? true,
    ignoreKeys: config.ignoreKeys ?? false,
    hasLeader: Array.from({ length: n.value }, (_, p) => !without.includes(p)),
    rng: seedRng(config.seed ?? 0),
    sticky: null,
    roundRobinCounter: null,
    queues: Array.from({ length: n.value }, () => []),
    recordsPerPartition: new Array(n.value).fill(0),
    bytesPerPartition: new Array(n.value).fill(0),
    last: null,
    lastError: null,
  });
}

/** Queue sizes (number of batches waiting) per partition, the input of the adaptive weights. */
export function partitionQueueSizes(state: PartitionerState): number[] {
  return state.queues.map((q) => q.length);
}
