"use client";

import { useState } from "react";
import {
  createPartitionerState,
  stepPartitioner,
  type NullKeyStrategy,
  type PartitionerEvent,
  type PartitionerState,
} from "@/lib/kafka/partitioner";
import { describePartitioner, partitionerOutcome, partitionerPrediction } from "@/lib/kafka/views/partitioner";
import { Box, FlyIn, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { choose, must, WidgetShell } from "./sim/widget-shell";
import { primaryButton, secondaryButton, selectClass, SimTable } from "./widget-parts";

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
  id?: string;
}

const partitionerSim = (defaultStrategy: NullKeyStrategy): SimDefinition<PartitionerState, PartitionerEvent> => ({
  mechanism: "partitioner",
  eventTypes: ["send", "drain"],
  create: (_profile, seed, settings) =>
    must(
      createPartitionerState({
        numPartitions: PARTITIONS,
        strategy: choose(
          settings.strategy,
          STRATEGIES.map((x) => x.id),
          defaultStrategy,
        ),
        seed,
      }),
    ),
  step: stepPartitioner,
  // Time passing = linger.ms elapsed: the sender thread takes the ready batches.
  tick: () => ({ type: "drain" }),
  narrate: (_before, after, e) => describePartitioner(after, e.type === "drain" ? 1 : 0),
});

/**
 * Null-key playground: the learner sends records without a key and watches which partition each
 * era's partitioner picks. Seeded, so every learner sees the same run for the same clicks.
 */
export function NullKeyPartitioner({ defaultStrategy = "uniform-sticky", id = "null-key-partitioner" }: NullKeyPartitionerProps) {
  const [def] = useState(() => partitionerSim(defaultStrategy));
  const sim = useSimulation(def, { widgetId: id, seed: SEED });
  const { state } = sim;
  const [valueBytes, setValueBytes] = useState(1000);
  const strategy = state.strategy;
  const sendMany = (n: number) => {
    for (let i = 0; i < n; i++) sim.dispatch({ type: "send", key: null, valueBytes });
  };
  return (
    <WidgetShell widgetId={id} title="실습: 키 없는 레코드는 어디로 갈까" subtitle="null key">
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-strategy`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            프로듀서 버전
          </label>
          <select
            id={`${id}-strategy`}
            value={strategy}
            onChange={(e) => sim.configure({ strategy: e.target.value })}
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
          <label htmlFor={`${id}-size`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            레코드 값 크기
          </label>
          <select id={`${id}-size`} value={valueBytes} onChange={(e) => setValueBytes(Number(e.target.value))} className={selectClass}>
            {VALUE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString("ko-KR")}바이트
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">{STRATEGIES.find((s) => s.id === strategy)?.note}</p>
      <SimControls sim={sim} />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={() => sendMany(1)} className={primaryButton}>
          레코드 1개 보내기
        </button>
        <button type="button" onClick={() => sendMany(10)} className={secondaryButton}>
          10개 보내기
        </button>
        <button type="button" onClick={() => sim.dispatch({ type: "drain" })} className={secondaryButton}>
          배치 전송 (sender가 가져감)
        </button>
      </div>
      <Predict prediction={partitionerPrediction} outcome={partitionerOutcome(state)} eventCount={sim.events.length} />
      <PartitionerPicture state={state} sent={sim.events.filter((e) => e.type === "send").length} />
      <Narration lines={sim.narration} testId="null-key-status" idle={describePartitioner(state, 0)} />
      <PartitionTable state={state} labelId={`${id}-table`} />
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        시드 {sim.seed} · 보낸 레코드 {sim.events.filter((e) => e.type === "send").length}개. 같은 순서로 누르면 언제나 같은 결과가
        나옵니다.
      </p>
    </WidgetShell>
  );
}

/** The producer on the left, the four partitions on the right; the last record flies to its partition. */
function PartitionerPicture({ state, sent }: { state: PartitionerState; sent: number }) {
  const rowY = (p: number) => 14 + p * 40;
  const last = state.last;
  const max = Math.max(1, ...state.recordsPerPartition);
  return (
    <Picture
      title="파티셔너 그림: 프로듀서와 파티션별 레코드 수"
      width={620}
      height={14 + state.queues.length * 40}
      testId="partitioner-picture"
    >
      <Box x={10} y={rowY(0) + 20} w={140} h={50} label="프로듀서" sub="key = null" tone="accent" />
      {state.recordsPerPartition.map((n, p) => (
        <g key={p}>
          <Box x={300} y={rowY(p)} w={120} h={32} label={`파티션 ${p}`} tone={p === state.sticky?.partition ? "accent" : "normal"} />
          <rect
            x={430}
            y={rowY(p) + 8}
            width={(n / max) * 170}
            height={16}
            rx={3}
            className="fill-sky-600 motion-safe:transition-all dark:fill-sky-400"
          />
          <text x={436} y={rowY(p) + 21} className="fill-slate-900 font-mono text-[11px] dark:fill-slate-100">
            {n}
          </text>
        </g>
      ))}
      {last && (
        <FlyIn key={sent} from={[150, rowY(0) + 45]} to={[296, rowY(last.partition) + 16]}>
          <circle r={6} className="fill-amber-500 dark:fill-amber-400" />
        </FlyIn>
      )}
    </Picture>
  );
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
