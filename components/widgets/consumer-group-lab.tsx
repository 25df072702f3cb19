"use client";

import { createGroupState, stepGroup, type AssignorName, type GroupEvent, type GroupState } from "@/lib/kafka/consumer-group";
import { groupOutcome, groupPrediction, groupView, LAG_COLUMNS, narrateGroup } from "@/lib/kafka/views/consumer-group";
import { formatSimTime } from "./format";
import { Box, Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { must, WidgetShell } from "./sim/widget-shell";
import { groupLabInit } from "@/lib/kafka/views/lab-setup";
import { Stat, primaryButton, secondaryButton, selectClass, SimTable, RowAction } from "./widget-parts";

const ASSIGNORS: { id: AssignorName; label: string }[] = [
  { id: "range", label: "RangeAssignor" },
  { id: "roundrobin", label: "RoundRobinAssignor" },
  { id: "sticky", label: "StickyAssignor" },
  { id: "cooperative-sticky", label: "CooperativeStickyAssignor" },
];
const TOPIC = "orders";
const MEMBER_ACTION = { poll: "poll", "commitSync()": "commit", 종료: "leave", 장애: "crash" } as const;

const groupSim: SimDefinition<GroupState, GroupEvent> = {
  mechanism: "consumer-group",
  eventTypes: ["join", "leave", "crash", "poll", "commit", "tick", "produce", "addPartitions"],
  create: (profile, _seed, settings) => must(createGroupState(groupLabInit(profile, settings))),
  step: stepGroup,
  tick: (_s, ms) => ({ type: "tick", ms }),
  narrate: narrateGroup,
};

/**
 * Consumer-group lab: consumers join, leave and crash; the group rebalances with the chosen
 * assignor; the learner polls and commits and watches lag, all on the engine's classic protocol.
 */
export function ConsumerGroupLab({ id = "consumer-group-lab" }: { id?: string }) {
  const sim = useSimulation(groupSim, { widgetId: id, tickMs: 1000 });
  const { state } = sim;
  const view = groupView(state);
  const members = state.members.filter((m) => m.alive || m.assignment.length > 0);
  const joined = sim.events.filter((e) => e.type === "join").length;
  const partitions = state.topics[TOPIC] ?? 0;
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 컨슈머 그룹과 리밸런스"
      subtitle="order-service → orders"
      lead={
        <>
          <code>auto.offset.reset</code>=earliest, <code>session.timeout.ms</code>=45초, 첫 리밸런스는{" "}
          <code>group.initial.rebalance.delay.ms</code>=3초 뒤에 시작합니다. 시간이 흘러야 리밸런스가 끝납니다.
        </>
      }
    >
      <div className="mt-4 max-w-xs">
        <label htmlFor={`${id}-assignor`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          partition.assignment.strategy (바꾸면 처음부터)
        </label>
        <select
          id={`${id}-assignor`}
          value={state.config.assignor}
          onChange={(e) => sim.configure({ assignor: e.target.value })}
          className={selectClass}
        >
          {ASSIGNORS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="auto-commit-note">
        {state.config.enableAutoCommit ? (
          <>
            자동 커밋이 켜져 있습니다: <code>enable.auto.commit=true</code>, {state.config.autoCommitIntervalMs / 1000}초마다 poll() 때
            커밋합니다.{" "}
          </>
        ) : (
          <>
            자동 커밋이 꺼져 있습니다 (<code>enable.auto.commit=false</code>).{" "}
          </>
        )}
        버튼 <code>commitSync()</code>는 지금 위치를 바로 커밋합니다.
      </p>
      <SimControls sim={sim} versionToggle />
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => sim.dispatch({ type: "join", memberId: `consumer-${joined + 1}`, topics: [TOPIC] })}
          className={primaryButton}
        >
          컨슈머 추가
        </button>
        <button
          type="button"
          onClick={() => {
            for (let p = 0; p < partitions; p++) sim.dispatch({ type: "produce", topic: TOPIC, partition: p, count: 5 });
          }}
          className={secondaryButton}
        >
          레코드 {partitions * 5}개 보내기
        </button>
        <button type="button" onClick={() => sim.step(1000)} className={secondaryButton}>
          시간 +1초
        </button>
        <button type="button" onClick={() => sim.step(10_000)} className={secondaryButton}>
          시간 +10초
        </button>
        <button
          type="button"
          onClick={() => sim.dispatch({ type: "addPartitions", topic: TOPIC, count: partitions + 2 })}
          className={secondaryButton}
        >
          파티션 2개 추가
        </button>
      </div>
      <Predict prediction={groupPrediction} outcome={groupOutcome(state)} eventCount={sim.events.length} />
      <GroupPicture state={state} />
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="group-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(state.nowMs)} />
        <Stat label="그룹 상태" value={state.state} />
        <Stat label="세대 (generation)" value={String(state.generation)} />
        <Stat label="코디네이터" value={`__consumer_offsets-${state.coordinatorPartition}`} />
      </dl>
      <Narration lines={sim.narration} testId="group-status" idle="컨슈머를 추가하고 시간을 흘려 보세요." />
      <h4 className="mt-4 text-sm font-semibold text-slate-900 dark:text-white">컨슈머</h4>
      {members.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">아직 컨슈머가 없습니다. 컨슈머를 추가해 보세요.</p>
      ) : (
        <ul className="mt-2 space-y-2" data-testid="group-members">
          {members.map((m) => (
            <li key={m.memberId} className="flex flex-wrap items-center gap-2 rounded-md bg-white p-2 text-sm dark:bg-slate-950">
              <span className="font-mono font-semibold">{m.memberId}</span>
              <span className="text-slate-700 dark:text-slate-300">
                {!m.alive
                  ? "장애 (하트비트 없음)"
                  : view.idle.includes(m.memberId)
                    ? "유휴 (파티션 없음)"
                    : m.assignment.join(", ") || "할당 대기"}
              </span>
              {m.alive && (
                <span className="ml-auto flex gap-1">
                  {(["poll", "commitSync()", "종료", "장애"] as const).map((label) => (
                    <RowAction
                      key={label}
                      rowName={m.memberId}
                      label={label}
                      onClick={() => sim.dispatch({ type: MEMBER_ACTION[label], memberId: m.memberId })}
                    />
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <SimTable
        id={`${id}-lag`}
        caption="파티션별 오프셋과 lag"
        columns={[...LAG_COLUMNS]}
        minWidth="30rem"
        bodyClassName="font-mono text-slate-900 dark:text-slate-100"
      >
        {view.lag.map((r) => (
          <tr key={r.tp}>
            <th scope="row" className="py-1 pr-2 font-semibold">
              {r.tp}
            </th>
            <td className="py-1 pr-2">{r.owner ?? "-"}</td>
            <td className="py-1 pr-2">{r.logEndOffset}</td>
            <td className="py-1 pr-2">{r.committed ?? "-"}</td>
            <td className="py-1">{r.lag ?? "-"}</td>
          </tr>
        ))}
      </SimTable>
    </WidgetShell>
  );
}

/** Partitions on top; each partition's chip slides under the consumer that owns it after a rebalance. */
function GroupPicture({ state }: { state: GroupState }) {
  const members = state.members.filter((m) => m.alive).slice(0, 6);
  const partitions = Array.from({ length: state.topics[TOPIC] ?? 0 }, (_, p) => `${TOPIC}-${p}`);
  const colW = 600 / Math.max(1, members.length);
  const owner = new Map<string, number>();
  members.forEach((m, i) => m.assignment.forEach((tp) => owner.set(tp, i)));
  const slot = new Map<number, number>();
  return (
    <Picture title="컨슈머 그룹 그림: 컨슈머마다 맡은 파티션" width={620} height={190} testId="group-picture">
      {members.length === 0 && (
        <text x={310} y={90} textAnchor="middle" className="fill-slate-600 text-[13px] dark:fill-slate-400">
          컨슈머가 없습니다
        </text>
      )}
      {members.map((m, i) => (
        <Box key={m.memberId} x={10 + i * colW} y={10} w={colW - 10} h={44} label={m.memberId} sub={state.state} tone="accent" />
      ))}
      {partitions.map((tp, p) => {
        const i = owner.get(tp);
        const n = i === undefined ? p : (slot.get(i) ?? 0);
        if (i !== undefined) slot.set(i, n + 1);
        const x = i === undefined ? 10 + p * 92 : 14 + i * colW + (n % 2) * Math.min(90, (colW - 18) / 2);
        const y = i === undefined ? 150 : 66 + Math.floor(n / 2) * 30;
        return (
          <Moving key={tp} x={x} y={y}>
            <rect
              width={Math.min(86, colW / 2 - 12)}
              height={24}
              rx={5}
              className={i === undefined ? "fill-slate-300 dark:fill-slate-700" : "fill-sky-600 dark:fill-sky-500"}
            />
            <text x={6} y={16} className={`font-mono text-[11px] ${i === undefined ? "fill-slate-900 dark:fill-slate-100" : "fill-white"}`}>
              {tp}
            </text>
          </Moving>
        );
      })}
      {partitions.some((tp) => !owner.has(tp)) && (
        <text x={10} y={142} className="fill-slate-600 text-[11px] dark:fill-slate-400">
          아직 아무도 맡지 않은 파티션
        </text>
      )}
    </Picture>
  );
}
