/**
 * Simulation template on transactions: a transactional producer commits, aborts and leaves a
 * transaction open; the question is how many records a read_committed consumer sees. The key is
 * the engine's read_committed view of the partition after replaying the scenario.
 */
import { consumerView, lastStableOffset, type ProducerEvent, type ProducerInit, type ProducerState, type ProfileId } from "@/lib/kafka";
import type { InstanceBody, ScenarioOutcome, SimulationParams } from "./simulation";
import { drawer, SIMULATION_ENGINE_VERSION } from "./simulation-draw";

type Ending = "commit" | "abort" | "open";
const ENDING_TEXT: Record<Ending, string> = { commit: "commitTransaction()", abort: "abortTransaction()", open: "커밋도 중단도 하지 않음 (진행 중)" };

/** Builds a read_committed question over two or three transactions, the last one possibly still open. */
export function readCommittedTemplate(seed: number, params: SimulationParams): InstanceBody {
  const d = drawer(seed);
  const profile: ProfileId = params.profile ?? "kafka-4.x";
  const txns = 2 + d.below(2);
  const init: ProducerInit = { profile, partitions: 1, topic: "orders", transactionalId: "orders-tx", seed };
  const events: ProducerEvent[] = [{ type: "initTransactions" }];
  const lines: string[] = [];
  let next = 1;
  let total = 0;
  for (let t = 0; t < txns; t++) {
    const values = Array.from({ length: 1 + d.below(3) }, () => `m${next++}`);
    const ending: Ending = t === txns - 1 ? d.pick(["commit", "abort", "open"] as const) : d.pick(["commit", "abort"] as const);
    events.push({ type: "beginTransaction" }, { type: "send", partition: 0, values });
    if (ending === "open") events.push({ type: "flush" });
    else events.push({ type: ending === "commit" ? "commitTransaction" : "abortTransaction" });
    lines.push(`트랜잭션 ${t + 1}: ${values.join(", ")} 전송 → ${ENDING_TEXT[ending]}`);
    total += values.length;
  }
  return {
    scenario: { engineVersion: SIMULATION_ENGINE_VERSION, kind: "producer", profile, seed, init, events },
    prompt: "트랜잭션 프로듀서가 아래처럼 쓴 뒤, isolation.level=read_committed인 컨슈머가 orders-0을 처음부터 읽으면 받는 데이터 레코드는 몇 개인가?",
    summary: [`프로필 ${profile}, transactional.id=orders-tx, 파티션 orders-0 하나`, ...lines],
    choices: Array.from({ length: total + 1 }, (_, i) => ({ id: `c${i}`, text: `${i}개` })),
    multiple: false,
    partition: 0,
  };
}

/** The number of data records a read_committed consumer reads, and the LSO that bounds it. */
export function readCommittedKey(end: ProducerState): ScenarioOutcome {
  const part = end.broker.partitions[0];
  const seen = consumerView(end, 0, "read_committed").filter((r) => r.kind === "data").length;
  const all = part.records.filter((r) => r.kind === "data").length;
  return {
    ok: true,
    key: [`c${seen}`],
    explanation: `엔진이 재생한 결과 로그에는 데이터 레코드 ${all}개와 트랜잭션 마커가 있고, LSO(last stable offset)는 ${lastStableOffset(part)}, HW는 ${part.highWatermark}입니다. read_committed 컨슈머는 LSO 앞까지만 읽고 중단된 트랜잭션의 레코드는 건너뛰므로 ${seen}개를 받습니다.`,
  };
}
