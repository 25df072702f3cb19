"use client";

import { useState } from "react";
import type { AnswerResponse } from "@/lib/assessment/api-schema";
import type { Confidence } from "@/lib/assessment/review-schedule";
import type { PublicQuestion } from "@/lib/quiz/public";
import { InlineText } from "../quiz/inline-text";
import { AnswerInput, type AnswerValue } from "./answer-input";
import { describeKey } from "./describe-key";

const CONFIDENCE: { v: Confidence; text: string }[] = [
  { v: 1, text: "잘 모르겠음" },
  { v: 2, text: "어느 정도" },
  { v: 3, text: "확실함" },
];

interface Props {
  q: PublicQuestion;
  index: number;
  source: "practice" | "review";
  chapterLabel?: string;
}

/**
 * One question answered on its own: immediate feedback from the server, the explanation after the
 * first try and, in practice, one more try before the key is shown.
 */
export function PracticeCard({ q, index, source, chapterLabel }: Props) {
  const [value, setValue] = useState<AnswerValue | undefined>(undefined);
  const [confidence, setConfidence] = useState<Confidence | undefined>(undefined);
  const [first, setFirst] = useState<AnswerResponse | null>(null);
  const [final, setFinal] = useState<AnswerResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const label = `${index + 1}번 답`;
  const retrying = first?.canRetry && !final;
  const done = Boolean(final);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (value === undefined) return setError("답을 고르거나 입력해 주세요.");
    setPending(true);
    setError(null);
    try {
      const res = await fetch("/api/review/answers", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ questionId: q.id, answer: value, source, confidence, retry: Boolean(first) }),
      });
      const data = await res.json();
      if (!res.ok) return setError(data.error ?? "채점하지 못했습니다. 다시 시도해 주세요.");
      const r = data as AnswerResponse;
      if (!first) {
        setFirst(r);
        if (!r.canRetry) setFinal(r);
      } else setFinal(r);
    } catch {
      setError("서버에 연결하지 못했습니다. 입력한 답은 그대로 있습니다.");
    } finally {
      setPending(false);
    }
  };

  const shown = final ?? first;
  return (
    <form onSubmit={submit} className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700" data-testid={`card-${q.id}`}>
      <fieldset className="space-y-3" disabled={done || pending}>
        <legend className="font-semibold text-slate-900 dark:text-white">
          <span className="mr-1 text-sky-700 dark:text-sky-400">{index + 1}.</span>
          {chapterLabel && <span className="mr-2 text-sm font-normal text-slate-600 dark:text-slate-400">[{chapterLabel}]</span>}
          <InlineText text={q.prompt} />
          {q.type === "multiple" && <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">(모두 고르세요)</span>}
        </legend>
        <AnswerInput q={q} label={label} value={value} onChange={setValue} />
        {!first && (
          <div className="flex flex-wrap items-center gap-2 text-sm" role="radiogroup" aria-label={`${index + 1}번 확신도 (선택)`}>
            <span className="text-slate-600 dark:text-slate-400">확신도(선택):</span>
            {CONFIDENCE.map((c) => (
              <label key={c.v} className="flex items-center gap-1">
                <input type="radio" name={`confidence-${q.id}`} checked={confidence === c.v} onChange={() => setConfidence(c.v)} />
                {c.text}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      {shown && <Feedback q={q} r={shown} retrying={Boolean(retrying)} />}
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {!done && (
        <button
          type="submit"
          disabled={pending}
          className="mt-4 rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? "채점 중…" : retrying ? "다시 제출" : "답 확인"}
        </button>
      )}
    </form>
  );
}

function Feedback({ q, r, retrying }: { q: PublicQuestion; r: AnswerResponse; retrying: boolean }) {
  const verdict = r.correct ? "정답" : r.score > 0 ? "부분 정답" : "오답";
  const tone = r.correct
    ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/60"
    : "border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/60";
  const changed = r.mastery.filter((m) => m.before !== m.after);
  return (
    <div role="status" className={`mt-4 rounded-md border p-3 text-sm ${tone}`} data-testid={`feedback-${q.id}`}>
      <p className="font-semibold text-slate-900 dark:text-white">
        {verdict}
        {r.correctAnswer !== undefined && !r.correct && (
          <span className="font-normal">
            {" "}
            · 정답: <InlineText text={describeKey(q, r.correctAnswer)} />
          </span>
        )}
      </p>
      {retrying && <p className="mt-1 text-slate-800 dark:text-slate-200">해설을 읽고 한 번 더 풀어 보세요.</p>}
      <p className="mt-1 text-slate-800 dark:text-slate-200">
        <InlineText text={r.explanation} />
      </p>
      {r.recorded && changed.length > 0 && (
        <p className="mt-2 text-slate-800 dark:text-slate-200" data-testid="mastery-change">
          숙련도: {changed.map((m) => `${m.concept} ${m.before} → ${m.after}`).join(", ")}
        </p>
      )}
      {r.recorded && r.nextDue && <p className="mt-1 text-slate-600 dark:text-slate-400">다음 복습: {formatDue(r.nextDue)}</p>}
    </div>
  );
}

function formatDue(iso: string): string {
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60_000);
  if (minutes < 60) return "오늘 다시 (곧)";
  if (minutes < 24 * 60) return `약 ${Math.round(minutes / 60)}시간 뒤`;
  return `${Math.round(minutes / (24 * 60))}일 뒤`;
}
