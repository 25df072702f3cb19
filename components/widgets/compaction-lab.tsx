"use client";

import { createCompactionState, stepCompaction, type CompactionEvent, type CompactionState } from "@/lib/kafka/compaction";
import type { ProfileId } from "@/lib/kafka/core/profile";
import {
  bulkRecords,
  COMPACTION_KEYS,
  compactionOutcome,
  compactionPrediction,
  compactionView,
  narrateCompaction,
  type CompactionView,
} from "@/lib/kafka/views/compaction";
import { COMPACTION_RATIOS, compactionLabInit, compactionLabSettings } from "@/lib/kafka/views/lab-setup";
import { formatSimTime } from "./format";
import { Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { VirtualList } from "./sim/virtual-list";
import { must, WidgetShell } from "./sim/widget-shell";
import { primaryButton, secondaryButton, selectClass, SimTable, Stat } from "./widget-parts";

/** A lab event: the engine's own, or "write `count` keyed records at once" (kept short in links). */
type LabEvent = CompactionEvent | { type: "appendMany"; count: number };

const compactionSim: SimDefinition<CompactionState, LabEvent> = {
  mechanism: "compaction",
  eventTypes: ["append", "appendMany", "tick", "roll", "runCleaner"],
  create: (profile: ProfileId, seed, settings) => must(createCompactionState(compactionLabInit(profile, seed, settings))),
  step: (s, e) => (e.type === "appendMany" ? appendMany(s, e.count) : stepCompaction(s, e)),
  tick: (s, ms) => ({ type: "tick", nowMs: s.log.nowMs + ms }),
  narrate: (before, after, e) =>
    narrateCompaction(before, after, e.type === "appendMany" ? { type: "append", records: bulkRecords(e.count, 0, 0) } : e),
};

/** Records per produce batch in a bulk write: each batch fits a 500-byte segment, as a producer's would. */
const BULK_BATCH = 20;

function appendMany(state: CompactionState, count: number): CompactionState {
  let s = state;
  const n = Math.min(10_000, Math.max(0, Math.trunc(count)));
  for (let done = 0; done < n; done += BULK_BATCH)
    s = stepCompaction(s, { type: "append", records: bulkRecords(Math.min(BULK_BATCH, n - done), s.log.nowMs, s.log.logEndOffset) });
  return s;
}

const PART_TEXT = { clean: "clean (이미 정리됨)", dirty: "dirty (정리 대상)", uncleanable: "정리 불가 (액티브·lag 이내)" } as const;

/**
 * Compaction lab: one partition of a compacted topic. The learner writes keyed records and
 * tombstones, watches the dirty ratio against `min.cleanable.dirty.ratio`, and runs the cleaner;
 * min/max compaction lag and the threshold are settings. Up to 10,000 records stay smooth: the
 * picture draws one shape per segment part and the record list is windowed.
 */
export function CompactionLab({ id = "compaction-lab" }: { id?: string }) {
  const sim = useSimulation(compactionSim, { widgetId: id, tickMs: 10_000 });
  const view = compactionView(sim.state);
  const settings = compactionLabSettings(sim.settings);
  const next = sim.state.log.logEndOffset;
  const key = COMPACTION_KEYS[next % COMPACTION_KEYS.length];
  const append = (value: string | null) => sim.dispatch({ type: "append", records: [{ key, value, timestamp: sim.state.log.nowMs }] });
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 로그 컴팩션"
      subtitle="user-profile-0, cleanup.policy=compact"
      lead={
        <>
          <code>segment.bytes</code>=500(실습용), <code>delete.retention.ms</code>=1분, 클리너는 15초마다 확인합니다(
          <code>log.cleaner.backoff.ms</code>). 키는 user-1 … user-4를 돌아가며 씁니다.
        </>
      }
    >
      <div className="mt-4 grid gap-3 sm:grid-cols-3">
        <Setting
          label="min.cleanable.dirty.ratio"
          value={settings.ratio}
          options={COMPACTION_RATIOS.map((r) => [r, String(r)])}
          onChange={(v) => sim.configure({ ...settings, ratio: v })}
        />
        <Setting
          label="min.compaction.lag.ms"
          value={settings.minLag}
          options={[
            [0, "0"],
            [60_000, "60000 (1분)"],
          ]}
          onChange={(v) => sim.configure({ ...settings, minLag: v })}
        />
        <Setting
          label="max.compaction.lag.ms"
          value={settings.maxLag}
          options={[
            [0, "기본 (제한 없음)"],
            [120_000, "120000 (2분)"],
          ]}
          onChange={(v) => sim.configure({ ...settings, maxLag: v })}
        />
      </div>
      <SimControls sim={sim} />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={primaryButton} onClick={() => append(`v${next}`)}>
          {key} 레코드 쓰기
        </button>
        <button type="button" className={secondaryButton} onClick={() => append(null)}>
          {key} 툼스톤 쓰기
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "appendMany", count: 10_000 })}>
          레코드 1만 개 쓰기
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "roll" })}>
          세그먼트 롤
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "runCleaner" })}>
          클리너 실행
        </button>
      </div>
      <Predict prediction={compactionPrediction} outcome={compactionOutcome(sim.state)} eventCount={sim.events.length} />
      <CompactionPicture view={view} />
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="compaction-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(sim.state.log.nowMs)} />
        <Stat
          label="dirty ratio"
          value={`${view.toClean.cleanableRatio.toFixed(2)} ${view.cleanable ? ">" : "≤"} ${view.minCleanableDirtyRatio}`}
        />
        <Stat label="클리너 체크포인트" value={view.checkpoint === null ? "없음" : String(view.checkpoint)} />
        <Stat label="레코드 / 툼스톤" value={`${view.recordCount.toLocaleString("ko-KR")} / ${view.tombstones}`} />
      </dl>
      <Narration lines={sim.narration} testId="compaction-status" idle="레코드를 몇 개 쓰고 세그먼트를 롤한 뒤 클리너를 실행해 보세요." />
      <SimTable id={`${id}-segments`} caption="세그먼트와 정리 상태" columns={["파일", "레코드", "크기", "상태"]} minWidth="30rem">
        {shownSegments(view.segments).map((s) =>
          s === null ? (
            <tr key="gap">
              <td colSpan={4} className="py-1 text-xs text-slate-600 dark:text-slate-400">
                … 가운데 세그먼트 {view.segments.length - 2 * TABLE_EDGE}개 생략
              </td>
            </tr>
          ) : (
            <tr key={s.baseOffset}>
              <th scope="row" className="py-1 pr-2 font-mono text-xs font-semibold">
                {s.fileName}
                {s.active && <span className="ml-1 font-sans font-normal">(액티브)</span>}
              </th>
              <td className="py-1 pr-2 font-mono">{s.records.toLocaleString("ko-KR")}</td>
              <td className="py-1 pr-2 font-mono">{s.bytes.toLocaleString("ko-KR")}B</td>
              <td className="py-1">{PART_TEXT[s.part]}</td>
            </tr>
          ),
        )}
      </SimTable>
      <p className="mt-4 text-sm font-semibold text-slate-900 dark:text-white" id={`${id}-records`}>
        레코드 (오프셋 순, {view.recordCount.toLocaleString("ko-KR")}개)
      </p>
      <VirtualList
        items={view.records}
        rowHeight={24}
        height={192}
        label={`레코드 목록 ${view.recordCount}개, 스크롤해서 보기`}
        testId="compaction-records"
        renderRow={(r) => (
          <span className="flex gap-3 px-2 font-mono text-xs leading-6 text-slate-900 dark:text-slate-100">
            <span className="w-16 text-right">{r.offset}</span>
            <span className="w-16">{r.key}</span>
            <span className={r.value === null ? "font-semibold text-rose-700 dark:text-rose-300" : undefined}>
              {r.value === null ? "툼스톤 (null)" : r.value}
            </span>
          </span>
        )}
      />
    </WidgetShell>
  );
}

const TABLE_EDGE = 6;
/** The first and last segments, with a gap marker between when there are many. */
function shownSegments(segments: CompactionView["segments"]) {
  return segments.length <= 2 * TABLE_EDGE + 1 ? segments : [...segments.slice(0, TABLE_EDGE), null, ...segments.slice(-TABLE_EDGE)];
}

function Setting<T extends number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (v: T) => void;
}) {
  return (
    <label className="block text-sm font-medium text-slate-800 dark:text-slate-200">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value) as T)} className={selectClass}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const W = 620;
const MAX_BARS = 40;

/** With many segments, neighbours in the same part merge into one shape (aggregate, not 10,000 nodes). */
function runs(segments: CompactionView["segments"]) {
  if (segments.length <= MAX_BARS) return segments;
  const out: (typeof segments)[number][] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.part === s.part && !s.active)
      out[out.length - 1] = { ...last, bytes: last.bytes + s.bytes, records: last.records + s.records };
    else out.push(s);
  }
  return out;
}
const PART_FILL = {
  clean: "fill-emerald-500 dark:fill-emerald-400",
  dirty: "fill-amber-500 dark:fill-amber-400",
  uncleanable: "fill-slate-400 dark:fill-slate-500",
} as const;

/** One bar per segment (width ∝ bytes), coloured by part; the dirty-ratio gauge and its threshold. */
function CompactionPicture({ view }: { view: CompactionView }) {
  const total = Math.max(
    1,
    view.segments.reduce((n, s) => n + s.bytes, 0),
  );
  const usable = W - 40;
  const widths = runs(view.segments).map((s) => ({ ...s, w: Math.max(4, (s.bytes / total) * usable) }));
  const bars = widths.map((b, i) => ({ ...b, x: 20 + widths.slice(0, i).reduce((n, p) => n + p.w, 0) }));
  const ratio = view.toClean.cleanableRatio;
  return (
    <Picture title="컴팩션 그림: 세그먼트별 clean·dirty 구간과 dirty ratio" width={W} height={150} testId="compaction-picture">
      <text x={20} y={20} className="fill-slate-700 text-[12px] dark:fill-slate-300">
        세그먼트 (너비 = 바이트) · 초록 clean · 주황 dirty · 회색 정리 불가
      </text>
      {bars.map((b) => (
        <Moving key={b.baseOffset} x={b.x} y={32}>
          <rect width={Math.max(2, b.w - 2)} height={40} rx={3} className={`${PART_FILL[b.part]} motion-safe:transition-all`} />
          {b.w > 46 && (
            <text x={4} y={25} className="fill-slate-950 font-mono text-[10px]">
              {b.baseOffset}
            </text>
          )}
        </Moving>
      ))}
      <text x={20} y={100} className="fill-slate-700 text-[12px] dark:fill-slate-300">
        dirty ratio {ratio.toFixed(2)} (기준 {view.minCleanableDirtyRatio}보다 커야 정리)
      </text>
      <rect x={20} y={110} width={usable} height={14} rx={7} className="fill-slate-200 dark:fill-slate-800" />
      <rect
        x={20}
        y={110}
        width={Math.min(1, ratio) * usable}
        height={14}
        rx={7}
        className={`${view.cleanable ? "fill-amber-500 dark:fill-amber-400" : "fill-sky-600 dark:fill-sky-500"} motion-safe:transition-all motion-safe:duration-500`}
      />
      <line
        x1={20 + view.minCleanableDirtyRatio * usable}
        x2={20 + view.minCleanableDirtyRatio * usable}
        y1={104}
        y2={130}
        strokeWidth={2}
        className="stroke-rose-700 dark:stroke-rose-300"
      />
      <text
        x={20 + view.minCleanableDirtyRatio * usable}
        y={144}
        textAnchor="middle"
        className="fill-rose-700 text-[11px] dark:fill-rose-300"
      >
        min.cleanable.dirty.ratio
      </text>
    </Picture>
  );
}
