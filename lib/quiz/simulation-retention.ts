/**
 * Simulation template on time retention: closed segments whose newest record is older than
 * retention.ms are deleted from the front of the log, and the log start offset moves to the first
 * segment left. The key comes from replaying the scenario on the engine's retention reducer.
 */
import { createRetentionState, stepRetention, type ProfileId, type RetentionEvent, type RetentionInit } from "@/lib/kafka";
import type { InstanceBody, ScenarioOutcome, SimulationParams } from "./simulation";
import { drawer, SIMULATION_ENGINE_VERSION } from "./simulation-draw";

/** A replayable retention scenario: the log's settings and the appends, rolls and clock ticks. */
export type RetentionScenario = { engineVersion: string; kind: "retention"; profile: ProfileId; seed: number; init: RetentionInit; events: RetentionEvent[] };

const HOUR = 3_600_000;
const MINUTE = 60_000;
const clock = (ms: number) => `${String(Math.floor(ms / HOUR)).padStart(2, "0")}:${String(Math.floor((ms % HOUR) / MINUTE)).padStart(2, "0")}`;

/** Builds a retention question: which offset the log starts at after the retention check. */
export function retentionTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const segments = 3 + d.below(2);
  const retentionHours = 1 + d.below(3);
  const nowMs = segments * HOUR + d.pick([0, 20, 40]) * MINUTE;
  const init: RetentionInit = { seed, retentionMs: retentionHours * HOUR, segmentBytes: 1 << 20 };
  const events: RetentionEvent[] = [];
  const lines: string[] = [];
  const bases: number[] = [];
  let offset = 0;
  for (let s = 0; s < segments; s++) {
    const count = 2 + d.below(2);
    const records = Array.from({ length: count }, (_, j) => ({ key: `k${j}`, value: `v${offset + j}`, timestamp: s * HOUR + j * 10 * MINUTE }));
    events.push({ type: "append", records });
    if (s < segments - 1) events.push({ type: "roll" });
    bases.push(offset);
    lines.push(`세그먼트 ${s + 1}${s === segments - 1 ? " (활성)" : ""}: 오프셋 ${offset}–${offset + count - 1}, 타임스탬프 ${records.map((r) => clock(r.timestamp)).join(", ")}`);
    offset += count;
  }
  events.push({ type: "tick", nowMs }, { type: "runRetention" });
  return {
    scenario: { engineVersion: SIMULATION_ENGINE_VERSION, kind: "retention", profile: params.profile ?? "kafka-4.x", seed, init, events },
    prompt: `retention.ms=${retentionHours * HOUR}(${retentionHours}시간)인 파티션에서 ${clock(nowMs)}에 보존 검사가 돈 뒤, 로그 시작 오프셋(log-start-offset)은?`,
    summary: [`cleanup.policy=delete, retention.ms=${retentionHours * HOUR}, retention.bytes=-1, 모든 레코드가 HW 아래(커밋됨)`, ...lines, `현재 시각 ${clock(nowMs)}, 보존 검사 실행`],
    choices: [...bases, offset].map((o) => ({ id: `o${o}`, text: o === offset ? `${o} (로그 끝 오프셋, 모두 삭제)` : `${o}` })),
    multiple: false,
    partition: 0,
  };
}

/** Replays a retention scenario and returns the choice of the log start offset the engine ends with. */
export function retentionKey(scenario: RetentionScenario): ScenarioOutcome {
  const created = createRetentionState(scenario.init);
  if (!created.ok) return { ok: false, message: created.error.message };
  const end = scenario.events.reduce(stepRetention, created.value);
  if (end.lastError) return { ok: false, message: end.lastError.message };
  const lso = end.log.logStartOffset;
  return {
    ok: true,
    key: [`o${lso}`],
    explanation: `엔진이 보존 검사를 실행한 결과 로그 시작 오프셋은 ${lso}입니다. 세그먼트는 통째로만 지워지고, 그 세그먼트의 가장 큰 타임스탬프가 retention.ms보다 오래되었을 때 앞에서부터 차례로 지워집니다. 오래된 레코드가 하나 있어도 같은 세그먼트에 새 레코드가 있으면 세그먼트 전체가 남습니다.`,
  };
}
