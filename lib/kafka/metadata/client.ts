/**
 * The client's side of metadata: which node it asks (`leastLoadedNode`, random start), what a
 * Metadata response teaches it, and the produce path that discovers a stale leader through
 * `NOT_LEADER_OR_FOLLOWER` (an `InvalidMetadataException`) and retries after refreshing.
 */
import { nextBelow } from "../core/rng";
import type { MetadataCache, MetadataState, PartitionMetadata, MetadataTraceEntry } from "./types";

const TRACE_LIMIT = 200;

/** Appends trace entries, keeping the most recent ones. */
export function appendMetadataTrace(state: MetadataState, ...entries: Omit<MetadataTraceEntry, "atMs">[]): MetadataState {
  const all = [...state.trace, ...entries.map((e) => ({ atMs: state.nowMs, ...e }))];
  return { ...state, trace: all.length > TRACE_LIMIT ? all.slice(-TRACE_LIMIT) : all };
}

/** The Metadata response a live broker returns: live brokers, and every partition's leader and epoch. */
export function metadataResponse(state: MetadataState): MetadataCache {
  return {
    brokers: state.cluster.brokers.filter((b) => b.alive).map(({ id, host, port }) => ({ id, host, port })),
    partitions: state.cluster.partitions.map(({ topic, partition, leader, leaderEpoch }) => ({ topic, partition, leader, leaderEpoch })),
  };
}

/**
 * Sends a Metadata request: to known brokers if the client has metadata, else to the bootstrap
 * servers, starting at a random node and moving on when a connection fails.
 */
export function refreshMetadata(state: MetadataState, reason: string): MetadataState {
  const candidates: { label: string; brokerId: number | null; address: string }[] = state.cache
    ? state.cache.brokers.map((b) => ({ label: `브로커 ${b.id}`, brokerId: b.id, address: `${b.host}:${b.port}` }))
    : state.config.bootstrapServers.map((a) => ({ label: a, brokerId: null, address: a }));
  let s = appendMetadataTrace(state, { kind: "info", api: "Metadata", message: `메타데이터 갱신 필요: ${reason}` });
  if (candidates.length === 0) return { ...s, lastError: { code: "KAFKA_ERROR", message: "연결할 브로커가 하나도 없습니다." } };
  const [start, rng] = nextBelow(s.rng, candidates.length);
  s = { ...s, rng };
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[(start + i) % candidates.length];
    const broker = state.cluster.brokers.find((b) => `${b.host}:${b.port}` === c.address);
    s = appendMetadataTrace(s, {
      kind: "request",
      api: "Metadata",
      target: c.brokerId ?? c.address,
      message: `${c.label}에 Metadata 요청`,
    });
    if (!broker || !broker.alive) {
      s = appendMetadataTrace(s, {
        kind: "error",
        api: "Metadata",
        target: c.brokerId ?? c.address,
        kafkaError: "NETWORK_EXCEPTION",
        message: `${c.label} 연결 실패, 다음 노드를 시도합니다.`,
      });
      continue;
    }
    const cache = metadataResponse(s);
    const leaders = cache.partitions.map((p) => `${p.topic}-${p.partition}→${p.leader}`).join(", ");
    s = appendMetadataTrace(s, {
      kind: "response",
      api: "Metadata",
      target: broker.id,
      message: `브로커 ${cache.brokers.map((b) => b.id).join(", ")}과 리더(${leaders})를 알게 되었습니다.`,
    });
    return { ...s, cache, lastRefreshMs: s.nowMs, lastError: null };
  }
  return {
    ...s,
    lastError: {
      code: "KAFKA_ERROR",
      message: "모든 노드에 연결하지 못해 메타데이터를 받지 못했습니다 (bootstrap.servers와 브로커 상태를 확인하세요).",
      kafkaError: "NETWORK_EXCEPTION",
    },
  };
}

/** `Metadata.timeToNextUpdate` reached zero: the cache is older than `metadata.max.age.ms`. */
export function isMetadataExpired(state: MetadataState): boolean {
  return state.cache !== null && state.lastRefreshMs !== null && state.nowMs - state.lastRefreshMs >= state.config.metadataMaxAgeMs;
}

/** KIP-951: adopt the leader carried in the error response if its epoch is newer than the cached one. */
export function applyCurrentLeader(state: MetadataState, truth: PartitionMetadata): MetadataState {
  if (!state.cache) return state;
  const cached = state.cache.partitions.find((p) => p.topic === truth.topic && p.partition === truth.partition);
  if (!cached || truth.leaderEpoch <= cached.leaderEpoch || truth.leader < 0) return state;
  const node = state.cluster.brokers.find((b) => b.id === truth.leader)!;
  const brokers = state.cache.brokers.some((b) => b.id === node.id)
    ? state.cache.brokers
    : [...state.cache.brokers, { id: node.id, host: node.host, port: node.port }];
  const partitions = state.cache.partitions.map((p) => (p === cached ? { ...p, leader: truth.leader, leaderEpoch: truth.leaderEpoch } : p));
  return appendMetadataTrace(
    { ...state, cache: { brokers, partitions } },
    {
      kind: "update",
      message: `응답의 currentLeader(KIP-951)로 ${truth.topic}-${truth.partition} 리더를 ${truth.leader}(에포크 ${truth.leaderEpoch})로 바로 고칩니다.`,
    },
  );
}

/**
 * Produces one batch to a partition's cached leader. Stale or missing leaders cause
 * NOT_LEADER_OR_FOLLOWER / LEADER_NOT_AVAILABLE / connection errors → metadata update → retry.
 */
export function sendProduce(state: MetadataState, topic: string, partition: number): MetadataState {
  let s: MetadataState = { ...state, lastError: null };
  let metadataRequests = 0;
  let hintedRetries = 0;
  let lastKafkaError = "NOT_LEADER_OR_FOLLOWER";
  const refresh = (why: string) => {
    metadataRequests++;
    s = refreshMetadata(s, why);
  };
  if (!s.cache) refresh("첫 전송 전에 클러스터 정보가 필요합니다");
  const tp = `${topic}-${partition}`;
  for (let attempt = 1; attempt <= s.config.maxAttempts; attempt++) {
    const cached = s.cache?.partitions.find((p) => p.topic === topic && p.partition === partition);
    if (!cached) {
      refresh(`${tp}를 메타데이터에서 찾을 수 없습니다`);
      if (!s.cache?.partitions.some((p) => p.topic === topic && p.partition === partition)) {
        const lastError = {
          code: "KAFKA_ERROR" as const,
          message: `${tp}가 클러스터에 없습니다 (UNKNOWN_TOPIC_OR_PARTITION). 프로듀서는 max.block.ms 후 TimeoutException을 냅니다.`,
          kafkaError: "UNKNOWN_TOPIC_OR_PARTITION",
        };
        return {
          ...s,
          lastError,
          lastProduce: { topic, partition, ok: false, broker: null, attempts: attempt, metadataRequests, hintedRetries },
        };
      }
      continue;
    }
    if (cached.leader < 0) {
      lastKafkaError = "LEADER_NOT_AVAILABLE";
      s = appendMetadataTrace(s, {
        kind: "error",
        api: "Produce",
        kafkaError: "LEADER_NOT_AVAILABLE",
        message: `${tp}에 리더가 없습니다 (LEADER_NOT_AVAILABLE).`,
      });
      refresh("리더 없음");
      continue;
    }
    const broker = s.cluster.brokers.find((b) => b.id === cached.leader);
    s = appendMetadataTrace(s, {
      kind: "request",
      api: "Produce",
      target: cached.leader,
      message: `시도 ${attempt}: ${tp} 배치를 브로커 ${cached.leader}에 보냅니다.`,
    });
    if (!broker || !broker.alive) {
      lastKafkaError = "NETWORK_EXCEPTION";
      s = appendMetadataTrace(s, {
        kind: "error",
        api: "Produce",
        target: cached.leader,
        kafkaError: "NETWORK_EXCEPTION",
        message: `브로커 ${cached.leader} 연결이 끊겼습니다.`,
      });
      refresh("연결 끊김");
      continue;
    }
    const truth = s.cluster.partitions.find((p) => p.topic === topic && p.partition === partition)!;
    if (truth.leader !== cached.leader) {
      lastKafkaError = "NOT_LEADER_OR_FOLLOWER";
      s = appendMetadataTrace(s, {
        kind: "response",
        api: "Produce",
        target: cached.leader,
        kafkaError: "NOT_LEADER_OR_FOLLOWER",
        message: `브로커 ${cached.leader}: 나는 ${tp}의 리더가 아닙니다 (NOT_LEADER_OR_FOLLOWER).`,
      });
      const before = s.cache;
      if (s.config.currentLeaderHint) s = applyCurrentLeader(s, truth);
      if (s.cache !== before) hintedRetries++;
      // Sender.completeBatch calls metadata.requestUpdate() for every InvalidMetadataException, KIP-951 hint or not;
      // with the hint the retry need not wait for that response.
      refresh(
        s.cache === before
          ? "NOT_LEADER_OR_FOLLOWER (InvalidMetadataException)"
          : "NOT_LEADER_OR_FOLLOWER: currentLeader를 반영했어도 Sender는 metadata.requestUpdate()를 호출합니다",
      );
      continue;
    }
    s = appendMetadataTrace(s, {
      kind: "response",
      api: "Produce",
      target: cached.leader,
      message: `브로커 ${cached.leader}가 ${tp} 배치를 받았습니다.`,
    });
    return { ...s, lastProduce: { topic, partition, ok: true, broker: cached.leader, attempts: attempt, metadataRequests, hintedRetries } };
  }
  const lastError = {
    code: "KAFKA_ERROR" as const,
    message: `${s.config.maxAttempts}번 시도했지만 ${tp}에 보내지 못했습니다.`,
    kafkaError: lastKafkaError,
  };
  return {
    ...s,
    lastError,
    lastProduce: { topic, partition, ok: false, broker: null, attempts: s.config.maxAttempts, metadataRequests, hintedRetries },
  };
}
