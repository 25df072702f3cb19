"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { ClassQuizStartResponse, ClassQuizSubmitResponse } from "@/lib/assessment/class-quiz-contracts";
import { AttemptQuestions, countdown, postJson, useDeadline } from "../assessment/timed-attempt";
import { EssaySelfAssessment } from "./essay-self-assessment";
import { QuestionView, type AnswerValue } from "./question-view";

export interface ClassQuizRunnerProps {
  code: string;
  /** Why the learner cannot start now (closed, no attempts left), or null when they can. */
  blocked: string | null;
}

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** A class quiz in the browser: start an attempt, answer, submit once; the graded result follows as the quiz allows. */
export function ClassQuizRunner({ code, blocked }: ClassQuizRunnerProps) {
  const router = useRouter();
  const [attempt, setAttempt] = useState<ClassQuizStartResponse | null>(null);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [result, setResult] = useState<ClassQuizSubmitResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const sent = useRef(false);

  const start = async () => {
    setPending(true);
    setError(null);
    const r = await postJson<ClassQuizStartResponse>(`/api/q/${code}/start`, {});
    setPending(false);
    if (!r.ok) return setError(r.error);
    sent.current = false;
    setResult(null);
    setAnswers({});
    setAttempt(r.data);
  };

  const submit = useCallback(async () => {
    if (!attempt || sent.current) return;
    sent.current = true;
    setPending(true);
    setError(null);
    const r = await postJson<ClassQuizSubmitResponse>(`/api/q/${code}/submit`, { token: attempt.token, answers });
    setPending(false);
    if (!r.ok) {
      sent.current = false;
      return setError(r.error);
    }
    setAttempt(null);
    setResult(r.data);
    router.refresh();
  }, [attempt, answers, code, router]);
  const left = useDeadline(attempt?.deadline, submit);

  const alert = error && (
    <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
      {error}
    </p>
  );

  if (attempt) {
    return (
      <form
        className="mt-8 space-y-8"
        aria-label={`${attempt.attemptNo}번째 응시`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p role="timer" aria-live="off" className="sticky top-16 z-10 rounded-md bg-slate-100 px-3 py-2 text-sm font-semibold dark:bg-slate-800">
          {attempt.attemptNo}번째 응시 · {Object.keys(answers).length} / {attempt.questions.length} 문항 답함
          {left !== null && ` · 남은 시간 ${countdown(left)}`}
        </p>
        <AttemptQuestions questions={attempt.questions} answers={answers} onAnswers={setAnswers} />
        {alert}
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
          {pending ? "채점 중…" : "답안 제출"}
        </button>
      </form>
    );
  }

  const canStart = result ? result.attemptsLeft !== 0 && !blocked : !blocked;
  return (
    <div className="mt-8 space-y-6">
      {result && (
        <section aria-labelledby="result-title" className="rounded-xl border border-slate-200 p-5 dark:border-slate-700" aria-live="polite">
          <h2 id="result-title" className="text-xl font-bold text-slate-900 dark:text-white" data-testid="class-quiz-score">
            {result.attemptNo}번째 응시 결과: {result.score} / {result.maxScore}점
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
            지금 성적 {pct(result.grade)} · {result.attemptsLeft === null ? "응시 횟수 제한 없음" : `남은 응시 ${result.attemptsLeft}번`}
          </p>
          {result.feedbackShown ? (
            <ol className="mt-4 space-y-6">
              {result.questions.map((q, i) => (
                <li key={q.id} className="space-y-3">
                  <QuestionView question={q} index={i} value={answers[q.id]} onChange={() => {}} graded={result.results[i]} />
                  {result.results[i]?.type === "essay" && result.results[i].pending && result.results[i].answered && result.results[i].correctAnswer !== undefined && (
                    <EssaySelfAssessment
                      target={{ target: "response", attemptId: result.attemptId, questionId: q.id }}
                      onRated={(r) => {
                        setResult((cur) => (cur && r.attemptScore !== null ? { ...cur, score: r.attemptScore } : cur));
                        router.refresh();
                      }}
                    />
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-3 text-sm">정답과 해설은 퀴즈가 마감된 뒤에 이 페이지에서 볼 수 있습니다.</p>
          )}
        </section>
      )}
      {blocked && !result && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {blocked}
        </p>
      )}
      {result?.attemptsLeft === 0 && <p role="status">응시 횟수를 모두 사용했습니다.</p>}
      {alert}
      {canStart && (
        <button type="button" onClick={start} disabled={pending} className="rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
          {pending ? "문항을 준비하는 중…" : result ? "다시 응시하기" : "응시 시작"}
        </button>
      )}
    </div>
  );
}
