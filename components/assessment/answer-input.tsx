"use client";

import type { PublicQuestion } from "@/lib/quiz/public";
import { InlineText } from "../quiz/inline-text";

/** A learner's answer as the graders take it. */
export type AnswerValue = string | string[] | boolean | number;

const choice = (on: boolean) =>
  `flex cursor-pointer items-start gap-3 rounded-md border p-3 ${on ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`;
const field = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";

interface Props {
  q: PublicQuestion;
  label: string;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
  disabled?: boolean;
}

/** The answer control for one question (choices, true/false, text or number). */
export function AnswerInput({ q, label, value, onChange, disabled }: Props) {
  const name = `answer-${q.id}`;
  if (q.type === "single" || q.type === "multiple")
    return (
      <div className="space-y-2">
        {q.options.map((o) => {
          const on = q.type === "single" ? value === o.id : Array.isArray(value) && value.includes(o.id);
          return (
            <label key={o.id} className={choice(on)}>
              <input
                type={q.type === "single" ? "radio" : "checkbox"}
                name={name}
                checked={on}
                disabled={disabled}
                onChange={(e) => {
                  if (q.type === "single") return onChange(o.id);
                  const cur = Array.isArray(value) ? value : [];
                  const next = e.target.checked ? [...cur, o.id] : cur.filter((x) => x !== o.id);
                  onChange(next.length ? next : undefined);
                }}
                className="mt-1"
              />
              <span>
                <InlineText text={o.text} />
              </span>
            </label>
          );
        })}
      </div>
    );
  if (q.type === "true-false")
    return (
      <div className="flex gap-3">
        {[
          { v: true, text: "참 (O)" },
          { v: false, text: "거짓 (X)" },
        ].map(({ v, text }) => (
          <label key={text} className={choice(value === v)}>
            <input type="radio" name={name} checked={value === v} disabled={disabled} onChange={() => onChange(v)} />
            {text}
          </label>
        ))}
      </div>
    );
  if (q.type === "numeric")
    return (
      <input
        aria-label={`${label} (숫자)`}
        type="number"
        inputMode="decimal"
        step="any"
        disabled={disabled}
        className={`${field} w-40`}
        value={typeof value === "number" ? value : ""}
        onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
      />
    );
  return (
    <input
      aria-label={label}
      disabled={disabled}
      className={`${field} w-full max-w-md`}
      value={typeof value === "string" ? value : ""}
      onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
      maxLength={500}
      autoComplete="off"
    />
  );
}
