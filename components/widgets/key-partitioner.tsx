"use client";

import { useId, useState } from "react";
import { widgetFrame } from "./widget-parts";
import { keyPartition, useKeyPartition } from "./use-kafka";

export interface KeyPartitionerProps {
  defaultKey?: string;
  defaultPartitions?: number;
}

const MAX_PARTITIONS = 12;
const MAX_SENT = 24;

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0"));

interface Sent {
  key: string;
  /** Partition when it was sent; compared with today's count to show keys that would move. */
  partitionAtSend: number;
  partitionsAtSend: number;
}

/**
 * Key → partition playground: the learner types a key, picks a partition count and sees the
 * partition Kafka's default partitioner picks (murmur2 over UTF-8 bytes, & 0x7fffffff, mod N).
 */
export function KeyPartitioner({ defaultKey = "order-42", defaultPartitions = 3 }: KeyPartitionerProps) {
  const ids = useId();
  const [key, setKey] = useState(defaultKey);
  const [partitions, setPartitions] = useState(clamp(defaultPartitions));
  const [sent, setSent] = useState<Sent[]>([]);
  const view = useKeyPartition(key, partitions);
  const hex = toHex(view.bytes);

  const send = () =>
    setSent((s) =>
      [...s.filter((x) => x.key !== key), { key, partitionAtSend: view.partition, partitionsAtSend: partitions }].slice(-MAX_SENT),
    );

  return (
    <section aria-labelledby={`${ids}-title`} className={widgetFrame}>
      <h3 id={`${ids}-title`} className="text-base font-bold text-slate-900 dark:text-white">
        실습: 키로 파티션 정하기 <span className="font-normal text-slate-600 dark:text-slate-400">(default partitioner)</span>
      </h3>
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
              onChange={(e) => setPartitions(clamp(Number(e.target.value)))}
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

      <ol
        className="mt-4 grid gap-2"
        style={{ gridTemplateColumns: `repeat(${Math.min(partitions, 4)}, minmax(0, 1fr))` }}
        aria-label="파티션별로 보낸 키"
      >
        {Array.from({ length: partitions }, (_, p) => {
          const here = sent.filter((s) => keyPartition(s.key, partitions).partition === p);
          return (
            <li
              key={p}
              className={`min-h-20 rounded-lg border-2 p-2 ${p === view.partition ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950" : "border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-950"}`}
            >
              <p className="text-xs font-bold text-slate-700 dark:text-slate-300">파티션 {p}</p>
              <ul className="mt-1 flex flex-wrap gap-1">
                {here.map((s) => {
                  const moved = s.partitionsAtSend !== partitions && s.partitionAtSend !== p;
                  return (
                    <li
                      key={s.key}
                      className={`rounded px-1.5 py-0.5 text-xs ${moved ? "bg-amber-200 text-amber-950" : "bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-100"}`}
                    >
                      {s.key === "" ? '""' : s.key}
                      {moved && <span className="sr-only"> (파티션 {s.partitionAtSend}에서 이동)</span>}
                      {moved && <span aria-hidden="true"> ←{s.partitionAtSend}</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
      {sent.some((s) => s.partitionsAtSend !== partitions) && (
        <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          노란 키는 보낼 때와 파티션 수가 달라져 다른 파티션으로 가게 된 키입니다. 파티션을 늘리면 같은 키의 순서 보장이 깨질 수 있습니다.
        </p>
      )}
    </section>
  );
}

function clamp(n: number): number {
  if (!Number.isFinite(n)) return 1;
  return Math.min(MAX_PARTITIONS, Math.max(1, Math.round(n)));
}
