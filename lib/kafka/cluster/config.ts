/** Creation and validation of a cluster (`createClusterState`). */
import { fail, ok, type Result } from "../core/errors";
import { getProfile } from "../core/profile";
import { seedRng } from "../core/rng";
import { isInt } from "../core/step-guard";
import { createReplicationState, defaultAssignment } from "../replication/config";
import type { ReplicationState } from "../replication/types";
import { electController } from "./controller";
import type { ClusterConfig, ClusterInit, ClusterState, NodeState } from "./types";

/** KRaft `broker.session.timeout.ms` default. */
export const DEFAULT_BROKER_SESSION_TIMEOUT_MS = 9000;
/** `zookeeper.session.timeout.ms` before Kafka 2.5 (18 s since), matching the 2.x profile's 10 s lag. */
export const DEFAULT_ZK_SESSION_TIMEOUT_MS = 6000;

/** Fills defaults from the profile and validates the cluster layout. */
export function resolveClusterConfig(init: ClusterInit = {}): Result<ClusterConfig> {
  const profile = getProfile(init.profile ?? "kafka-4.x");
  const brokers = init.brokers ?? [1, 2, 3];
  const kraft = profile.metadataMode === "kraft";
  const config: ClusterConfig = {
    profile: profile.id,
    metadataMode: profile.metadataMode,
    brokers,
    controllers: kraft ? (init.controllers ?? brokers.slice(0, Math.min(3, brokers.length))) : [],
    brokerSessionTimeoutMs: init.brokerSessionTimeoutMs ?? DEFAULT_BROKER_SESSION_TIMEOUT_MS,
    zkSessionTimeoutMs: init.zkSessionTimeoutMs ?? DEFAULT_ZK_SESSION_TIMEOUT_MS,
    quorumFetchTimeoutMs: init.quorumFetchTimeoutMs ?? 2000,
    quorumElectionTimeoutMs: init.quorumElectionTimeoutMs ?? 1000,
    followerFetchIntervalMs: init.followerFetchIntervalMs ?? 500,
    topics: init.topics ?? [{ name: "orders", partitions: 3, replicationFactor: Math.min(3, brokers.length) }],
  };
  const ids = [...config.brokers, ...config.controllers];
  if (config.brokers.length === 0) return fail("INVALID_CONFIG", "브로커가 한 대 이상 있어야 합니다.");
  if (!ids.every((id) => isInt(id) && id >= 0)) return fail("INVALID_CONFIG", "노드 ID는 0 이상의 정수여야 합니다.");
  if (new Set(config.brokers).size !== config.brokers.length || new Set(config.controllers).size !== config.controllers.length) {
    return fail("INVALID_CONFIG", "브로커 또는 컨트롤러 ID가 중복되었습니다.");
  }
  if (kraft && config.controllers.length === 0)
    return fail("INVALID_CONFIG", "KRaft 모드에는 컨트롤러(controller.quorum.voters)가 한 대 이상 필요합니다.");
  for (const [k, v] of Object.entries({
    "broker.session.timeout.ms": config.brokerSessionTimeoutMs,
    "zookeeper.session.timeout.ms": config.zkSessionTimeoutMs,
    "controller.quorum.fetch.timeout.ms": config.quorumFetchTimeoutMs,
    "controller.quorum.election.timeout.ms": config.quorumElectionTimeoutMs,
  })) {
    if (!isInt(v) || v < 1) return fail("INVALID_CONFIG", `${k}는 1 이상의 정수여야 합니다 (받은 값: ${v}).`);
  }
  if (!isInt(config.followerFetchIntervalMs) || config.followerFetchIntervalMs < 1) {
    return fail("INVALID_CONFIG", `팔로워 fetch 주기는 1 이상이어야 합니다 (받은 값: ${config.followerFetchIntervalMs}).`);
  }
  const names = config.topics.map((t) => t.name);
  if (new Set(names).size !== names.length) return fail("INVALID_CONFIG", "토픽 이름이 중복되었습니다.");
  for (const t of config.topics) {
    if (!isInt(t.partitions) || t.partitions < 1) {
      return fail("INVALID_CONFIG", `토픽 ${t.name}의 파티션 수는 1 이상이어야 합니다 (받은 값: ${t.partitions}).`, "INVALID_PARTITIONS");
    }
    if (!isInt(t.replicationFactor) || t.replicationFactor < 1 || t.replicationFactor > config.brokers.length) {
      return fail(
        "INVALID_CONFIG",
        `토픽 ${t.name}의 복제 팩터 ${t.replicationFactor}은(는) 1 이상, 브로커 수 ${config.brokers.length} 이하여야 합니다.`,
        "INVALID_REPLICATION_FACTOR",
      );
    }
    for (const a of t.assignments ?? []) {
      if (!a.every((b) => config.brokers.includes(b)))
        return fail("INVALID_CONFIG", `토픽 ${t.name}의 할당에 존재하지 않는 브로커가 있습니다.`);
    }
  }
  return ok(config);
}

/** Creates a running cluster: every node up, a controller elected, every partition led by its preferred replica. */
export function createClusterState(init: ClusterInit = {}): Result<ClusterState> {
  const resolved = resolveClusterConfig(init);
  if (!resolved.ok) return resolved;
  const config = resolved.value;
  const nowMs = init.nowMs ?? 0;
  const ids = [...new Set([...config.brokers, ...config.controllers])];
  const nodes: NodeState[] = ids.map((id) => ({
    id,
    isBroker: config.brokers.includes(id),
    isController: config.controllers.includes(id),
    running: true,
    registered: true,
    fenced: false,
    sessionDeadlineMs: null,
  }));
  const partitions: ReplicationState[] = [];
  for (const t of config.topics) {
    for (let p = 0; p < t.partitions; p++) {
      const r = createReplicationState({
        profile: config.profile,
        topic: t.name,
        partition: p,
        replicas: t.assignments?.[p] ?? defaultAssignment(config.brokers, t.replicationFactor, p),
        minInsyncReplicas: t.minInsyncReplicas,
        uncleanLeaderElectionEnable: t.uncleanLeaderElectionEnable,
        followerFetchIntervalMs: config.followerFetchIntervalMs,
        metadataMode: config.metadataMode,
        nowMs,
      });
      if (!r.ok) return r;
      partitions.push(r.value);
    }
  }
  const base: ClusterState = {
    config,
    nowMs,
    rng: seedRng(init.seed ?? 0),
    nodes,
    controller: { activeId: -1, epoch: 0, electionAtMs: null },
    partitions,
    log: [],
    lastError: null,
  };
  // ZooKeeper: the first broker to start registers /controller; KRaft: the quorum elects a leader.
  return ok(electController(base, "startup"));
}
