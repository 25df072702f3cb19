/** Creation and validation of a replicated partition (`createReplicationState`). */
import { fail, ok, type Result } from "../core/errors";
import { getProfile } from "../core/profile";
import { isInt } from "../core/step-guard";
import type { ReplicaState, ReplicationConfig, ReplicationInit, ReplicationState } from "./types";

/** KRaft's `unclean.leader.election.interval.ms` and the leader-imbalance check interval (5 min). */
export const FIVE_MINUTES_MS = 300_000;

/** Replica set of a partition when no explicit assignment is given: RF brokers starting at partition % n. */
export function defaultAssignment(brokers: number[], replicationFactor: number, partition: number): number[] {
  const n = brokers.length;
  return Array.from({ length: replicationFactor }, (_, i) => brokers[(partition + i) % n]);
}

/** Fills defaults from the version profile and validates the partition's replication settings. */
export function resolveReplicationConfig(init: ReplicationInit = {}): Result<ReplicationConfig> {
  const profile = getProfile(init.profile ?? "kafka-4.x");
  const partition = init.partition ?? 0;
  const brokers = init.brokers ?? [1, 2, 3];
  const rf = init.replicationFactor ?? (init.replicas ? init.replicas.length : Math.min(3, brokers.length));
  if (!isInt(partition) || partition < 0) return fail("INVALID_CONFIG", `파티션 번호는 0 이상의 정수여야 합니다 (받은 값: ${partition}).`);
  if (!Array.isArray(brokers) || brokers.length === 0 || !brokers.every((b) => isInt(b) && b >= 0)) {
    return fail("INVALID_CONFIG", "브로커 ID 목록은 0 이상의 정수로 이루어진 비어 있지 않은 배열이어야 합니다.");
  }
  if (new Set(brokers).size !== brokers.length) return fail("INVALID_CONFIG", "브로커 ID가 중복되었습니다.");
  if (!isInt(rf) || rf < 1) return fail("INVALID_CONFIG", `복제 팩터(replication factor)는 1 이상이어야 합니다 (받은 값: ${rf}).`);
  if (!init.replicas && rf > brokers.length) {
    return fail(
      "INVALID_CONFIG",
      `복제 팩터 ${rf}이(가) 사용 가능한 브로커 수 ${brokers.length}보다 큽니다.`,
      "INVALID_REPLICATION_FACTOR",
    );
  }
  const replicas = init.replicas ?? defaultAssignment(brokers, rf, partition);
  if (replicas.length === 0 || !replicas.every((r) => isInt(r) && r >= 0) || new Set(replicas).size !== replicas.length) {
    return fail("INVALID_CONFIG", "레플리카 할당은 서로 다른 브로커 ID의 비어 있지 않은 목록이어야 합니다.");
  }
  const config: ReplicationConfig = {
    topic: init.topic ?? "demo-topic",
    partition,
    replicas,
    minInsyncReplicas: init.minInsyncReplicas ?? profile.broker["min.insync.replicas"],
    replicaLagTimeMaxMs: init.replicaLagTimeMaxMs ?? profile.broker["replica.lag.time.max.ms"],
    uncleanLeaderElectionEnable: init.uncleanLeaderElectionEnable ?? profile.broker["unclean.leader.election.enable"],
    modernMinIsr: init.modernMinIsr ?? profile.id === "kafka-4.x",
    defaultAcks: init.defaultAcks ?? profile.producer.acks,
    followerFetchIntervalMs: init.followerFetchIntervalMs ?? 0,
    maxFetchRecords: init.maxFetchRecords ?? 500,
    requestTimeoutMs: init.requestTimeoutMs ?? 30_000,
    eligibleLeaderReplicas:
      init.eligibleLeaderReplicas ??
      (profile.broker["eligible.leader.replicas.enable"] && (init.metadataMode ?? profile.metadataMode) === "kraft"),
    autoLeaderRebalanceEnable: init.autoLeaderRebalanceEnable ?? true,
    leaderImbalanceCheckIntervalMs: init.leaderImbalanceCheckIntervalMs ?? FIVE_MINUTES_MS,
    uncleanElectionCheckIntervalMs: init.uncleanElectionCheckIntervalMs ?? FIVE_MINUTES_MS,
    metadataMode: init.metadataMode ?? profile.metadataMode,
    profile: profile.id,
  };
  const positive: [keyof ReplicationConfig, string][] = [
    ["minInsyncReplicas", "min.insync.replicas"],
    ["replicaLagTimeMaxMs", "replica.lag.time.max.ms"],
    ["maxFetchRecords", "한 번에 가져올 레코드 수"],
    ["requestTimeoutMs", "request.timeout.ms"],
    ["leaderImbalanceCheckIntervalMs", "leader.imbalance.check.interval"],
    ["uncleanElectionCheckIntervalMs", "unclean.leader.election.interval.ms"],
  ];
  for (const [k, name] of positive) {
    const v = config[k];
    if (!isInt(v) || (v as number) < 1) return fail("INVALID_CONFIG", `${name}은(는) 1 이상의 정수여야 합니다 (받은 값: ${String(v)}).`);
  }
  if (!isInt(config.followerFetchIntervalMs) || config.followerFetchIntervalMs < 0) {
    return fail("INVALID_CONFIG", `팔로워 fetch 주기는 0 이상이어야 합니다 (받은 값: ${config.followerFetchIntervalMs}).`);
  }
  if (!["0", "1", "all"].includes(config.defaultAcks))
    return fail("INVALID_CONFIG", `acks는 0, 1, all 중 하나여야 합니다 (받은 값: ${config.defaultAcks}).`);
  return ok(config);
}

/** Creates the partition: replicas[0] leads in epoch 0, every replica in the ISR, all logs empty. */
export function createReplicationState(init: ReplicationInit = {}): Result<ReplicationState> {
  const config = resolveReplicationConfig(init);
  if (!config.ok) return config;
  const nowMs = init.nowMs ?? 0;
  if (!isInt(nowMs)) return fail("INVALID_CONFIG", "시작 시각(nowMs)은 정수여야 합니다.");
  const { replicas: ids } = config.value;
  const leader = ids[0];
  const replicas: ReplicaState[] = ids.map((brokerId) => ({
    brokerId,
    running: true,
    fenced: false,
    paused: false,
    leo: 0,
    hw: 0,
    epochs: brokerId === leader ? [{ epoch: 0, startOffset: 0 }] : [],
    // A new leader knows nothing of its followers' logs until they fetch.
    fetchState: { leo: -1, lastCaughtUpTimeMs: nowMs, lastFetchTimeMs: null, lastFetchLeaderLeo: -1 },
    cleanShutdown: true,
  }));
  const c = config.value;
  return ok({
    config: c,
    nowMs,
    leader,
    leaderEpoch: 0,
    isr: ids.slice(),
    elr: [],
    lastKnownLeader: [],
    controllerAvailable: true,
    replicas,
    requests: [],
    pending: [],
    timers: {
      nextFetchMs: c.followerFetchIntervalMs > 0 ? nowMs + c.followerFetchIntervalMs : null,
      nextIsrCheckMs: nowMs, // ReplicaManager schedules "isr-expiration" with no initial delay
      nextUncleanCheckMs: nowMs + c.uncleanElectionCheckIntervalMs,
      nextRebalanceCheckMs: c.autoLeaderRebalanceEnable ? nowMs + c.leaderImbalanceCheckIntervalMs : null,
    },
    elections: [],
    truncations: [],
    isrChanges: [],
    uncleanElections: 0,
    lastProduce: null,
    lastError: null,
  });
}
