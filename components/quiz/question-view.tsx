"use client";

import { useState } from "react";
import { CBM_MARKS, type Confidence } from "@/lib/quiz/cbm";
import type { GradedQuestion, PublicQuestion } from "@/lib/quiz/contracts";
import { AnswerFeedback } from "./answer-feedback";
import { SafeMarkdown } from "./safe-markdown";

/** A learner's answer as the form holds it (the shapes `checkSubmission` accepts). */
export type AnswerValue =
  | string
  | string[]
  | boolean
  | number
  | Record<string, string>
  | { text: string; selfAssessment?: 0 | 0.5 | 1 }
  | { seed: number; choice: string | string[] };

export interface QuestionViewProps {
  /** The question as the learner sees it (public shape: no key). */
  question: PublicQuestion;
  /** 0-based position, shown as "1." etc. */
  index?: number;
  /** Controlled value; when absent the view keeps its own (the instructor's live preview). */
  value?: AnswerValue;
  onChange?: (value: AnswerValue | undefined) => void;
  /** The graded result, once submitted: locks the inputs and shows feedback. */
  graded?: GradedQuestion;
  /** Certainty-based marking: ask for a confidence 1–3 beside the answer. */
  confidence?: Confidence;
  onConfidenceChange?: (c: Confidence) => void;
}

const inputClass = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
const choiceClass = (on: boolean) =>
  `flex cursor-pointer items-start gap-3 rounded-md border p-3 ${on ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`;

/**
 * One question for a learner, every type; the same component is the instructor's live preview.
 * Given a graded result it shows the verdict, key, feedback and explanation.
 */
export function QuestionView(props: QuestionViewProps) {
  const [own, setOwn] = useState<AnswerValue | undefined>(undefined);
  const controlled = props.onChange !== undefined;
  const value = controlled ? props.value : own;
  const onChange = controlled ? props.onChange! : setOwn;
  const { question: q, index = 0, graded } = props;
  const n = index + 1;
  return (
    <fieldset className="space-y-3" disabled={Boolean(graded)} data-question-type={q.type}>
      <legend className="font-semibold text-slate-900 dark:text-white">
        <span className="mr-1 text-sky-700 dark:text-sky-400">{n}.</span>
        {q.type === "simulation" && q.lead && (
          <span className="mr-1 font-normal">
            <SafeMarkdown inline text={q.lead} />
          </span>
        )}
        <SafeMarkdown inline text={q.prompt} />
        {(q.type === "multiple" || (q.type === "simulation" && q.multiple)) && (
          <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">(모두 고르세요)</span>
        )}
      </legend>
      <Inputs q={q} n={n} value={value} onChange={onChange} />
      {props.onConfidenceChange && (
        <ConfidencePicker name={`q-${q.id}-confidence`} value={props.confidence} onChange={props.onConfidenceChange} />
      )}
      {graded && <AnswerFeedback question={q} graded={graded} />}
    </fieldset>
  );
}

interface InputProps {
  q: PublicQuestion;
  n: number;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
}

function Inputs({ q, n, value, onChange }: InputProps) {
  const name = `q-${q.id}`;
  switch (q.type) {
    case "single":
    case "multiple":
      return <Choices name={name} options={q.options} multiple={q.type === "multiple"} value={value as string | string[] | undefined} onChange={onChange} />;
    case "true-false":
      return (
        <div className="flex gap-3">
          {[
            { v: true, label: "참 (O)" },
            { v: false, label: "거짓 (X)" },
          ].map(({ v, label }) => (
            <label key={label} className={choiceClass(value === v)}>
              <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
              {label}
            </label>
          ))}
        </div>
      );
    case "short-answer":
      return (
        <input
          aria-label={`${n}번 답`}
          className={`${inputClass} w-full max-w-md`}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          maxLength={500}
          autoComplete="off"
        />
      );
    case "numeric":
      return (
        <input
          aria-label={`${n}번 답 (숫자)`}
          type="number"
          inputMode="decimal"
          step="any"
          className={`${inputClass} w-40`}
          value={typeof value === "number" ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
        />
      );
    case "matching": {
      const picked = (value ?? {}) as Record<string, string>;
      return (
        <div className="space-y-2">
          {q.items.map((item) => (
            <label key={item.id} className="flex flex-wrap items-center gap-3">
              <span className="min-w-40 text-slate-800 dark:text-slate-200">
                <SafeMarkdown inline text={item.prompt} />
              </span>
              <select
                className={inputClass}
                value={picked[item.id] ?? ""}
                onChange={(e) => {
                  const next = { ...picked };
                  if (e.target.value === "") delete next[item.id];
                  else next[item.id] = e.target.value;
                  onChange(Object.keys(next).length ? next : undefined);
                }}
              >
                <option value="">— 고르세요 —</option>
                {q.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      );
    }
    case "ordering":
      return <Ordering q={q} n={n} value={value as string[] | undefined} onChange={onChange} />;
    case "essay": {
      const essay = (value ?? { text: "" }) as { text: string };
      return (
        <textarea
          aria-label={`${n}번 서술형 답`}
          className={`${inputClass} min-h-32 w-full`}
          value={essay.text}
          maxLength={5000}
          onChange={(e) => onChange(e.target.value === "" ? undefined : { text: e.target.value })}
        />
      );
    }
    case "simulation": {
      const sim = value as { seed: number; choice: string | string[] } | undefined;
      return (
        <div className="space-y-3">
          <section aria-label="시나리오" className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
            <p className="font-semibold text-slate-900 dark:text-white">시나리오 #{q.seed}</p>
            <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-slate-700 dark:text-slate-300">
              {q.summary.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ol>
          </section>
          <Choices
            name={name}
            options={q.choices}
            multiple={q.multiple}
            value={sim?.choice}
            onChange={(c) => onChange(c === undefined ? undefined : { seed: q.seed, choice: c as string | string[] })}
          />
        </div>
      );
    }
  }
}

function Choices(props: {
  name: string;
  options: { id: string; text: string }[];
  multiple: boolean;
  value: string | string[] | undefined;
  onChange: (v: string | string[] | undefined) => void;
}) {
  const { name, options, multiple, value, onChange } = props;
  return (
    <div className="space-y-2">
      {options.map((o) => {
        const checked = multiple ? Array.isArray(value) && value.includes(o.id) : value === o.id;
        return (
          <label key={o.id} className={choiceClass(checked)}>
            <input
              type={multiple ? "checkbox" : "radio"}
              name={name}
              value={o.id}
              checked={checked}
              onChange={(e) => {
                if (!multiple) return onChange(o.id);
                const cur = Array.isArray(value) ? value : [];
                const next = e.target.checked ? [...cur, o.id] : cur.filter((x) => x !== o.id);
                onChange(next.length ? next : undefined);
              }}
              className="mt-1"
            />
            <span className="text-slate-800 dark:text-slate-200">
              <SafeMarkdown inline text={o.text} />
            </span>
          </label>
        );
      })}
    </div>
  );
}

function Ordering({ q, n, value, onChange }: { q: Extract<PublicQuestion, { type: "ordering" }>; n: number; value: string[] | undefined; onChange: (v: string[]) => void }) {
  const order = value ?? q.items.map((i) => i.id);
  const text = new Map(q.items.map((i) => [i.id, i.text]));
  const move = (at: number, by: -1 | 1) => {
    const next = [...order];
    [next[at], next[at + by]] = [next[at + by], next[at]];
    onChange(next);
  };
  return (
    <div>
      <p className="text-sm text-slate-600 dark:text-slate-400">위로·아래로 버튼으로 순서를 바꾸세요.</p>
      <ol aria-label={`${n}번 순서`} className="mt-2 space-y-2">
        {order.map((id, i) => (
          <li key={id} className="flex items-center gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
            <span className="w-6 text-right font-mono text-sm text-slate-500">{i + 1}</span>
            <span className="flex-1 text-slate-800 dark:text-slate-200">
              <SafeMarkdown inline text={text.get(id) ?? id} />
            </span>
            <button type="button" className="rounded border px-2 py-1 text-sm disabled:opacity-40" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${text.get(id)} 위로`}>
              위로
            </button>
            <button type="button" className="rounded border px-2 py-1 text-sm disabled:opacity-40" disabled={i === order.length - 1} onClick={() => move(i, 1)} aria-label={`${text.get(id)} 아래로`}>
              아래로
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function ConfidencePicker({ name, value, onChange }: { name: string; value?: Confidence; onChange: (c: Confidence) => void }) {
  return (
    <div role="radiogroup" aria-label="확신도" className="flex flex-wrap gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">확신도:</span>
      {([1, 2, 3] as const).map((c) => (
        <label key={c} className="flex items-center gap-1">
          <input type="radio" name={name} checked={value === c} onChange={() => onChange(c)} />
          {CBM_MARKS[c].label}
        </label>
      ))}
    </div>
  );
}
