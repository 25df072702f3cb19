/**
 * Simulation questions: a template with parameters that a seed turns into a concrete engine scenario
 * (engine version, profile, seed, events), a prompt and choices. The key is never authored: the
 * grader replays the scenario on the Kafka engine and reads the outcome.
 */
import {
  allRecords,
  createClusterState,
  createCompactionState,
  listRequests,
  partitionOf,
  stepCluster,
  stepCompaction,
  type ClusterEvent,
  type ClusterInit,
  type CompactionEvent,
  type CompactionInit,
  type ProfileId,
} from "@/lib/kafka";
import { CLIENT_TEMPLATES, clientScenarioKey, type ClientScenario } from "./simulation-clients";
import { drawer, SIMULATION_ENGINE_VERSION, type Draw } from "./simulation-draw";
import { retentionKey, retentionTemplate, type RetentionScenario } from "./simulation-retention";
import type { SimulationTemplateId } from "./simulation-templates";

export { SIMULATION_ENGINE_VERSION } from "./simulation-draw";
export { scenarioHref, widgetRunFor, type WidgetRun } from "./simulation-link";

export { SIMULATION_TEMPLATES, type SimulationTemplateId } from "./simulation-templates";

/** Authored parameters (all optional; the seed fills in what is not fixed). */
export interface SimulationParams {
  profile?: ProfileId;
  /** leader-after-broker-stop, acks-all-write: brokers to stop (fixed), else 1–2 chosen by the seed. */
  stop?: number[];
  /** leader-after-broker-stop: partition asked about (fixed), else chosen by the seed. */
  partition?: number;
  /** leader-after-broker-stop: true = controlled shutdown, false = crash; else chosen by the seed. */
  graceful?: boolean;
  /** acks-all-write: min.insync.replicas (fixed), else 1–3 by the seed. */
  minInsyncReplicas?: number;
  /** compaction-survivors: number of records (4–12, default by the seed 6–9); batch-size: records in the batch (default 1–3). */
  records?: number;
  /** compaction-survivors: include tombstones (null values). */
  tombstones?: boolean;
  /** key-partition: ask where the key goes after the topic's partition count grows. */
  grow?: boolean;
  /** group-assignment: the consumers' partition.assignment.strategy (else chosen by the seed). */
  assignor?: "range" | "roundrobin";
}

export interface SimulationTemplate {
  template: SimulationTemplateId;
  /** Inclusive range of seeds an attempt may draw from. */
  seeds: { min: number; max: number };
  params?: SimulationParams;
}

/** A replayable engine scenario, exactly what the chapter widget needs to play it. */
export type Scenario =
  | { engineVersion: string; kind: "cluster"; profile: ProfileId; seed: number; init: ClusterInit; events: ClusterEvent[] }
  | { engineVersion: string; kind: "compaction"; profile: ProfileId; seed: number; init: CompactionInit; events: CompactionEvent[] }
  | RetentionScenario
  | ClientScenario;

export interface SimulationChoice {
  id: string;
  text: string;
}

/** One concrete simulation question. */
export interface SimulationInstance {
  template: SimulationTemplateId;
  seed: number;
  scenario: Scenario;
  prompt: string;
  /** What happens, in order, in Korean (shown to the learner before answering). */
  summary: string[];
  choices: SimulationChoice[];
  multiple: boolean;
  /** The partition the question is about (cluster and group-assignment scenarios). */
  partition: number;
}

/** What a template builder returns for a seed (the instance without its template id and seed). */
export type InstanceBody = Omit<SimulationInstance, "template" | "seed">;

const BROKERS = [1, 2, 3];
const CONTROLLER = 100;
const TOPIC = "orders";
const STOP_AT_MS = 1000;
// Long past broker.session.timeout.ms, zookeeper.session.timeout.ms and replica.lag.time.max.ms of
// both profiles, so the controller has fenced the stopped brokers and shrunk every ISR.
const SETTLE_MS = 45_000;

function pickStops(d: Draw, params: SimulationParams, max: number): number[] {
  if (params.stop) return [...params.stop];
  const count = d.below(max + 1);
  const pool = [...BROKERS];
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(pool.splice(d.below(pool.length), 1)[0]);
  return out.sort((a, b) => a - b);
}

function clusterInit(profile: ProfileId, seed: number, partitions: number, minInsyncReplicas?: number): ClusterInit {
  // A dedicated KRaft controller keeps the quorum alive whichever brokers stop (ignored under ZooKeeper).
  return {
    profile,
    seed,
    brokers: BROKERS,
    controllers: [CONTROLLER],
    topics: [{ name: TOPIC, partitions, replicationFactor: 3, ...(minInsyncReplicas ? { minInsyncReplicas } : {}) }],
  };
}

const brokerList = (ids: number[]) => ids.map((b) => `브로커 ${b}`).join(", ");

function leaderTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const profile: ProfileId = params.profile ?? d.pick(["kafka-4.x", "kafka-2.x"] as const);
  let stops = pickStops(d, params, 2);
  if (stops.length === 0) stops = [BROKERS[seed % BROKERS.length]];
  const partition = params.partition ?? d.below(3);
  const graceful = params.graceful ?? d.pick([true, false]);
  const init = clusterInit(profile, seed, 3);
  const events: ClusterEvent[] = [
    { type: "tick", nowMs: STOP_AT_MS },
    ...stops.map((nodeId): ClusterEvent => ({ type: "nodeDown", nodeId, graceful })),
    { type: "tick", nowMs: SETTLE_MS },
  ];
  const replicas = [0, 1, 2].map((p) => BROKERS.map((_, i) => BROKERS[(p + i) % BROKERS.length]));
  return {
    scenario: { engineVersion: SIMULATION_ENGINE_VERSION, kind: "cluster", profile, seed, init, events },
    prompt: `${brokerList(stops)}이(가) ${graceful ? "정상 종료(controlled shutdown)로" : "장애(crash)로"} 멈추고 충분한 시간이 지난 뒤, 파티션 ${TOPIC}-${partition}의 리더는?`,
    summary: [
      `프로필 ${profile}, 브로커 1·2·3, 토픽 ${TOPIC}(파티션 3개, 복제 팩터 3), unclean.leader.election.enable=false`,
      `${TOPIC}-${partition}의 배정(Replicas): ${replicas[partition].join(",")}`,
      `${STOP_AT_MS / 1000}초에 ${brokerList(stops)} ${graceful ? "정상 종료" : "장애"}`,
      `${SETTLE_MS / 1000}초까지 기다림`,
    ],
    choices: [...BROKERS.map((b) => ({ id: `b${b}`, text: `브로커 ${b}` })), { id: "none", text: "리더 없음 (오프라인)" }],
    multiple: false,
    partition,
  };
}

function acksTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const profile: ProfileId = params.profile ?? d.pick(["kafka-4.x", "kafka-2.x"] as const);
  const minIsr = params.minInsyncReplicas ?? d.pick([1, 2, 2, 3]);
  let stops = pickStops(d, params, 2);
  // At least one broker keeps running, so the write always reaches a leader.
  if (stops.length >= BROKERS.length) stops = stops.slice(0, BROKERS.length - 1);
  const init = clusterInit(profile, seed, 1, minIsr);
  const events: ClusterEvent[] = [
    { type: "tick", nowMs: STOP_AT_MS },
    ...stops.map((nodeId): ClusterEvent => ({ type: "nodeDown", nodeId })),
    { type: "tick", nowMs: SETTLE_MS },
    { type: "produce", topic: TOPIC, partition: 0, acks: "all", key: "k", value: "v" },
    { type: "tick", nowMs: SETTLE_MS + 5000 },
  ];
  return {
    scenario: { engineVersion: SIMULATION_ENGINE_VERSION, kind: "cluster", profile, seed, init, events },
    prompt: `복제 팩터 3, min.insync.replicas=${minIsr}인 파티션에서 ${stops.length ? `${brokerList(stops)}이(가) 멈춘 뒤` : "모든 브로커가 살아 있을 때"} 보낸 이 acks=all 쓰기는 성공하는가?`,
    summary: [
      `프로필 ${profile}, 브로커 1·2·3, 토픽 ${TOPIC}(파티션 1개, 복제 팩터 3, min.insync.replicas=${minIsr})`,
      stops.length ? `${STOP_AT_MS / 1000}초에 ${brokerList(stops)} 장애(crash)` : "멈추는 브로커 없음",
      `${SETTLE_MS / 1000}초에 프로듀서가 acks=all로 레코드 1개 전송, 5초 더 기다림`,
    ],
    choices: [
      { id: "acknowledged", text: "성공한다 (acks=all 응답을 받는다)" },
      { id: "not-enough-replicas", text: "NOT_ENOUGH_REPLICAS 오류로 거절된다" },
      { id: "pending", text: "응답 없이 계속 기다린다" },
      { id: "other-error", text: "다른 오류로 실패한다" },
    ],
    multiple: false,
    partition: 0,
  };
}

function compactionTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const count = params.records ?? 6 + d.below(4);
  const records: { key: string; value: string | null }[] = [];
  for (let i = 0; i < count; i++) {
    const key = d.pick(["a", "b", "c"]);
    // One record in four is a tombstone when tombstones are on.
    const tombstone = params.tombstones === true && d.below(4) === 0;
    records.push({ key, value: tombstone ? null : `v${i}` });
  }
  const profile: ProfileId = params.profile ?? "kafka-4.x";
  const init: CompactionInit = { seed, segmentBytes: 1 << 20, minCleanableDirtyRatio: 0.01, highWatermarkFollowsLogEnd: true };
  const events: CompactionEvent[] = [
    { type: "append", records: records.map((r, i) => ({ ...r, timestamp: i * 1000 })) },
    { type: "roll" },
    { type: "runCleaner" },
  ];
  return {
    scenario: { engineVersion: SIMULATION_ENGINE_VERSION, kind: "compaction", profile, seed, init, events },
    prompt: "cleanup.policy=compact인 파티션에 아래 레코드를 쓰고 세그먼트를 롤한 뒤 클리너가 한 번 돌았습니다. 컴팩션 후 남는 오프셋을 모두 고르세요.",
    summary: [
      ...records.map((r, i) => `오프셋 ${i}: key=${r.key}, value=${r.value ?? "null (툼스톤)"}`),
      "세그먼트 롤 → 클리너 1회 실행 (min.cleanable.dirty.ratio=0.01)",
    ],
    choices: records.map((_, i) => ({ id: `o${i}`, text: `오프셋 ${i}` })),
    multiple: true,
    partition: 0,
  };
}

// Instances and their engine outcomes are pure functions of (template, seed), asked for several times per
// submission (shape check, grading, the revealed key) and by every learner given the same seed (a chapter
// quiz's scenario is the same for all). Kept per template object, a bounded number of seeds each; callers
// treat both as read-only.
const SEEDS_KEPT = 256;
const instancesByTemplate = new WeakMap<SimulationTemplate, Map<number, SimulationInstance>>();
const outcomes = new WeakMap<SimulationInstance, ScenarioOutcome>();

/** Turns a template and a seed into a concrete question. Pure: the same seed gives the same scenario. */
export function instantiate(template: SimulationTemplate, seed: number): SimulationInstance {
  let bySeed = instancesByTemplate.get(template);
  if (!bySeed) instancesByTemplate.set(template, (bySeed = new Map()));
  const hit = bySeed.get(seed);
  if (hit) return hit;
  const made = buildInstance(template, seed);
  if (bySeed.size >= SEEDS_KEPT) bySeed.delete(bySeed.keys().next().value as number);
  bySeed.set(seed, made);
  return made;
}

function buildInstance(template: SimulationTemplate, seed: number): SimulationInstance {
  const params = template.params ?? {};
  const build = { "leader-after-broker-stop": leaderTemplate, "acks-all-write": acksTemplate, "compaction-survivors": compactionTemplate, "retention-log-start": retentionTemplate, ...CLIENT_TEMPLATES }[template.template];
  return { template: template.template, seed, ...build(seed, params) };
}

/** Whether a submitted seed is one this template may be asked with. */
export function seedInRange(template: SimulationTemplate, seed: number): boolean {
  return Number.isInteger(seed) && seed >= template.seeds.min && seed <= template.seeds.max;
}

/** The seed a question gets in an attempt (32-bit FNV-1a of both, folded into the template's range). */
export function seedForAttempt(template: SimulationTemplate, attemptSeed: number, questionId: string): number {
  let h = 0x811c9dc5 ^ (attemptSeed >>> 0);
  for (const ch of questionId) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  const span = template.seeds.max - template.seeds.min + 1;
  return template.seeds.min + ((h >>> 0) % span);
}

export type ScenarioOutcome = { ok: true; key: string[]; explanation: string } | { ok: false; message: string };

/** Replays the scenario on the engine and returns the ids of the right choices (once per instance). */
export function simulationKey(instance: SimulationInstance): ScenarioOutcome {
  let outcome = outcomes.get(instance);
  if (!outcome) outcomes.set(instance, (outcome = replayOutcome(instance)));
  return outcome;
}

function replayOutcome(instance: SimulationInstance): ScenarioOutcome {
  const { scenario } = instance;
  if (scenario.kind === "retention") return retentionKey(scenario);
  if (scenario.kind !== "cluster" && scenario.kind !== "compaction") return clientScenarioKey(scenario, instance);
  if (scenario.kind === "compaction") {
    const created = createCompactionState(scenario.init);
    if (!created.ok) return { ok: false, message: created.error.message };
    const end = scenario.events.reduce(stepCompaction, created.value);
    if (end.lastError) return { ok: false, message: end.lastError.message };
    const offsets = allRecords(end.log).map((r) => r.offset);
    return { ok: true, key: offsets.map((o) => `o${o}`), explanation: `엔진이 컴팩션을 실행한 결과 남은 오프셋: ${offsets.join(", ") || "없음"}. 키마다 가장 최근 레코드만 남고, 그보다 앞선 같은 키의 레코드는 지워집니다.` };
  }
  const created = createClusterState(scenario.init);
  if (!created.ok) return { ok: false, message: created.error.message };
  const end = scenario.events.reduce(stepCluster, created.value);
  const p = partitionOf(end, TOPIC, instance.partition);
  if (!p) return { ok: false, message: "시나리오의 파티션을 찾지 못했습니다." };
  if (instance.template === "leader-after-broker-stop") {
    const key = p.leader < 0 ? "none" : `b${p.leader}`;
    return { ok: true, key: [key], explanation: `엔진이 재생한 결과 리더는 ${p.leader < 0 ? "없습니다(오프라인)" : `브로커 ${p.leader}`}입니다. 컨트롤러는 배정 순서대로 살아 있는 ISR 멤버 가운데 첫 번째를 리더로 고릅니다. ISR: ${p.isr.join(",") || "비어 있음"}.` };
  }
  const req = listRequests(p).at(-1);
  const status = !req ? "other-error" : req.status === "acknowledged" ? "acknowledged" : req.status === "pending" ? "pending" : req.error?.startsWith("NOT_ENOUGH_REPLICAS") ? "not-enough-replicas" : "other-error";
  return { ok: true, key: [status], explanation: `엔진이 재생한 결과: ISR ${p.isr.join(",")} (크기 ${p.isr.length}), min.insync.replicas=${p.config.minInsyncReplicas}. ${status === "acknowledged" ? "ISR 크기가 min.insync.replicas 이상이라 쓰기가 성공했습니다." : status === "not-enough-replicas" ? "ISR 크기가 min.insync.replicas보다 작아 리더가 쓰기를 거절했습니다." : `요청 상태: ${req?.status ?? "없음"} ${req?.error ?? ""}`}` };
}

/** Checks that an instantiated scenario is well formed: the engine accepts it and the key is among the choices. */
export function validateInstance(instance: SimulationInstance): string[] {
  const problems: string[] = [];
  const ids = new Set(instance.choices.map((c) => c.id));
  if (ids.size !== instance.choices.length) problems.push("선택지 id가 중복됩니다.");
  const outcome = simulationKey(instance);
  if (!outcome.ok) problems.push(outcome.message);
  else {
    if (outcome.key.length === 0 && !instance.multiple) problems.push("정답이 없습니다.");
    for (const k of outcome.key) if (!ids.has(k)) problems.push(`엔진의 결과 '${k}'가 선택지에 없습니다.`);
  }
  return problems;
}
