"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ExamStartResponse, ExamSubmitResponse } from "@/lib/assessment/api-schema";
import { QuestionView, type AnswerValue } from "../quiz/question-view";

const LIMITS = [
  { v: null, text: "제한 없음" },
  { v: 10, text: "10분" },
  { v: 20, text: "20분" },
  { v: 30, text: "30분" },
] as const;

async function post<T>(url: string, body: unknown): Promise<{ ok: true; data: T } | { ok: false; error: string }> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json();
    return res.ok ? { ok: true, data: data as T } : { ok: false, error: data.error ?? "요청을 처리하지 못했습니다." };
  } catch {
    return { ok: false, error: "서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요." };
  }
}

/** The course exam in the browser: start, answer everything, submit once; feedback comes on the results page. */
export function ExamRunner() {
  const router = useRouter();
  const [limit, setLimit] = useState<number | null>(null);
  const [exam, setExam] = useState<ExamStartResponse | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const submitted = useRef(false);

  const start = async () => {
    setPending(true);
    setError(null);
    const r = await post<ExamStartResponse>("/api/exam", { timeLimitMinutes: limit });
    setPending(false);
    if (!r.ok) return setError(r.error);
    setNow(Date.now());
    setExam(r.data);
    setAnswers({});
  };

  const submit = useCallback(async () => {
    if (!exam || submitted.current) return;
    submitted.current = true;
    setPending(true);
    setError(null);
    const r = await post<ExamSubmitResponse>("/api/exam/submit", { token: exam.token, answers });
    if (r.ok) return router.push(`/results/${r.data.attemptId}`);
    submitted.current = false;
    setPending(false);
    setError(r.error);
  }, [exam, answers, router]);

  // The latest submit for the timer, which outlives renders.
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  }, [submit]);

  useEffect(() => {
    if (!exam?.deadline) return;
    const deadline = Date.parse(exam.deadline);
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      // The server refuses late submissions; sending at the deadline keeps what was answered.
      if (t >= deadline) {
        clearInterval(id);
        void submitRef.current();
      }
    }, 1000);
    return () => clearInterval(id);
  }, [exam]);

  const left = exam?.deadline ? Math.max(0, Math.round((Date.parse(exam.deadline) - now) / 1000)) : null;

  if (!exam)
    return (
      <div className="mt-8 rounded-xl border border-slate-200 p-5 dark:border-slate-700">
        <fieldset>
          <legend className="font-semibold text-slate-900 dark:text-white">제한 시간</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {LIMITS.map((l) => (
              <label key={l.text} className="flex items-center gap-2">
                <input type="radio" name="time-limit" checked={limit === l.v} onChange={() => setLimit(l.v)} />
                {l.text}
              </label>
            ))}
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
            {error}
          </p>
        )}
        <button
          type="button"
          onClick={start}
          disabled={pending}
          className="mt-4 rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? "문항을 고르는 중…" : "시험 시작"}
        </button>
      </div>
    );

  const answered = Object.keys(answers).length;
  return (
    <form
      className="mt-8 space-y-8"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p role="timer" aria-live="off" className="sticky top-16 z-10 rounded-md bg-slate-100 px-3 py-2 text-sm font-semibold dark:bg-slate-800">
        {answered} / {exam.questions.length} 문항 답함
        {left !== null && ` · 남은 시간 ${Math.floor(left / 60)}분 ${String(left % 60).padStart(2, "0")}초`}
      </p>
      {exam.questions.map((q, i) => (
        <QuestionView
          key={q.id}
          question={q}
          index={i}
          value={answers[q.id]}
          onChange={(v) =>
            setAnswers((a) => {
              const next = { ...a };
              if (v === undefined) delete next[q.id];
              else next[q.id] = v;
              return next;
            })
          }
        />
      ))}
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
        {pending ? "채점 중…" : "답안 제출"}
      </button>
    </form>
  );
}
