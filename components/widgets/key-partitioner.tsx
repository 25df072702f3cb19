"use client";

import { useMemo, useState } from "react";
import {
  clampPartitions as clamp,
  createKeyLab,
  describeKeyLanes,
  keyLanes,
  keyOutcome,
  keyPartition,
  keyPrediction,
  keysByPartition,
  lastSentKey,
  MAX_KEY_PARTITIONS as MAX_PARTITIONS,
  narrateKeyLab,
  stepKeyLab,
  type KeyLabEvent,
  type KeyLabState,
} from "@/lib/kafka/views/key-partition";
import { Box, Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { WidgetShell } from "./sim/widget-shell";

export interface KeyPartitionerProps {
  defaultKey?: string;
  defaultPartitions?: number;
  id?: string;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0"));

const keySim = (partitions: number): SimDefinition<KeyLabState, KeyLabEvent> => ({
  mechanism: "key-partitioner",
  eventTypes: ["send", "setPartitions"],
  // A shared run (e.g. a quiz question's) may fix its own starting partition count.
  create: (_profile, _seed, settings) => createKeyLab(typeof settings.partitions === "number" ? settings.partitions : partitions),
  step: stepKeyLab,
  // The default partitioner has no clock: time passing changes nothing.
  tick: () => ({ type: "tick" }),
  narrate: narrateKeyLab,
});

/**
 * Key → partition playground: the learner types a key, picks a partition count and sees the
 * partition Kafka's default partitioner picks (murmur2 over UTF-8 bytes, & 0x7fffffff, mod N).
 */
export function KeyPartitioner({ defaultKey = "order-42", defaultPartitions = 3, id = "key-partitioner" }: KeyPartitionerProps) {
  const ids = id;
  const [def] = useState(() => keySim(defaultPartitions));
  const sim = useSimulation(def, { widgetId: id });
  const [key, setKey] = useState(defaultKey);
  const partitions = sim.state.partitions;
  const setPartitions = (f: (n: number) => number) => sim.dispatch({ type: "setPartitions", count: clamp(f(partitions)) });
  const view = useMemo(() => keyPartition(key, partitions), [key, partitions]);
  const hex = toHex(view.bytes);
  const byPartition = keysByPartition(sim.state);
  const send = () => sim.dispatch({ type: "send", key });

  return (
    <WidgetShell widgetId={id} title="실습: 키로 파티션 정하기" subtitle="default partitioner">
      <SimControls sim={sim} />
      <div className="mt-4 grid gap-4 sm:grid-cols-[1fr_auto]">
        <div>
          <label htmlFor={`${ids}-key`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            레코드 키 (key)
          </label>
          <div className="mt-1 flex gap-2">
            <input
              id={`${ids}-key`}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              onKeyDown={(e) => e.key === "Enter" && send()}
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
              className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white"
            />
            <button
              type="button"
              onClick={send}
              className="shrink-0 rounded-md bg-sky-700 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-800"
            >
              이 키로 보내기
            </button>
          </div>
        </div>
        <div>
          <label htmlFor={`${ids}-n`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            파티션 수
          </label>
          <div className="mt-1 flex items-center gap-1">
            <button
              type="button"
              aria-label="파티션 하나 줄이기"
              title="해시 가정 실험: 실제 카프카는 토픽의 파티션 수를 줄일 수 없습니다. 줄였다면 키가 어디로 갈지 해시로만 계산해 봅니다."
              aria-describedby={`${ids}-shrink-note`}
              onClick={() => setPartitions((n) => clamp(n - 1))}
              className="h-10 w-10 rounded-md border border-slate-300 text-lg dark:border-slate-600"
            >
              −
            </button>
            <input
              id={`${ids}-n`}
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_PARTITIONS}
              value={partitions}
              onChange={(e) => setPartitions(() => Number(e.target.value))}
              className="h-10 w-16 rounded-md border border-slate-300 bg-white text-center font-mono dark:border-slate-600 dark:bg-slate-950"
            />
            <button
              type="button"
              aria-label="파티션 하나 늘리기"
              onClick={() => setPartitions((n) => clamp(n + 1))}
              className="h-10 w-10 rounded-md border border-slate-300 text-lg dark:border-slate-600"
            >
              +
            </button>
          </div>
          <p id={`${ids}-shrink-note`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            − 는 해시 가정 실험입니다: 실제 카프카는 파티션 수를 줄일 수 없습니다.
          </p>
        </div>
      </div>

      <dl className="mt-5 grid gap-2 text-sm">
        <div>
          <dt className="font-medium text-slate-700 dark:text-slate-300">UTF-8 바이트 ({view.bytes.length}바이트)</dt>
          <dd className="mt-1 break-all font-mono text-slate-900 dark:text-slate-100">
            {hex.length ? hex.join(" ") : "(빈 바이트 배열: 빈 문자열도 해시되는 진짜 키입니다)"}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700 dark:text-slate-300">계산</dt>
          <dd className="mt-1 overflow-x-auto font-mono text-slate-900 dark:text-slate-100">
            murmur2 = {view.hash} → <span title="toPositive">&amp; 0x7fffffff</span> = {view.positive} → % {partitions} ={" "}
            <strong>{view.partition}</strong>
          </dd>
        </div>
      </dl>

      <p
        role="status"
        aria-live="polite"
        className="mt-4 rounded-md bg-white p-3 text-base font-semibold text-slate-900 dark:bg-slate-950 dark:text-white"
        data-testid="partition-result"
      >
        키 &lsquo;{key}&rsquo; → 파티션 {view.partition}
      </p>
      <KeyPicture state={sim.state} typedKey={key} target={view.partition} />
      <Predict prediction={keyPrediction} outcome={keyOutcome(sim.state)} eventCount={sim.events.length} />
      <Narration
        lines={sim.narration}
        testId="key-partitioner-status"
        idle="키를 보내 보세요. 파티션 수를 바꾸면 보낸 키가 어디로 가는지 보입니다."
      />

      <ol
        className="mt-4 grid gap-2"
        style={{ gridTemplateColumns: `repeat(${Math.min(partitions, 4)}, minmax(0, 1fr))` }}
        aria-label="파티션별로 보낸 키"
      >
        {Array.from({ length: partitions }, (_, p) => {
          const here = byPartition[p];
          return (
            <li
              key={p}
              className={`min-h-20 rounded-lg border-2 p-2 motion-safe:transition-colors ${p === view.partition ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950" : "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-950"}`}
            >
              <p className="text-xs font-bold text-slate-700 dark:text-slate-300">파티션 {p}</p>
              <ul className="mt-1 flex flex-wrap gap-1">
                {here.map((s) => {
                  const moved = s.moved;
                  return (
                    <li
                      key={s.key}
                      className={`rounded px-1.5 py-0.5 text-xs ${moved ? "bg-amber-200 text-amber-950" : "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100"}`}
                    >
                      {s.key === "" ? '""' : s.key}
                      {moved && <span className="sr-only"> (파티션 {s.from}에서 이동)</span>}
                      {moved && <span aria-hidden="true"> ←{s.from}</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
      {sim.state.sent.some((s) => s.partitionsAtSend !== partitions) && (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          노란 키는 보낼 때와 파티션 수가 달라져 다른 파티션으로 가게 된 키입니다. 파티션을 늘리면 같은 키의 순서 보장이 깨질 수 있습니다.
        </p>
      )}
    </WidgetShell>
  );
}

const LANE_H = 28;
const LANE_GAP = 6;
const LANE_X = 200;
const CHIP_X = 236;
const CHIP_W = 54;
const laneY = (p: number) => 12 + p * (LANE_H + LANE_GAP);
const chipX = (slot: number) => CHIP_X + slot * (CHIP_W + 4);
const short = (k: string) => (k === "" ? '""' : k.length > 7 ? `${k.slice(0, 6)}…` : k);

/**
 * The producer on the left and one lane per partition on the right. A sent key flies from the
 * producer into the lane murmur2 gives it; when the partition count changes, every key glides to
 * its new lane (amber: it moved).
 */
function KeyPicture({ state, typedKey, target }: { state: KeyLabState; typedKey: string; target: number }) {
  const lanes = keyLanes(state);
  const last = lastSentKey(state);
  const height = laneY(lanes.length) + 6;
  const producerY = Math.max(12, height / 2 - 30);
  return (
    <Picture
      title="키 파티셔너 그림: 프로듀서에서 파티션으로 가는 레코드"
      description={describeKeyLanes(state)}
      width={620}
      height={height}
      testId="key-picture"
    >
      <Box x={10} y={producerY} w={140} h={60} label="프로듀서" sub={`key=${short(typedKey)}`} tone="accent" />
      {lanes.map((lane) => {
        const y = laneY(lane.partition);
        const on = lane.partition === target;
        return (
          <g key={lane.partition} data-testid={`key-lane-${lane.partition}`} data-y={y}>
            <line
              x1={150}
              y1={producerY + 30}
              x2={LANE_X}
              y2={y + LANE_H / 2}
              strokeWidth={on ? 2 : 1}
              className={`motion-safe:transition-colors ${on ? "stroke-sky-600 dark:stroke-sky-400" : "stroke-slate-300 dark:stroke-slate-700"}`}
            />
            <rect
              x={LANE_X}
              y={y}
              width={410}
              height={LANE_H}
              rx={6}
              strokeWidth={on ? 2 : 1}
              className={`motion-safe:transition-colors ${on ? "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400" : "fill-slate-50 stroke-slate-300 dark:fill-slate-900 dark:stroke-slate-600"}`}
            />
            <text x={LANE_X + 8} y={y + 18} className="fill-slate-800 font-mono text-[11px] font-semibold dark:fill-slate-200">
              P{lane.partition}
            </text>
            {lane.hidden > 0 && (
              <text x={604} y={y + 18} textAnchor="end" className="fill-slate-600 text-[11px] dark:fill-slate-400">
                +{lane.hidden}
              </text>
            )}
          </g>
        );
      })}
      {lanes.flatMap((lane) =>
        lane.keys.map((k) => {
          const to: [number, number] = [chipX(k.slot), laneY(lane.partition) + 4];
          const chip = (
            <g data-testid="key-chip" data-partition={lane.partition} data-key={k.key}>
              <rect
                width={CHIP_W}
                height={LANE_H - 8}
                rx={4}
                className={k.moved ? "fill-amber-300 dark:fill-amber-500" : "fill-slate-300 dark:fill-slate-600"}
              />
              <text x={CHIP_W / 2} y={14} textAnchor="middle" className="fill-slate-950 font-mono text-[10px] dark:fill-white">
                {short(k.key)}
              </text>
            </g>
          );
          // A key mounts when it is sent (it flies in from the producer) and glides when it moves lane.
          return (
            <Moving
              key={`${k.key}#${k.seq}`}
              x={to[0]}
              y={to[1]}
              from={[150, producerY + 20]}
              testId={last?.key === k.key ? "newest-key" : undefined}
            >
              {chip}
            </Moving>
          );
        }),
      )}
    </Picture>
  );
}
