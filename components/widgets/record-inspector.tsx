"use client";

import { useMemo, useState } from "react";
import {
  createRecordLab,
  inspectRecord,
  narrateRecordLab,
  recordOutcome,
  recordLayout,
  recordPrediction,
  stepRecordLab,
  BATCH_HEADER_BYTES,
  type LayoutBlock,
  type LayoutPart,
  type RecordLayout,
  type RecordLabEvent,
  type RecordLabState,
} from "@/lib/kafka/views/record";
import { Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { WidgetShell } from "./sim/widget-shell";
import { SimTable, secondaryButton } from "./widget-parts";

const recordSim: SimDefinition<RecordLabState, RecordLabEvent> = {
  mechanism: "record",
  eventTypes: ["text", "flag", "batch"],
  create: createRecordLab,
  step: stepRecordLab,
  tick: () => ({ type: "flag", field: "corrupt", on: false }),
  narrate: narrateRecordLab,
};

const hex = (bytes: Uint8Array, from: number, length: number) =>
  Array.from(bytes.subarray(from, from + length), (b) => b.toString(16).padStart(2, "0")).join(" ");

/**
 * Record batch inspector: the learner edits one record and sees Kafka's v2 batch bytes field by
 * field (61-byte header, varints, CRC-32C), and what a corrupted byte does to the CRC check.
 */
export function RecordInspector({ id = "record-inspector" }: { id?: string }) {
  const ids = id;
  const sim = useSimulation(recordSim, { widgetId: id });
  const { key, value, nullKey, withHeader, headerKey, headerValue, corrupt } = sim.state;
  const text = (field: "key" | "value" | "headerKey" | "headerValue") => (e: React.ChangeEvent<HTMLInputElement>) =>
    sim.dispatch({ type: "text", field, value: e.target.value });
  const flag = (field: "nullKey" | "withHeader" | "corrupt", on: boolean) => sim.dispatch({ type: "flag", field, on });
  const [selected, setSelected] = useState<string | null>("crc");
  const result = useMemo(() => inspectRecord(sim.state), [sim.state]);
  const fields = result.inspection?.fields ?? [];
  const chosen = fields.find((f) => f.path === selected) ?? null;
  const input =
    "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white";
  const label = "block text-sm font-medium text-slate-800 dark:text-slate-200";
  return (
    <WidgetShell widgetId={id} title="실습: 레코드 배치 바이트 들여다보기" subtitle="record batch v2, magic 2">
      <SimControls sim={sim} timeless />
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-key`} className={label}>
            키 (key)
          </label>
          <input id={`${ids}-key`} value={key} disabled={nullKey} onChange={text("key")} maxLength={100} className={input} />
          <label className="mt-1 flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={nullKey} onChange={(e) => flag("nullKey", e.target.checked)} /> 키 없음 (null)
          </label>
        </div>
        <div>
          <label htmlFor={`${ids}-value`} className={label}>
            값 (value)
          </label>
          <input id={`${ids}-value`} value={value} onChange={text("value")} maxLength={100} className={input} />
        </div>
        <div>
          <label htmlFor={`${ids}-hkey`} className={label}>
            헤더 이름
          </label>
          <input
            id={`${ids}-hkey`}
            value={headerKey}
            disabled={!withHeader}
            onChange={text("headerKey")}
            maxLength={40}
            className={input}
          />
          <label className="mt-1 flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={withHeader} onChange={(e) => flag("withHeader", e.target.checked)} /> 헤더 붙이기
          </label>
        </div>
        <div>
          <label htmlFor={`${ids}-hvalue`} className={label}>
            헤더 값
          </label>
          <input
            id={`${ids}-hvalue`}
            value={headerValue}
            disabled={!withHeader}
            onChange={text("headerValue")}
            maxLength={40}
            className={input}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => flag("corrupt", !corrupt)} aria-pressed={corrupt} className={secondaryButton}>
          {corrupt ? "망가뜨린 바이트 되돌리기" : "바이트 하나 망가뜨리기"}
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        data-testid="record-status"
        className={`mt-4 rounded-md p-3 text-sm ${result.decodeError ? "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200" : "bg-white text-slate-900 dark:bg-slate-950 dark:text-white"}`}
      >
        {result.error
          ? result.error.message
          : result.decodeError
            ? `${result.decodeError.kafkaError ?? result.decodeError.code}: ${result.decodeError.message}`
            : `배치 ${result.bytes.length}바이트 (헤더 61바이트 + 레코드 ${result.bytes.length - 61}바이트), CRC-32C 일치.`}
      </p>
      <RecordPicture layout={useMemo(() => recordLayout(sim.state), [sim.state])} selected={selected} />
      <Predict prediction={recordPrediction} outcome={recordOutcome(sim.state)} eventCount={sim.events.length} />
      <Narration lines={sim.narration} testId="record-narration" idle="필드를 바꾸면 바이트가 어떻게 달라지는지 보입니다." />
      <p className="mt-4 text-sm font-medium text-slate-800 dark:text-slate-200">
        바이트 ({chosen ? `${chosen.field} 강조` : "필드를 고르면 강조"})
      </p>
      <p className="mt-1 font-mono text-xs leading-6 break-all text-slate-700 dark:text-slate-300" data-testid="record-hex">
        {Array.from(result.bytes, (b, i) => {
          const on = chosen && i >= chosen.offset && i < chosen.offset + chosen.length;
          return (
            <span key={i} className={on ? "rounded bg-amber-200 px-0.5 text-amber-950" : "px-0.5"}>
              {b.toString(16).padStart(2, "0")}
            </span>
          );
        })}
      </p>
      <SimTable id={`${ids}-fields`} caption="필드별 바이트" columns={["필드", "위치", "바이트", "값"]} minWidth="36rem">
        {fields.map((f) => (
          <tr key={f.path} className={f.path === selected ? "bg-amber-50 dark:bg-amber-950" : undefined}>
            <th scope="row" className="py-1 pr-2 text-left font-mono text-xs font-semibold">
              <button
                type="button"
                onClick={() => setSelected(f.path)}
                aria-pressed={f.path === selected}
                className="underline decoration-dotted"
              >
                {f.path}
              </button>
              <span className="block font-sans font-normal text-slate-600 dark:text-slate-400">{f.descriptionKo}</span>
            </th>
            <td className="py-1 pr-2 font-mono text-xs">
              {f.offset}+{f.length}
            </td>
            <td className="py-1 pr-2 font-mono text-xs break-all">{hex(result.bytes, f.offset, f.length)}</td>
            <td className="py-1 text-xs break-all">{f.value === null ? "null" : String(f.value)}</td>
          </tr>
        ))}
      </SimTable>
    </WidgetShell>
  );
}

const X0 = 10;
const ROW_W = 600;
const ROW_H = 36;
const HEADER_Y = 30;
const RECORD_Y = 118;

const PART_CLASS: Record<LayoutPart, string> = {
  header: "fill-slate-200 stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400",
  crc: "fill-sky-200 stroke-sky-700 dark:fill-sky-900 dark:stroke-sky-300",
  record: "fill-slate-100 stroke-slate-500 dark:fill-slate-700 dark:stroke-slate-400",
  key: "fill-amber-200 stroke-amber-700 dark:fill-amber-800 dark:stroke-amber-300",
  value: "fill-emerald-200 stroke-emerald-700 dark:fill-emerald-800 dark:stroke-emerald-300",
  headers: "fill-violet-200 stroke-violet-700 dark:fill-violet-800 dark:stroke-violet-300",
};
const BAD = "fill-rose-300 stroke-rose-700 dark:fill-rose-800 dark:stroke-rose-300";

/**
 * The batch as two bands on one byte scale: the 61-byte header and the record after it, each field
 * a block as wide as its bytes. Typing a longer key widens the key block and slides the rest; a
 * header toggled off takes its blocks away; the bracket shows what the CRC-32C covers.
 */
function RecordPicture({ layout, selected }: { layout: RecordLayout; selected: string | null }) {
  const recordBytes = Math.max(0, layout.total - BATCH_HEADER_BYTES);
  const scale = ROW_W / Math.max(BATCH_HEADER_BYTES, recordBytes);
  const band = (blocks: LayoutBlock[], y: number, base: number) =>
    blocks.map((b) => {
      const x = X0 + (b.offset - base) * scale;
      const w = b.length * scale;
      const bad =
        layout.corruptAt !== null && (b.part === "crc" || (layout.corruptAt >= b.offset && layout.corruptAt < b.offset + b.length));
      const name = b.part === "headers" ? `h.${b.field}` : b.field;
      return (
        <g key={b.path} data-testid="layout-block" data-path={b.path} data-bytes={b.length}>
          <rect
            y={y}
            height={ROW_H}
            strokeWidth={b.path === selected ? 3 : 1}
            className={`${bad ? BAD : PART_CLASS[b.part]} motion-safe:transition-all motion-safe:duration-300`}
            // Geometry as attributes for every browser, and as CSS so that browsers which treat it
            // as CSS (Chromium) glide the block to its new place and size.
            x={x}
            width={w}
            style={{ x, width: w }}
          />
          {w >= name.length * 6.2 + 4 && (
            <g
              className="motion-safe:transition-transform motion-safe:duration-300"
              style={{ transform: `translate(${x + w / 2}px, 0px)` }}
            >
              <text y={y + 22} textAnchor="middle" className="fill-slate-950 font-mono text-[10px] dark:fill-white">
                {name}
              </text>
            </g>
          )}
        </g>
      );
    });
  const bracket = (from: number, to: number, y: number) => (
    <path
      d={`M${from} ${y - 6} V${y} H${to} V${y - 6}`}
      fill="none"
      strokeWidth={1.5}
      className={`${layout.crcOk ? "stroke-sky-700 dark:stroke-sky-300" : "stroke-rose-700 dark:stroke-rose-300"} motion-safe:transition-all`}
    />
  );
  return (
    <Picture title="레코드 배치 그림: 필드별 바이트 배치" description={layout.description} width={620} height={200} testId="record-picture">
      <text x={X0} y={22} className="fill-slate-700 text-[12px] dark:fill-slate-300">
        배치 헤더 {BATCH_HEADER_BYTES}바이트 (오프셋 0–{BATCH_HEADER_BYTES - 1})
      </text>
      {band(layout.header, HEADER_Y, 0)}
      {bracket(X0 + layout.crcFrom * scale, X0 + BATCH_HEADER_BYTES * scale, HEADER_Y + ROW_H + 10)}
      <text x={X0} y={RECORD_Y - 8} className="fill-slate-700 text-[12px] dark:fill-slate-300">
        레코드 {layout.recordCount}개 {recordBytes}바이트 (오프셋 {BATCH_HEADER_BYTES}–{layout.total - 1}) · 노랑 키, 초록 값, 보라 헤더
      </text>
      {band(layout.record, RECORD_Y, BATCH_HEADER_BYTES)}
      {bracket(X0, X0 + recordBytes * scale, RECORD_Y + ROW_H + 10)}
      <text
        x={X0}
        y={RECORD_Y + ROW_H + 26}
        className={`text-[11px] ${layout.crcOk ? "fill-sky-800 dark:fill-sky-300" : "fill-rose-800 dark:fill-rose-300"}`}
      >
        {layout.crcOk
          ? `CRC-32C가 덮는 범위: attributes(오프셋 ${layout.crcFrom})부터 끝까지 · 일치`
          : `오프셋 ${layout.corruptAt}의 바이트가 바뀌어 CRC-32C가 맞지 않습니다 (CORRUPT_MESSAGE)`}
      </text>
    </Picture>
  );
}
