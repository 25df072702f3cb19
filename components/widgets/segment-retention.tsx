"use client";

import { createRetentionState, stepRetention, type RetentionEvent, type RetentionState } from "@/lib/kafka/retention";
import { describeRetention, retentionOutcome, retentionPrediction, segmentViews, type SegmentView } from "@/lib/kafka/views/segments";
import { LAB_SEGMENT_BYTES, retentionLabInit, retentionLabSettings } from "@/lib/kafka/views/lab-setup";
import { formatSimTime } from "./format";
import { FlyIn, Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { must, WidgetShell } from "./sim/widget-shell";
import { Stat, primaryButton, secondaryButton, selectClass, SimTable } from "./widget-parts";

const RETENTION_MS_CHOICES = [
  { value: 60_000, label: "1분 (60000)" },
  { value: -1, label: "무제한 (-1)" },
  { value: 3_600_000, label: "1시간 (3600000)" },
  { value: 7_200_000, label: "2시간 (7200000)" },
  { value: 10_800_000, label: "3시간 (10800000)" },
];
const RETENTION_BYTES_CHOICES = [
  { value: -1, label: "무제한 (-1)" },
  { value: 1200, label: "1200바이트" },
];

const retentionSim: SimDefinition<RetentionState, RetentionEvent> = {
  mechanism: "retention",
  eventTypes: ["append", "tick", "fetch", "roll", "runRetention"],
  create: (profile, seed, settings) => must(createRetentionState(retentionLabInit(profile, seed, settings))),
  step: stepRetention,
  tick: (s, ms) => ({ type: "tick", nowMs: s.log.nowMs + ms }),
  narrate: (_before, after) => describeRetention(after),
};

/**
 * Segment & retention playground: one partition of `hello.kafka` with tiny segments, a simulated
 * clock and the broker's retention task, so the learner sees whole segments roll and disappear.
 */
export function SegmentRetention({ id = "segment-retention" }: { id?: string }) {
  const sim = useSimulation(retentionSim, { widgetId: id, tickMs: 10_000 });
  const { state } = sim;
  const log = state.log;
  const settings = retentionLabSettings(sim.settings);
  const views = segmentViews(state);
  const produce = () =>
    sim.dispatch({
      type: "append",
      records: [
        { key: `order-${log.logEndOffset}`, value: `{"item":"카프카 책","qty":${(log.logEndOffset % 3) + 1}}`, timestamp: log.nowMs },
      ],
    });
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 세그먼트가 나뉘고 지워지는 과정"
      subtitle="hello.kafka-0"
      lead={
        <>
          <code>segment.bytes</code>={settings.segmentBytes}
          {settings.segmentBytes === LAB_SEGMENT_BYTES ? " (실습용으로 아주 작게, 실제 4.x는 최소 1 MiB)" : ""}, 보존 검사 주기{" "}
          <code>log.retention.check.interval.ms</code>
          =30초(첫 검사는 시작 30초 뒤).
        </>
      }
    >
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-ms`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            retention.ms
          </label>
          <select
            id={`${id}-ms`}
            value={settings.retentionMs}
            onChange={(e) => sim.configure({ ...settings, retentionMs: Number(e.target.value) })}
            className={selectClass}
          >
            {RETENTION_MS_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-bytes`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            retention.bytes
          </label>
          <select
            id={`${id}-bytes`}
            value={settings.retentionBytes}
            onChange={(e) => sim.configure({ ...settings, retentionBytes: Number(e.target.value) })}
            className={selectClass}
          >
            {RETENTION_BYTES_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SimControls sim={sim} />
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" onClick={produce} className={primaryButton}>
          레코드 보내기
        </button>
        <button type="button" onClick={() => sim.step(10_000)} className={secondaryButton}>
          시간 +10초
        </button>
        <button type="button" onClick={() => sim.step(60_000)} className={secondaryButton}>
          시간 +1분
        </button>
        <button
          type="button"
          onClick={() => sim.dispatch({ type: "fetch", offset: 0, autoOffsetReset: "earliest", maxRecords: 3 })}
          className={secondaryButton}
        >
          컨슈머가 오프셋 0부터 읽기
        </button>
      </div>
      <Predict prediction={retentionPrediction} outcome={retentionOutcome(state)} eventCount={sim.events.length} />
      <SegmentPicture views={views} leo={log.logEndOffset} segmentBytes={settings.segmentBytes} />
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="retention-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(log.nowMs)} />
        <Stat label="다음 보존 검사" value={formatSimTime(state.nextCheckMs)} />
        <Stat label="log start offset" value={String(log.logStartOffset)} />
        <Stat label="log end offset (LEO)" value={String(log.logEndOffset)} />
        <Stat label="파티션 크기" value={`${views.reduce((n, v) => n + v.bytes, 0)}B`} />
      </dl>
      <Narration lines={sim.narration} testId="retention-status" idle={describeRetention(state)} />
      <SimTable id={`${id}-segments`} caption="세그먼트 파일" columns={["파일", "오프셋", "크기", "가장 새 레코드 시각"]} minWidth="34rem">
        {views.map((v) => (
          <tr key={v.baseOffset} className={v.active ? "bg-sky-100 dark:bg-sky-950" : undefined}>
            <th scope="row" className="py-1 pr-2 font-mono text-xs font-semibold">
              {v.fileName}
              {v.active && <span className="ml-1 font-sans font-normal text-sky-800 dark:text-sky-300">(액티브)</span>}
            </th>
            <td className="py-1 pr-2 font-mono">{v.records ? `${v.baseOffset}–${v.lastOffset}` : "(비어 있음)"}</td>
            <td className="py-1 pr-2 font-mono">{v.bytes}B</td>
            <td className="py-1">{v.newestTimestampMs === null ? "-" : formatSimTime(v.newestTimestampMs)}</td>
          </tr>
        ))}
      </SimTable>
      {log.pendingDeletes.length > 0 && (
        <div className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          <p className="font-medium">삭제 예정 파일 (file.delete.delay.ms 뒤 실제 삭제)</p>
          <ul className="mt-1 flex flex-wrap gap-1 font-mono text-xs">
            {log.pendingDeletes
              .filter((d) => d.file.includes(".log"))
              .map((d) => (
                <li
                  key={d.file}
                  className="rounded bg-rose-100 px-1.5 py-0.5 text-rose-900 line-through dark:bg-rose-950 dark:text-rose-200"
                >
                  {d.file}
                </li>
              ))}
          </ul>
        </div>
      )}
    </WidgetShell>
  );
}

/** Segments as boxes along the partition; each new record flies into the active segment. */
function SegmentPicture({ views, leo, segmentBytes }: { views: SegmentView[]; leo: number; segmentBytes: number }) {
  const shown = views.slice(-5);
  const w = 110;
  const activeX = 20 + (shown.length - 1) * (w + 10);
  return (
    <Picture title="세그먼트 그림: 파티션의 세그먼트 파일과 새 레코드" width={620} height={130} testId="segment-picture">
      <text x={20} y={18} className="fill-slate-700 text-[12px] dark:fill-slate-300">
        오래된 세그먼트 ← → 액티브 세그먼트 (새 레코드는 끝에 붙습니다)
      </text>
      {shown.map((v, i) => (
        <Moving key={v.baseOffset} x={20 + i * (w + 10)} y={30}>
          <rect
            width={w}
            height={60}
            rx={6}
            strokeWidth={1.5}
            className={
              v.active
                ? "fill-sky-100 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400"
                : "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500"
            }
          />
          <rect
            x={6}
            y={40}
            width={Math.max(0, Math.min(1, v.bytes / segmentBytes)) * (w - 12)}
            height={10}
            rx={3}
            className="fill-sky-600 dark:fill-sky-400"
          />
          <text x={w / 2} y={18} textAnchor="middle" className="fill-slate-900 font-mono text-[11px] dark:fill-slate-100">
            …{String(v.baseOffset).padStart(4, "0")}.log
          </text>
          <text x={w / 2} y={33} textAnchor="middle" className="fill-slate-600 text-[10px] dark:fill-slate-400">
            {v.records ? `${v.baseOffset}–${v.lastOffset}` : "비어 있음"}
          </text>
        </Moving>
      ))}
      {leo > 0 && (
        <FlyIn key={leo} from={[activeX + w / 2, 124]} to={[activeX + w / 2, 60]}>
          <circle r={6} className="fill-amber-500 dark:fill-amber-400" />
        </FlyIn>
      )}
    </Picture>
  );
}
