/**
 * Client metadata simulation: the cluster's real state (ground truth) beside what one client
 * believes (its metadata cache). Producers use the cache, so they can be wrong until a Metadata
 * request — periodic (`metadata.max.age.ms`) or triggered by an error — corrects them.
 */
import { fail, ok, type Result, type SimError } from "../core/errors";
import { getProfile, type ProfileId } from "../core/profile";
import { seedRng, type RngState } from "../core/rng";

export interface BrokerEndpoint {
  id: number;
  host: string;
  port: number;
}

export interface ClusterBrokerState extends BrokerEndpoint {
  alive: boolean;
}

export interface PartitionMetadata {
  topic: string;
  partition: number;
  /** Broker id of the leader, -1 when the partition is offline. */
  leader: number;
  leaderEpoch: number;
  /** Assignment order: the first replica is the preferred leader. */
  replicas: number[];
  isr: number[];
  /** KIP-966 eligible leader replicas (absent or [] when ELR is off). */
  elr?: number[];
}

/** What the brokers/controller really have (the simulated server side). */
export interface ClusterSnapshot {
  brokers: ClusterBrokerState[];
  partitions: PartitionMetadata[];
}

/** What the client learned from its last Metadata response. */
export interface MetadataCache {
  brokers: BrokerEndpoint[];
  partitions: { topic: string; partition: number; leader: number; leaderEpoch: number }[];
}

export interface MetadataConfig {
  /** `bootstrap.servers` as "host:port" strings; need not list every broker. */
  bootstrapServers: string[];
  cluster: ClusterSnapshot;
  profile?: ProfileId;
  metadataMaxAgeMs?: number;
  /** KIP-951 (3.7+): NOT_LEADER_OR_FOLLOWER responses carry the new leader. Default: 4.x on, 2.x off. */
  currentLeaderHint?: boolean;
  /** KIP-966 eligible leader replicas; default from the profile (4.x on, as for clusters created with 4.1+). */
  eligibleLeaderReplicas?: boolean;
  /** min.insync.replicas the controller compares the ISR with (ELR); default from the profile. */
  minInsyncReplicas?: number;
  /** Safety bound on send attempts per produce event (the real default retries is Integer.MAX_VALUE). */
  maxAttempts?: number;
  seed?: number | string;
}

export interface MetadataTraceEntry {
  atMs: number;
  kind: "request" | "response" | "error" | "update" | "info";
  api?: "Metadata" | "Produce";
  /** Broker id, or the bootstrap address when the id is not known yet. */
  target?: number | string;
  kafkaError?: string;
  /** Korean, ready for a timeline. */
  message: string;
}

export interface MetadataProduceOutcome {
  topic: string;
  partition: number;
  ok: boolean;
  /** Broker that finally accepted the batch. */
  broker: number | null;
  attempts: number;
  metadataRequests: number;
  /** Retries sent straight to the leader named in the error response (KIP-951), before any Metadata answer. */
  hintedRetries?: number;
}

export interface MetadataState {
  config: {
    bootstrapServers: string[];
    metadataMaxAgeMs: number;
    currentLeaderHint: boolean;
    maxAttempts: number;
    /** Optional for states saved before ELR existed (then off). */
    eligibleLeaderReplicas?: boolean;
    minInsyncReplicas?: number;
  };
  nowMs: number;
  rng: RngState;
  cluster: ClusterSnapshot;
  cache: MetadataCache | null;
  lastRefreshMs: number | null;
  lastProduce: MetadataProduceOutcome | null;
  trace: MetadataTraceEntry[];
  lastError: SimError | null;
}

export type MetadataEvent =
  | { type: "bootstrap" }
  | { type: "tick"; ms: number }
  | { type: "refresh" }
  | { type: "produce"; topic: string; partition: number }
  | { type: "moveLeader"; topic: string; partition: number; leader: number }
  /** `uncleanShutdown` on a return: the broker crashed, so it leaves the ELR before any election. */
  | { type: "setBrokerAlive"; brokerId: number; alive: boolean; uncleanShutdown?: boolean }
  | { type: "setCluster"; cluster: ClusterSnapshot };

const ADDRESS = /^[^\s:]+:\d{1,5}$/;

/** Checks a cluster snapshot for internal consistency (ids exist, leaders are replicas). */
export function validateClusterSnapshot(cluster: ClusterSnapshot): string | null {
  if (!cluster || !Array.isArray(cluster.brokers) || !Array.isArray(cluster.partitions))
    return "클러스터 정보(brokers, partitions)가 필요합니다.";
  const ids = new Set(cluster.brokers.map((b) => b.id));
  if (ids.size !== cluster.brokers.length) return "브로커 id가 중복됩니다.";
  for (const p of cluster.partitions) {
    if (!p.replicas.every((r) => ids.has(r))) return `${p.topic}-${p.partition}의 레플리카에 없는 브로커가 있습니다.`;
    if (p.leader !== -1 && !p.replicas.includes(p.leader))
      return `${p.topic}-${p.partition}의 리더 ${p.leader}가 레플리카 목록에 없습니다.`;
  }
  return null;
}

/** Validates the config and builds the initial state (nothing known yet: no cache). */
export function createMetadataState(config: MetadataConfig): Result<MetadataState> {
  if (!config || !Array.isArray(config.bootstrapServers) || config.bootstrapServers.length === 0)
    return fail("INVALID_CONFIG", 'bootstrap.servers에 최소 한 개의 "host:port"가 필요합니다.');
  const bad = config.bootstrapServers.find((a) => !ADDRESS.test(a));
  if (bad !== undefined) return fail("INVALID_CONFIG", `bootstrap.servers 주소 형식이 잘못되었습니다: "${bad}" (host:port)`);
  const problem = validateClusterSnapshot(config.cluster);
  if (problem) return fail("INVALID_CONFIG", problem);
  const profile = getProfile(config.profile);
  const maxAge = config.metadataMaxAgeMs ?? profile.producer["metadata.max.age.ms"];
  if (!Number.isInteger(maxAge) || maxAge < 0) return fail("INVALID_CONFIG", "metadata.max.age.ms는 0 이상의 정수여야 합니다.");
  const minIsr = config.minInsyncReplicas ?? profile.broker["min.insync.replicas"];
  if (!Number.isInteger(minIsr) || minIsr < 1) return fail("INVALID_CONFIG", "min.insync.replicas는 1 이상의 정수여야 합니다.");
  const maxAttempts = config.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) return fail("INVALID_CONFIG", "maxAttempts는 1 이상의 정수여야 합니다.");
  return ok({
    config: {
      bootstrapServers: [...config.bootstrapServers],
      metadataMaxAgeMs: maxAge,
      currentLeaderHint: config.currentLeaderHint ?? profile.id === "kafka-4.x",
      maxAttempts,
      eligibleLeaderReplicas: config.eligibleLeaderReplicas ?? profile.broker["eligible.leader.replicas.enable"],
      minInsyncReplicas: minIsr,
    },
    nowMs: 0,
    rng: seedRng(config.seed ?? 0),
    cluster: structuredClone(config.cluster),
    cache: null,
    lastRefreshMs: null,
    lastProduce: null,
    trace: [],
    lastError: null,
  });
}
