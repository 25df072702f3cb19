"use client";

import { useId, useState } from "react";
import { primaryButton, secondaryButton, selectClass, widgetFrame, SimTable } from "./widget-parts";
import { usePartitionerSim, type NullKeyStrategy, type PartitionerState } from "./use-kafka";

const STRATEGIES: { id: NullKeyStrategy; label: string; note: string }[] = [
  {
    id: "uniform-sticky",
    label: "Kafka 3.3 이상 (uniform sticky)",
    note: "한 파티션에 batch.size(16384바이트) 이상 보냈고 마지막 배치가 가득 찼으면 다음 파티션을 고릅니다. 배치가 덜 찼다면 두 배(32768바이트)까지 머뭅니다. 새로 고른 파티션이 같은 파티션일 수도 있습니다.",
  },
  {
    id: "sticky",
    label: "Kafka 2.4 ~ 3.2 (sticky)",
    note: "새 배치를 열어야 할 때 지금과 다른 파티션을 무작위로 고릅니다.",
  },
  {
    id: "round-robin",
    label: "Kafka 2.4 이전 (round-robin)",
    note: "레코드 하나마다 다음 파티션으로 돌아갑니다. 배치가 잘게 쪼개져 요청이 많아집니다.",
  },
];
const VALUE_SIZES = [100, 1000, 4000];
const PARTITIONS = 4;
const SEED = 42;

export interface NullKeyPartitionerProps {
  defaultStrategy?: NullKeyStrategy;
}

/**
 * Null-key playground: the learner sends records without a key and watches which partition each
 * era's partitioner picks. Seeded, so every learner sees the same run for the same clicks.
 */
export function NullKeyPartitioner({ defaultStrategy = "uniform-sticky" }: NullKeyPartitionerProps) {
  const ids = useId();
  const [strategy, setStrategy] = useState<NullKeyStrategy>(defaultStrategy);
  const [valueBytes, setValueBytes] = useState(1000);
  return (
    <section aria-labelledby={`${ids}-title`} className={widgetFrame}>
      <h3 id={`${ids}-title`} className="text-base font-bold text-slate-900 dark:text-white">
        실습: 키 없는 레코드는 어디로 갈까 <span className="font-normal text-slate-600 dark:text-slate-400">(null key)</span>
      </h3>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-strategy`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            프로듀서 버전
          </label>
          <select
            id={`${ids}-strategy`}
            value={strategy}
            onChange={(e) => setStrategy(e.target.value as NullKeyStrategy)}
            className={selectClass}
          >
            {STRATEGIES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-size`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            레코드 값 크기
          </label>
          <select id={`${ids}-size`} value={valueBytes} onChange={(e) => setValueBytes(Number(e.target.value))} className={selectClass}>
            {VALUE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString("ko-KR")}바이트
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{STRATEGIES.find((s) => s.id === strategy)?.note}</p>
      {/* A new strategy starts a fresh producer: remounting resets the simulation. */}
      <Run key={strategy} strategy={strategy} valueBytes={valueBytes} ids={ids} />
    </section>
  );
}

function Run({ strategy, valueBytes, ids }: { strategy: NullKeyStrategy; valueBytes: number; ids: string }) {
  const sim = usePartitionerSim({ numPartitions: PARTITIONS, strategy, seed: SEED });
  const { state } = sim;
  const sendMany = (n: number) => {
    for (let i = 0; i < n; i++) sim.sendNullKey(valueBytes);
  };
  const button = secondaryButton;
  return (
    <div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={() => sendMany(1)} className={primaryButton}>
          레코드 1개 보내기
        </button>
        <button type="button" onClick={() => sendMany(10)} className={button}>
          10개 보내기
        </button>
        <button type="button" onClick={sim.drain} className={button}>
          배치 전송 (sender가 가져감)
        </button>
        <button type="button" onClick={sim.reset} className={button}>
          처음부터
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className="mt-4 rounded-md bg-white p-3 text-sm font-semibold text-slate-900 dark:bg-slate-950 dark:text-white"
        data-testid="null-key-status"
      >
        {describeLast(state, sim.events.length)}
      </p>
      <PartitionTable state={state} labelId={`${ids}-table`} />
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        시드 {SEED} · 보낸 레코드 {sim.events.filter((e) => e.type === "send").length}개. 같은 순서로 누르면 언제나 같은 결과가 나옵니다.
      </p>
    </div>
  );
}

function describeLast(state: PartitionerState, events: number): string {
  if (state.lastError) return state.lastError.message;
  const last = state.last;
  if (!last) return events ? "배치를 보냈습니다. 대기 중인 배치가 비었습니다." : "아직 보낸 레코드가 없습니다.";
  const parts = [`마지막 레코드 → 파티션 ${last.partition}`];
  if (last.newBatch) parts.push("새 배치를 열었습니다");
  if (last.switchedTo !== undefined) parts.push(`다음 레코드부터 파티션 ${last.switchedTo}(으)로 전환`);
  return parts.join(" · ");
}

function PartitionTable({ state, labelId }: { state: PartitionerState; labelId: string }) {
  const sticky = state.sticky?.partition;
  return (
    <div>
      <SimTable
        id={labelId}
        caption="파티션별로 보낸 레코드"
        columns={["파티션", "레코드", "바이트", "대기 중인 배치"]}
        minWidth="28rem"
        bodyClassName="font-mono text-slate-900 dark:text-slate-100"
      >
        {state.queues.map((queue, p) => (
          <tr key={p} className={p === sticky ? "bg-sky-100 dark:bg-sky-950" : undefined}>
            <th scope="row" className="py-1 pr-2 font-semibold">
              {p}
              {p === sticky && (
                <span className="ml-1 font-sans text-xs font-normal text-sky-800 dark:text-sky-300">(지금 붙어 있는 파티션)</span>
              )}
            </th>
            <td className="py-1 pr-2">{state.recordsPerPartition[p]}</td>
            <td className="py-1 pr-2">{state.bytesPerPartition[p].toLocaleString("ko-KR")}</td>
            <td className="py-1">
              <span className="sr-only">
                배치 {queue.length}개{queue.some((b) => b.full) ? ` (가득 찬 배치 ${queue.filter((b) => b.full).length}개)` : ""}
              </span>
              <span className="flex flex-wrap gap-1" aria-hidden="true">
                {queue.map((b, i) => (
                  <span
                    key={i}
                    title={`${b.records}개 레코드, ${b.bytes.toLocaleString("ko-KR")}바이트${b.full ? " (가득 참)" : ""}`}
                    className={`inline-block h-4 rounded-sm ${b.full ? "bg-sky-700 dark:bg-sky-400" : "border border-sky-700 dark:border-sky-400"}`}
                    style={{ width: `${Math.max(6, Math.round((b.bytes / state.batchSize) * 48))}px` }}
                  />
                ))}
              </span>
            </td>
          </tr>
        ))}
      </SimTable>
      {state.strategy === "uniform-sticky" && state.sticky && (
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          파티션 {state.sticky.partition}에 보낸 양: {state.sticky.producedBytes.toLocaleString("ko-KR")} /{" "}
          {state.batchSize.toLocaleString("ko-KR")}바이트 (batch.size)
        </p>
      )}
    </div>
  );
}
