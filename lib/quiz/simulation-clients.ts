/**
 * Simulation templates on the client-side mechanisms of the engine: the key partitioner, consumer
 * group assignors, record batch v2 sizes and the idempotent producer. Like the cluster templates,
 * `instantiate` only builds the scenario; the key comes from replaying it (`clientScenarioKey`).
 */
import {
  assignRange,
  assignRoundRobin,
  createPartitionerState,
  createProducerState,
  recordSizeInBytes,
  stepPartitioner,
  stepProducer,
  tpKey,
  tryEncodeRecordBatch,
  type AssignorMember,
  type PartitionCounts,
  type PartitionerConfig,
  type PartitionerEvent,
  type ProducerEvent,
  type ProducerInit,
  type ProfileId,
  type RecordBatchInput,
  type SendOutcome,
} from "@/lib/kafka";
import type { InstanceBody, ScenarioOutcome, SimulationInstance, SimulationParams } from "./simulation";
import { drawer, SIMULATION_ENGINE_VERSION } from "./simulation-draw";
import { readCommittedKey, readCommittedTemplate } from "./simulation-transactions";

type Base = { engineVersion: string; profile: ProfileId; seed: number };
/** A group joins one member at a time; the assignor runs once all have joined. */
export type GroupJoinEvent = { type: "join"; memberId: string; topics: string[] };
export interface GroupAssignmentInit {
  assignor: "range" | "roundrobin";
  partitions: PartitionCounts;
}

/** Replayable scenarios of the client-side templates. */
export type ClientScenario =
  | (Base & { kind: "partitioner"; init: PartitionerConfig; events: PartitionerEvent[] })
  | (Base & { kind: "group-assignment"; init: GroupAssignmentInit; events: GroupJoinEvent[] })
  | (Base & { kind: "record-batch"; batch: RecordBatchInput })
  | (Base & { kind: "producer"; init: ProducerInit; events: ProducerEvent[] });

const scenarioBase = (profile: ProfileId, seed: number): Base => ({ engineVersion: SIMULATION_ENGINE_VERSION, profile, seed });
const profileOf = (params: SimulationParams, d: ReturnType<typeof drawer>): ProfileId => params.profile ?? d.pick(["kafka-4.x", "kafka-2.x"] as const);

function keyPartitionTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const profile = profileOf(params, d);
  const key = `${d.pick(["user", "order", "device", "store", "회원"])}-${d.below(1000)}`;
  const before = d.pick([3, 4, 6]);
  const after = before + d.pick([1, 2, before]);
  const grow = params.grow === true;
  const init: PartitionerConfig = { numPartitions: before, profile, seed };
  const send: PartitionerEvent = { type: "send", key, value: "v" };
  const events: PartitionerEvent[] = grow ? [send, { type: "setPartitionCount", numPartitions: after }, send] : [send];
  const n = grow ? after : before;
  return {
    scenario: { ...scenarioBase(profile, seed), kind: "partitioner", init, events },
    prompt: grow
      ? `파티션 ${before}개 토픽을 ${after}개로 늘린 뒤, 기본 파티셔너로 보낸 키 "${key}" 레코드는 몇 번 파티션으로 가는가?`
      : `키가 "${key}"인 레코드를 파티션 ${before}개 토픽에 기본 파티셔너로 보내면 몇 번 파티션으로 가는가?`,
    summary: [
      `프로필 ${profile}, 토픽 파티션 ${before}개, partitioner.class 기본값, 명시한 파티션 없음`,
      `key="${key}" (StringSerializer, UTF-8) 레코드 전송`,
      ...(grow ? [`파티션 수를 ${after}개로 늘림 (kafka-topics --alter --partitions ${after})`, `같은 key="${key}"로 다시 전송`] : []),
    ],
    choices: Array.from({ length: n }, (_, p) => ({ id: `p${p}`, text: `파티션 ${p}` })),
    multiple: false,
    partition: 0,
  };
}

const GROUP_TOPICS = ["orders", "payments"] as const;
/** The topic whose partition a group-assignment question asks about. */
const ASKED_TOPIC = "payments";

function groupAssignmentTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const assignor = params.assignor ?? d.pick(["range", "roundrobin"] as const);
  const partitions: PartitionCounts = { orders: 2 + d.below(3), payments: 2 + d.below(3) };
  const members = ["c1", "c2", "c3"].slice(0, 2 + d.below(2));
  // Join order differs from member id order: assignors sort by member id, not by arrival.
  const pool = [...members];
  const order: string[] = [];
  while (pool.length) order.push(pool.splice(d.below(pool.length), 1)[0]);
  const events: GroupJoinEvent[] = order.map((memberId) => ({ type: "join", memberId, topics: [...GROUP_TOPICS] }));
  const partition = d.below(partitions[ASKED_TOPIC]);
  const strategy = assignor === "range" ? "RangeAssignor" : "RoundRobinAssignor";
  return {
    scenario: { ...scenarioBase(params.profile ?? "kafka-4.x", seed), kind: "group-assignment", init: { assignor, partitions }, events },
    prompt: `컨슈머 ${order.join(", ")} 순서로 그룹에 들어와 리밸런스가 끝난 뒤, ${strategy}로 파티션 ${ASKED_TOPIC}-${partition}은 어느 컨슈머에게 할당되는가?`,
    summary: [
      `클래식 그룹 프로토콜, partition.assignment.strategy=${strategy}, 정적 멤버십 없음 (member.id가 ${members.join(", ")})`,
      `토픽 orders(파티션 ${partitions.orders}개), payments(파티션 ${partitions.payments}개), 모든 컨슈머가 두 토픽을 구독`,
      `들어온 순서: ${order.join(" → ")}`,
    ],
    choices: members.map((m) => ({ id: m, text: `컨슈머 ${m}` })),
    multiple: false,
    partition,
  };
}

const VALUES = ["a", "hello", "카프카", "주문-1", "{\"id\":7}", "ok"];
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

type TextRecord = { key: string | null; value: string };
type TextBatch = Omit<RecordBatchInput, "records"> & { records: TextRecord[] };

function batchOf(seed: number, params: SimulationParams): TextBatch {
  const d = drawer(seed);
  const count = params.records ?? 1 + d.below(3);
  const records = Array.from({ length: count }, (_, i): TextRecord => ({ key: d.below(2) === 0 ? null : `k${i}`, value: d.pick(VALUES) }));
  return { baseOffset: 0, baseTimestamp: 1_700_000_000_000, records };
}

function batchSizeTemplate(seed: number, params: SimulationParams): InstanceBody {
  const batch = batchOf(seed, params);
  // Choices are spread around the encoder's size; which one is right is decided again by the key replay.
  const encoded = tryEncodeRecordBatch(batch);
  const size = encoded.ok ? encoded.value.length : 0;
  const rawBytes = 61 + batch.records.reduce((s, r) => s + (r.key ? utf8Length(r.key) : 0) + utf8Length(r.value), 0);
  const chars = 61 + batch.records.reduce((s, r) => s + (r.key?.length ?? 0) + r.value.length, 0);
  const candidates = [size, rawBytes, chars, size + 12, size - 8, size + 20, size - 16];
  const values = [...new Set(candidates.filter((v) => v > 0))].slice(0, 4).sort((a, b) => a - b);
  return {
    scenario: { ...scenarioBase(params.profile ?? "kafka-4.x", seed), kind: "record-batch", batch },
    prompt: "압축 없는 레코드 배치 v2(magic 2)에 아래 레코드를 담았습니다. 배치 전체의 크기(바이트, 배치 헤더 포함)는?",
    summary: [
      "compression.type=none, 헤더(Headers) 없음, 멱등성·트랜잭션 없음(producerId=-1), 모든 레코드의 timestampDelta=0",
      ...batch.records.map((r, i) => `레코드 ${i}: key=${r.key === null ? "null" : `"${r.key}"`}, value="${r.value}" (UTF-8)`),
    ],
    choices: values.map((v) => ({ id: `n${v}`, text: `${v}바이트` })),
    multiple: false,
    partition: 0,
  };
}

function idempotentRetryTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const profile = profileOf(params, d);
  const values = Array.from({ length: 1 + d.below(3) }, (_, i) => `m${i + 1}`);
  const init: ProducerInit = { profile, partitions: 1, topic: "orders", retries: 3, seed };
  const events: ProducerEvent[] = [{ type: "send", partition: 0, values }, { type: "deliver", fault: "responseLost" }, { type: "flush" }];
  return {
    scenario: { ...scenarioBase(profile, seed), kind: "producer", init, events },
    prompt: `프로듀서가 보낸 배치(레코드 ${values.length}개)를 브로커가 로그에 썼지만 응답이 사라져 프로듀서가 재시도했습니다. 재시도가 끝난 뒤 파티션 로그에 남는 데이터 레코드는 몇 개인가?`,
    summary: [
      `프로필 ${profile}, 프로듀서 설정은 retries=3 말고는 모두 기본값 (enable.idempotence, acks 설정 안 함)`,
      `orders-0에 레코드 ${values.join(", ")}을(를) 한 배치로 전송`,
      "브로커가 배치를 로그에 쓴 뒤 응답이 네트워크에서 유실 → 프로듀서가 같은 배치를 재전송",
    ],
    choices: Array.from({ length: values.length * 2 }, (_, i) => ({ id: `c${i + 1}`, text: `${i + 1}개` })),
    multiple: false,
    partition: 0,
  };
}

/** Builders of the client-side templates, by template id. */
export const CLIENT_TEMPLATES = {
  "key-partition": keyPartitionTemplate,
  "group-assignment": groupAssignmentTemplate,
  "batch-size": batchSizeTemplate,
  "idempotent-retry": idempotentRetryTemplate,
  "read-committed-count": readCommittedTemplate,
} as const;

/** Members as the assignor sees them once every join event has been applied. */
export function joinedMembers(events: GroupJoinEvent[]): AssignorMember[] {
  return events.map((e) => ({ memberId: e.memberId, topics: e.topics }));
}

/** Replays a client-side scenario on the engine and returns the ids of the right choices. */
export function clientScenarioKey(scenario: ClientScenario, instance: SimulationInstance): ScenarioOutcome {
  switch (scenario.kind) {
    case "partitioner": {
      const created = createPartitionerState(scenario.init);
      if (!created.ok) return { ok: false, message: created.error.message };
      const sends: SendOutcome[] = [];
      let state = created.value;
      for (const ev of scenario.events) {
        state = stepPartitioner(state, ev);
        if (state.lastError) return { ok: false, message: state.lastError.message };
        if (ev.type === "send" && state.last) sends.push(state.last);
      }
      const last = sends.at(-1);
      if (!last) return { ok: false, message: "시나리오에 전송이 없습니다." };
      const grown = sends.length > 1 ? ` 파티션을 늘리기 전에는 ${sends[0].partition}번 파티션이었습니다. 키의 해시는 그대로지만 나누는 수가 바뀌어, 파티션 수를 바꾸면 같은 키가 다른 파티션으로 갈 수 있습니다.` : "";
      return { ok: true, key: [`p${last.partition}`], explanation: `엔진의 기본 파티셔너: toPositive(murmur2(키 바이트)) = ${last.positiveHash}, ${last.positiveHash} % ${state.numPartitions} = ${last.partition}.${grown}` };
    }
    case "group-assignment": {
      const members = joinedMembers(scenario.events);
      const assign = scenario.init.assignor === "range" ? assignRange : assignRoundRobin;
      const assignment = assign(scenario.init.partitions, members);
      const tp = tpKey(ASKED_TOPIC, instance.partition);
      const owner = Object.keys(assignment).find((m) => assignment[m].includes(tp));
      if (!owner) return { ok: false, message: `${tp}을(를) 할당받은 컨슈머가 없습니다.` };
      const table = Object.entries(assignment).map(([m, tps]) => `${m}: ${tps.join(", ") || "없음"}`).join(" / ");
      return { ok: true, key: [owner], explanation: `엔진의 ${scenario.init.assignor === "range" ? "RangeAssignor" : "RoundRobinAssignor"} 결과 — ${table}. 들어온 순서가 아니라 member.id 순서로 정렬한 뒤 나눕니다.` };
    }
    case "record-batch": {
      const encoded = tryEncodeRecordBatch(scenario.batch);
      if (!encoded.ok) return { ok: false, message: encoded.error.message };
      const sizes = scenario.batch.records.map((r, i) => {
        const len = (b: typeof r.key) => (b === null || b === undefined ? null : typeof b === "string" ? utf8Length(b) : b.length);
        return recordSizeInBytes(i, 0, len(r.key), len(r.value));
      });
      return { ok: true, key: [`n${encoded.value.length}`], explanation: `엔진이 인코딩한 배치는 ${encoded.value.length}바이트입니다: 배치 헤더 61바이트 + 레코드 ${sizes.join(" + ")}바이트. 레코드마다 길이·attributes·timestampDelta·offsetDelta·키와 값의 길이가 가변 길이 정수(varint)로 붙고, 한글은 UTF-8로 글자당 3바이트입니다.` };
    }
    case "producer": {
      const created = createProducerState(scenario.init);
      if (!created.ok) return { ok: false, message: created.error.message };
      const end = scenario.events.reduce(stepProducer, created.value);
      if (end.lastError) return { ok: false, message: end.lastError.message };
      if (instance.template === "read-committed-count") return readCommittedKey(end);
      const data = end.broker.partitions[0].records.filter((r) => r.kind === "data");
      const on = end.config.idempotence;
      return { ok: true, key: [`c${data.length}`], explanation: `엔진이 재생한 결과 로그의 데이터 레코드는 ${data.length}개입니다. 이 프로필의 기본값은 enable.idempotence=${on}, acks=${end.config.acks}입니다. ${on ? "멱등 프로듀서는 producerId와 시퀀스 번호를 붙여 보내므로, 브로커가 재전송된 배치를 중복으로 알아보고 로그에 다시 쓰지 않습니다." : "멱등성이 꺼져 있으면 브로커는 재전송된 배치를 새 배치로 알고 한 번 더 씁니다(중복)."}` };
    }
  }
}
