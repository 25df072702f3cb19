"use client";

import { useId, useState } from "react";
import { matchesRule } from "@/lib/assessment/class-quiz";
import type { ClassQuizItem } from "@/lib/assessment/class-quiz-contracts";
import { TYPE_LABEL } from "./labels";
import { input } from "./type-fields";

/** A bank question as the builder lists it (no key: the prompt, where it lives and its tags). */
export interface BankOption {
  id: string;
  chapterSlug: string;
  type: string;
  concepts: string[];
  prompt: string;
  published: boolean;
}

export interface PickerProps {
  bank: BankOption[];
  chapters: { slug: string; label: string }[];
  concepts: string[];
  /** Question ids already in the quiz as fixed items. */
  chosen: ReadonlySet<string>;
  onAdd: (item: ClassQuizItem) => void;
}

const small = "block text-sm font-semibold";
const button = "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800";

function Select({ label, value, onChange, all, options }: { label: string; value: string; onChange: (v: string) => void; all: string; options: [string, string][] }) {
  return (
    <label className={small}>
      {label}
      <select className={input} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Picks fixed questions from the bank (filter by chapter, concept, type, text) or adds a random draw rule. */
export function QuizBuilderPicker({ bank, chapters, concepts, chosen, onAdd }: PickerProps) {
  const [f, setF] = useState({ chapter: "", concept: "", type: "", text: "" });
  const [count, setCount] = useState("1");
  const listId = useId();
  const chapterOptions = chapters.map((c) => [c.slug, c.label] as [string, string]);
  const conceptOptions = concepts.map((c) => [c, c] as [string, string]);
  const typeOptions = Object.entries(TYPE_LABEL);
  const rule = { chapterSlug: f.chapter || null, concept: f.concept || null, type: f.type || null };
  const text = f.text.trim().toLowerCase();
  const shown = bank.filter(
    (q) =>
      (!f.chapter || q.chapterSlug === f.chapter) &&
      (!f.concept || q.concepts.includes(f.concept)) &&
      (!f.type || q.type === f.type) &&
      (!text || q.prompt.toLowerCase().includes(text) || q.id.toLowerCase().includes(text)),
  );
  const drawable = bank.filter((q) => !chosen.has(q.id) && matchesRule(q, rule)).length;
  const n = Number(count);

  return (
    <section aria-labelledby={`${listId}-title`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
      <h2 id={`${listId}-title`} className="text-lg font-bold text-slate-900 dark:text-white">
        문제 은행에서 고르기
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-2" role="search" aria-label="문제 은행 거르기">
        <Select label="장" value={f.chapter} onChange={(v) => setF({ ...f, chapter: v })} all="모든 장" options={chapterOptions} />
        <Select label="개념" value={f.concept} onChange={(v) => setF({ ...f, concept: v })} all="모든 개념" options={conceptOptions} />
        <Select label="유형" value={f.type} onChange={(v) => setF({ ...f, type: v })} all="모든 유형" options={typeOptions} />
        <label className={small}>
          문제 검색
          <input className={input} type="search" value={f.text} onChange={(e) => setF({ ...f, text: e.target.value })} />
        </label>
      </div>
      <div className="mt-4 rounded-md bg-slate-50 p-3 dark:bg-slate-900">
        <p className="text-sm" aria-live="polite">
          이 조건으로 무작위로 뽑을 수 있는 게시된 문항: <strong>{drawable}개</strong>
        </p>
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <label className={small}>
            뽑을 문항 수
            <input className={`${input} w-24`} type="number" min={1} max={20} value={count} onChange={(e) => setCount(e.target.value)} />
          </label>
          <button
            type="button"
            className={button}
            disabled={!Number.isInteger(n) || n < 1 || n > 20}
            onClick={() => onAdd({ kind: "draw", ...rule, count: n })}
          >
            무작위 규칙 추가
          </button>
        </div>
      </div>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" role="status">
        {shown.length}개 문제
      </p>
      <ul className="mt-2 max-h-96 space-y-2 overflow-y-auto" aria-label="고를 수 있는 문제">
        {shown.slice(0, 200).map((q) => (
          <li key={q.id} className="flex items-start justify-between gap-3 rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
            <span>
              {q.prompt || q.id}
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                {chapters.find((c) => c.slug === q.chapterSlug)?.label ?? q.chapterSlug} · {TYPE_LABEL[q.type] ?? q.type} · {q.concepts.join(", ")}
                {q.published ? "" : " · 초안"}
              </span>
            </span>
            <button
              type="button"
              className={button}
              disabled={chosen.has(q.id)}
              aria-label={`고정 문항으로 추가: ${q.prompt.slice(0, 60) || q.id}`}
              onClick={() => onAdd({ kind: "fixed", questionId: q.id })}
            >
              {chosen.has(q.id) ? "추가됨" : "추가"}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
