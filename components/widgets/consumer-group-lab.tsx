"use client";

import { useId, useState } from "react";
import { formatSimTime } from "./format";
import { groupView, useConsumerGroupSim, type AssignorName, type GroupState } from "./use-kafka";
import { Stat, primaryButton, secondaryButton, selectClass, widgetFrame, SimTable, RowAction } from "./widget-parts";

const ASSIGNORS: { id: AssignorName; label: string }[] = [
  { id: "range", label: "RangeAssignor" },
  { id: "roundrobin", label: "RoundRobinAssignor" },
  { id: "sticky", label: "StickyAssignor" },
  { id: "cooperative-sticky", label: "CooperativeStickyAssignor" },
];
const TOPIC = "orders";
const MEMBER_ACTION = { poll: "poll", 커밋: "commit", 종료: "leave", 장애: "crash" } as const;

/**
 * Consumer-group lab: consumers join, leave and crash; the group rebalances with the chosen
 * assignor; the learner polls and commits and watches lag, all on the engine's classic protocol.
 */
export function ConsumerGroupLab() {
  const ids = useId();
  const [assignor, setAssignor] = useState<AssignorName>("range");
  return (
    <section aria-labelledby={`${ids}-title`} className={widgetFrame}>
      <h3 id={`${ids}-title`} className="text-base font-bold text-slate-900 dark:text-white">
        실습: 컨슈머 그룹과 리밸런스 <span className="font-normal text-slate-600 dark:text-slate-400">(order-service → orders)</span>
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <code>auto.offset.reset</code>=earliest, <code>session.timeout.ms</code>=45초, 첫 리밸런스는{" "}
        <code>group.initial.rebalance.delay.ms</code>=3초 뒤에 시작합니다. 시간이 흘러야 리밸런스가 끝납니다.
      </p>
      <div className="mt-4 max-w-xs">
        <label htmlFor={`${ids}-assignor`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          partition.assignment.strategy (바꾸면 처음부터)
        </label>
        <select
          id={`${ids}-assignor`}
          value={assignor}
          onChange={(e) => setAssignor(e.target.value as AssignorName)}
          className={selectClass}
        >
          {ASSIGNORS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <Group key={assignor} assignor={assignor} ids={ids} />
    </section>
  );
}

function Group({ assignor, ids }: { assignor: AssignorName; ids: string }) {
  const sim = useConsumerGroupSim({ assignor, topic: TOPIC, partitions: 4 });
  const { state } = sim;
  const view = groupView(state);
  const members = state.members.filter((m) => m.alive || m.assignment.length > 0);
  return (
    <div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={sim.addConsumer} className={primaryButton}>
          컨슈머 추가
        </button>
        <button type="button" onClick={() => sim.produceEach(5)} className={secondaryButton}>
          레코드 20개 보내기
        </button>
        <button type="button" onClick={() => sim.advance(1000)} className={secondaryButton}>
          시간 +1초
        </button>
        <button type="button" onClick={() => sim.advance(10_000)} className={secondaryButton}>
          시간 +10초
        </button>
        <button type="button" onClick={() => sim.addPartitions(2)} className={secondaryButton}>
          파티션 2개 추가
        </button>
        <button type="button" onClick={sim.reset} className={secondaryButton}>
          처음부터
        </button>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="group-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(state.nowMs)} />
        <Stat label="그룹 상태" value={state.state} />
        <Stat label="세대 (generation)" value={String(state.generation)} />
        <Stat label="코디네이터" value={`__consumer_offsets-${state.coordinatorPartition}`} />
      </dl>
      {state.lastError && (
        <p role="alert" className="mt-3 rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-200">
          {state.lastError.message}
        </p>
      )}
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
                  {(["poll", "커밋", "종료", "장애"] as const).map((label) => (
                    <RowAction
                      key={label}
                      rowName={m.memberId}
                      label={label}
                      onClick={() => sim.member(m.memberId, MEMBER_ACTION[label])}
                    />
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <LagTable state={state} tableId={`${ids}-lag`} />
      <h4 className="mt-4 text-sm font-semibold text-slate-900 dark:text-white">최근 그룹 이벤트</h4>
      <ol className="mt-1 space-y-0.5 text-xs text-slate-700 dark:text-slate-300" data-testid="group-timeline">
        {state.history.slice(-5).map((h, i) => (
          <li key={`${h.atMs}-${i}`}>
            <span className="font-mono">{formatSimTime(h.atMs)}</span> {h.message}
          </li>
        ))}
      </ol>
    </div>
  );
}

function LagTable({ state, tableId }: { state: GroupState; tableId: string }) {
  const rows = groupView(state).lag;
  return (
    <SimTable
      id={tableId}
      caption="파티션별 오프셋과 lag"
      columns={["{h}"]}
      minWidth="30rem"
      bodyClassName="font-mono text-slate-900 dark:text-slate-100"
    >
      {rows.map((r) => (
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
  );
}
