"use client";

import { useId, useState } from "react";
import { formatSimTime } from "./format";
import { Stat, primaryButton, secondaryButton, selectClass, widgetFrame, StatusLine, SimTable } from "./widget-parts";
import { segmentViews, useRetentionSim, type RetentionState } from "./use-kafka";

const SEGMENT_BYTES = 600;
const CHECK_INTERVAL_MS = 30_000;
const RETENTION_MS_CHOICES = [
  { value: 60_000, label: "1분 (60000)" },
  { value: -1, label: "무제한 (-1)" },
];
const RETENTION_BYTES_CHOICES = [
  { value: -1, label: "무제한 (-1)" },
  { value: 1200, label: "1200바이트" },
];

/**
 * Segment & retention playground: one partition of `hello.kafka` with tiny segments, a simulated
 * clock and the broker's retention task, so the learner sees whole segments roll and disappear.
 */
export function SegmentRetention() {
  const ids = useId();
  const [retentionMs, setRetentionMs] = useState(60_000);
  const [retentionBytes, setRetentionBytes] = useState(-1);
  const select = selectClass;
  return (
    <section aria-labelledby={`${ids}-title`} className={widgetFrame}>
      <h3 id={`${ids}-title`} className="text-base font-bold text-slate-900 dark:text-white">
        실습: 세그먼트가 나뉘고 지워지는 과정 <span className="font-normal text-slate-600 dark:text-slate-400">(hello.kafka-0)</span>
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <code>segment.bytes</code>={SEGMENT_BYTES} (실습용으로 아주 작게), 보존 검사 주기 <code>log.retention.check.interval.ms</code>
        =30초(첫 검사는 시작 30초 뒤).
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-ms`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            retention.ms
          </label>
          <select id={`${ids}-ms`} value={retentionMs} onChange={(e) => setRetentionMs(Number(e.target.value))} className={select}>
            {RETENTION_MS_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-bytes`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            retention.bytes
          </label>
          <select id={`${ids}-bytes`} value={retentionBytes} onChange={(e) => setRetentionBytes(Number(e.target.value))} className={select}>
            {RETENTION_BYTES_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {/* New settings start a fresh partition: remounting resets the simulation. */}
      <Partition
        key={`${retentionMs}/${retentionBytes}`}
        retentionMs={retentionMs}
        retentionBytes={retentionBytes}
        tableId={`${ids}-segments`}
      />
    </section>
  );
}

function Partition({ retentionMs, retentionBytes, tableId }: { retentionMs: number; retentionBytes: number; tableId: string }) {
  const sim = useRetentionSim({ segmentBytes: SEGMENT_BYTES, retentionMs, retentionBytes, checkIntervalMs: CHECK_INTERVAL_MS });
  const { state } = sim;
  const log = state.log;
  const produce = () => sim.produce(`order-${log.logEndOffset}`, `{"item":"카프카 책","qty":${(log.logEndOffset % 3) + 1}}`);
  const button = secondaryButton;
  return (
    <div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={produce} className={primaryButton}>
          레코드 보내기
        </button>
        <button type="button" onClick={() => sim.advance(10_000)} className={button}>
          시간 +10초
        </button>
        <button type="button" onClick={() => sim.advance(60_000)} className={button}>
          시간 +1분
        </button>
        <button type="button" onClick={() => sim.fetchFrom(0, "earliest")} className={button}>
          컨슈머가 오프셋 0부터 읽기
        </button>
        <button type="button" onClick={sim.reset} className={button}>
          처음부터
        </button>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="retention-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(log.nowMs)} />
        <Stat label="다음 보존 검사" value={formatSimTime(state.nextCheckMs)} />
        <Stat label="log start offset" value={String(log.logStartOffset)} />
        <Stat label="log end offset (LEO)" value={String(log.logEndOffset)} />
        <Stat label="파티션 크기" value={`${segmentViews(state).reduce((n, v) => n + v.bytes, 0)}B`} />
      </dl>
      <StatusLine testId="retention-status">{describe(state)}</StatusLine>
      <SegmentTable state={state} tableId={tableId} />
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
    </div>
  );
}

function describe(state: RetentionState): string {
  if (state.lastError) return state.lastError.message;
  const f = state.lastFetch;
  if (f && f.brokerError) {
    return `${f.brokerError}: 오프셋 ${f.requestedOffset}은(는) 이미 삭제되었습니다 (log start offset ${state.log.logStartOffset}). auto.offset.reset=earliest에 따라 ${f.readFrom}부터 읽었습니다: 레코드 ${f.records.length}개.`;
  }
  if (f) return `오프셋 ${f.requestedOffset}부터 레코드 ${f.records.length}개를 읽었습니다. 읽어도 레코드는 지워지지 않습니다.`;
  const run = state.lastRun;
  if (run && run.deleted.length) {
    const reasons = [...new Set(run.deleted.map((d) => d.reason))].join(", ");
    const rolled = run.rolledEmptySegment ? " 모든 세그먼트가 대상이라 빈 세그먼트를 먼저 새로 만들었습니다." : "";
    return `${formatSimTime(run.atMs)} 보존 검사: 세그먼트 ${run.deleted.length}개 삭제 (${reasons}). log start offset ${run.logStartOffsetBefore} → ${run.logStartOffsetAfter}.${rolled}`;
  }
  if (run) return `${formatSimTime(run.atMs)} 보존 검사: 지울 세그먼트가 없습니다.`;
  if (state.log.lastRoll && state.log.lastRoll.reason !== "retention")
    return `세그먼트가 가득 차 새 세그먼트 ${state.log.lastRoll.baseOffset}번에서 쓰기 시작했습니다 (${state.log.lastRoll.reason}).`;
  return state.log.logEndOffset ? `레코드 ${state.log.logEndOffset}개를 썼습니다.` : "아직 레코드가 없습니다. 레코드를 보내 보세요.";
}

function SegmentTable({ state, tableId }: { state: RetentionState; tableId: string }) {
  const views = segmentViews(state);
  return (
    <SimTable
      id={tableId}
      caption="세그먼트 파일"
      columns={["파일", "오프셋", "크기", "가장 새 레코드 시각"]}
      minWidth="34rem"
      bodyClassName="text-slate-900 dark:text-slate-100"
    >
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
  );
}
