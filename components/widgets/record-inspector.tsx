"use client";

import { useId, useState } from "react";
import { useRecordInspection } from "./use-kafka";
import { SimTable, secondaryButton, widgetFrame } from "./widget-parts";

const hex = (bytes: Uint8Array, from: number, length: number) =>
  Array.from(bytes.subarray(from, from + length), (b) => b.toString(16).padStart(2, "0")).join(" ");

/**
 * Record batch inspector: the learner edits one record and sees Kafka's v2 batch bytes field by
 * field (61-byte header, varints, CRC-32C), and what a corrupted byte does to the CRC check.
 */
export function RecordInspector() {
  const ids = useId();
  const [nullKey, setNullKey] = useState(false);
  const [key, setKey] = useState("order-42");
  const [value, setValue] = useState("카프카");
  const [withHeader, setWithHeader] = useState(true);
  const [headerKey, setHeaderKey] = useState("trace-id");
  const [headerValue, setHeaderValue] = useState("abc");
  const [corrupt, setCorrupt] = useState(false);
  const [selected, setSelected] = useState<string | null>("crc");
  const result = useRecordInspection({
    key: nullKey ? null : key,
    value,
    header: withHeader ? { key: headerKey, value: headerValue } : null,
    corrupt,
  });
  const fields = result.inspection?.fields ?? [];
  const chosen = fields.find((f) => f.path === selected) ?? null;
  const input =
    "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white";
  const label = "block text-sm font-medium text-slate-800 dark:text-slate-200";
  return (
    <section aria-labelledby={`${ids}-title`} className={widgetFrame}>
      <h3 id={`${ids}-title`} className="text-base font-bold text-slate-900 dark:text-white">
        실습: 레코드 배치 바이트 들여다보기{" "}
        <span className="font-normal text-slate-600 dark:text-slate-400">(record batch v2, magic 2)</span>
      </h3>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-key`} className={label}>
            키 (key)
          </label>
          <input
            id={`${ids}-key`}
            value={key}
            disabled={nullKey}
            onChange={(e) => setKey(e.target.value)}
            maxLength={100}
            className={input}
          />
          <label className="mt-1 flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={nullKey} onChange={(e) => setNullKey(e.target.checked)} /> 키 없음 (null)
          </label>
        </div>
        <div>
          <label htmlFor={`${ids}-value`} className={label}>
            값 (value)
          </label>
          <input id={`${ids}-value`} value={value} onChange={(e) => setValue(e.target.value)} maxLength={100} className={input} />
        </div>
        <div>
          <label htmlFor={`${ids}-hkey`} className={label}>
            헤더 이름
          </label>
          <input
            id={`${ids}-hkey`}
            value={headerKey}
            disabled={!withHeader}
            onChange={(e) => setHeaderKey(e.target.value)}
            maxLength={40}
            className={input}
          />
          <label className="mt-1 flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={withHeader} onChange={(e) => setWithHeader(e.target.checked)} /> 헤더 붙이기
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
            onChange={(e) => setHeaderValue(e.target.value)}
            maxLength={40}
            className={input}
          />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => setCorrupt((c) => !c)} aria-pressed={corrupt} className={secondaryButton}>
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
    </section>
  );
}
