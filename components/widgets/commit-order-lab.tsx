"use client";

import {
  createCommitOrderState,
  stepCommitOrder,
  type CommitOrderEvent,
  type CommitOrderState,
} from "@/lib/kafka/consumer-group/commit-order";
import {
  commitLaneView,
  commitOrderOutcome,
  commitOrderPrediction,
  narrateCommitOrder,
  summarizeLane,
  type RecordFate,
} from "@/lib/kafka/views/commit-order";
import { Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { must, WidgetShell } from "./sim/widget-shell";
import { primaryButton, secondaryButton, SimTable } from "./widget-parts";

const commitSim: SimDefinition<CommitOrderState, CommitOrderEvent> = {
  mechanism: "consumer-commit",
  eventTypes: ["poll", "process", "step", "crash", "restart", "append"],
  create: () => must(createCommitOrderState({ records: 9, maxPollRecords: 3 })),
  step: stepCommitOrder,
  // One turn of the consumer loop: poll when nothing is in hand, else process the next record.
  tick: () => ({ type: "step" }),
  narrate: narrateCommitOrder,
};

/**
 * The consumer side of delivery guarantees: the same run with the commit before processing
 * (at-most-once) and after it (at-least-once), so a crash shows what each one loses or repeats.
 */
export function CommitOrderLab({ id }: { id: string }) {
  const sim = useSimulation(commitSim, { widgetId: id, tickMs: 1000 });
  const { state } = sim;
  const lanes = state.lanes.map(commitLaneView);
  const running = state.lanes.some((l) => l.running);
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 오프셋을 처리 전에 커밋할까, 처리 후에 커밋할까"
      subtitle="enable.auto.commit=false, max.poll.records=3"
      lead="두 컨슈머가 같은 레코드를 같은 순서로 읽습니다. 위는 poll() 직후 commitSync()를, 아래는 받은 레코드를 모두 처리한 뒤 commitSync()를 부릅니다. 커밋이 없으면 auto.offset.reset=earliest로 처음부터 읽습니다."
    >
      <SimControls sim={sim} timeless />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={primaryButton} onClick={() => sim.dispatch({ type: "poll" })} disabled={!running}>
          poll
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "process" })} disabled={!running}>
          레코드 하나 처리
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "step" })} disabled={!running}>
          루프 한 번 (poll 또는 처리)
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "crash" })} disabled={!running}>
          컨슈머 장애
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "restart" })} disabled={running}>
          다시 시작
        </button>
      </div>
      <Predict prediction={commitOrderPrediction} outcome={commitOrderOutcome(state)} eventCount={sim.events.length} />
      <CommitPicture state={state} />
      <Narration
        lines={sim.narration}
        testId="commit-order-status"
        idle="poll을 누른 뒤 레코드 하나를 처리하고 컨슈머 장애를 일으켜 보세요."
      />
      <SimTable
        id={`${id}-table`}
        caption="커밋 위치별 결과"
        columns={["방식", "커밋 오프셋", "다음에 읽을 오프셋", "잃은 레코드", "두 번 처리"]}
        minWidth="34rem"
      >
        {lanes.map((l) => (
          <tr key={l.order} data-testid={`commit-${l.order}`}>
            <th scope="row" className="py-1 pr-2 font-semibold">
              {l.title} <span className="font-normal">({l.guarantee})</span>
              {!l.running && <span className="ml-1 font-normal text-rose-800 dark:text-rose-300">죽음</span>}
            </th>
            <td className="py-1 pr-2 font-mono">{l.committed ?? "없음"}</td>
            <td className="py-1 pr-2 font-mono">{l.frontier}</td>
            <td className="py-1 pr-2 font-mono">{l.outcome.lost.length ? l.outcome.lost.join(", ") : "없음"}</td>
            <td className="py-1 font-mono">{l.twice.join(", ") || "없음"}</td>
          </tr>
        ))}
      </SimTable>
      <ul className="mt-2 text-sm text-slate-800 dark:text-slate-200" data-testid="commit-order-summary">
        {state.lanes.map((l) => (
          <li key={l.order}>{summarizeLane(l)}</li>
        ))}
      </ul>
    </WidgetShell>
  );
}

const FATE_FILL: Record<RecordFate, string> = {
  unread: "fill-slate-200 dark:fill-slate-700",
  inHand: "fill-sky-200 dark:fill-sky-900",
  processed: "fill-emerald-500 dark:fill-emerald-500",
  duplicated: "fill-amber-400 dark:fill-amber-500",
  redelivered: "fill-amber-200 dark:fill-amber-800",
  lost: "fill-rose-500 dark:fill-rose-500",
};
const CELL = 40;
const X0 = 150;
const laneY = (i: number) => 30 + i * 86;

/** Both consumers' copies of the partition; the committed offset and the read position glide as they move. */
function CommitPicture({ state }: { state: CommitOrderState }) {
  const lanes = state.lanes.map(commitLaneView);
  const shown = Math.min(state.logEndOffset, 11);
  const x = (o: number) => X0 + o * (CELL + 2);
  return (
    <Picture
      title="커밋 위치 그림: 두 컨슈머의 레코드, 커밋 오프셋, 읽는 위치"
      description={state.lanes.map(summarizeLane).join(" ")}
      width={640}
      height={200}
      testId="commit-picture"
    >
      {lanes.map((l, i) => {
        const y = laneY(i);
        return (
          <g key={l.order}>
            <text x={10} y={y + 16} className="fill-slate-900 text-[12px] font-semibold dark:fill-slate-100">
              {l.title}
            </text>
            <text
              x={10}
              y={y + 32}
              className={`text-[11px] ${l.running ? "fill-slate-600 dark:fill-slate-400" : "fill-rose-700 dark:fill-rose-300"}`}
            >
              {l.running ? l.guarantee : "컨슈머 죽음"}
            </text>
            {l.records.slice(0, shown).map((r) => (
              <g key={r.offset} data-testid={`commit-cell-${l.order}`} data-fate={r.fate}>
                <rect
                  x={x(r.offset)}
                  y={y}
                  width={CELL}
                  height={34}
                  rx={4}
                  strokeWidth={r.fate === "inHand" ? 2 : 0}
                  className={`${FATE_FILL[r.fate]} stroke-sky-700 motion-safe:transition-colors motion-safe:duration-300 dark:stroke-sky-300`}
                />
                <text x={x(r.offset) + CELL / 2} y={y + 15} textAnchor="middle" className="fill-slate-950 font-mono text-[11px]">
                  {r.offset}
                </text>
                <text x={x(r.offset) + CELL / 2} y={y + 29} textAnchor="middle" className="fill-slate-950 text-[10px]">
                  {r.fate === "lost" ? "유실" : r.count > 1 ? `×${r.count}` : r.count === 1 ? "처리" : ""}
                </text>
              </g>
            ))}
            <Moving x={x(Math.min(l.committed ?? 0, shown)) - 2} y={y - 8}>
              <line
                y1={0}
                y2={50}
                strokeWidth={2}
                className={l.committed === null ? "stroke-transparent" : "stroke-violet-700 dark:stroke-violet-300"}
              />
              {l.committed !== null && (
                <text x={3} y={6} className="fill-violet-800 text-[10px] dark:fill-violet-300">
                  커밋 {l.committed}
                </text>
              )}
            </Moving>
            {l.running && (
              <Moving x={x(Math.min(l.frontier, shown)) + CELL / 2} y={y + 38}>
                <path d="M0 0 L6 9 L-6 9 Z" className="fill-sky-700 dark:fill-sky-300" />
              </Moving>
            )}
          </g>
        );
      })}
      <text x={10} y={194} className="fill-slate-600 text-[11px] dark:fill-slate-400">
        초록: 처리 · 파랑 테두리: poll로 받음 · 빨강: 유실 · 주황: 두 번 처리(연한 주황: 다시 처리할 예정) · 보라 선: 커밋 오프셋 · ▲ 다음에
        처리할 레코드
      </text>
    </Picture>
  );
}
