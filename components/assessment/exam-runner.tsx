"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { ExamStartResponse, ExamSubmitResponse } from "@/lib/assessment/api-schema";
import type { AnswerValue } from "../quiz/question-view";
import { AttemptQuestions, countdown, postJson as post, useDeadline } from "./timed-attempt";

const LIMITS = [
  { v: null, text: "제한 없음" },
  { v: 10, text: "10분" },
  { v: 20, text: "20분" },
  { v: 30, text: "30분" },
] as const;

/** The course exam in the browser: start, answer everything, submit once; feedback comes on the results page. */
export function ExamRunner() {
  const router = useRouter();
  const [limit, setLimit] = useState<number | null>(null);
  const [exam, setExam] = useState<ExamStartResponse | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submitted = useRef(false);

  const start = async () => {
    setPending(true);
    setError(null);
    const r = await post<ExamStartResponse>("/api/exam", { timeLimitMinutes: limit });
    setPending(false);
    if (!r.ok) return setError(r.error);
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

  const left = useDeadline(exam?.deadline, submit);

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
        {left !== null && ` · 남은 시간 ${countdown(left)}`}
      </p>
      <AttemptQuestions questions={exam.questions} answers={answers} onAnswers={setAnswers} />
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
