"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { GradedQuestion, PublicQuiz } from "@/lib/quiz/contracts";
import { useSession } from "../auth/session-provider";
import { EssaySelfAssessment } from "./essay-self-assessment";
import { QuestionView, type AnswerValue } from "./question-view";

type Answer = AnswerValue;

/** What the attempts route returns today (its grade plus whether it was saved). */
interface GradeResponse {
  attemptId: string;
  score: number;
  maxScore: number;
  saved: boolean;
  results: GradedQuestion[];
}

/** A chapter quiz: answers are graded on the server, which only then reveals keys and explanations. */
export function QuizForm({ quiz }: { quiz: PublicQuiz }) {
  const session = useSession();
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [result, setResult] = useState<GradeResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const startedAt = useRef<string | null>(null);
  const idempotencyKey = useRef<string | null>(null);

  const set = (id: string, value: Answer | undefined) => {
    startedAt.current ??= new Date().toISOString();
    setAnswers((a) => {
      const next = { ...a };
      if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) delete next[id];
      else next[id] = value;
      return next;
    });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setError(null);
    idempotencyKey.current ??= crypto.randomUUID();
    try {
      const res = await fetch(`/api/quizzes/${quiz.id}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          answers,
          idempotencyKey: idempotencyKey.current,
          startedAt: startedAt.current ?? undefined,
          ...(quiz.attemptSeed !== undefined ? { attemptSeed: quiz.attemptSeed } : {}),
        }),
      });
      const data = await res.json();
      if (!res.ok) setError(data.error ?? "채점하지 못했습니다. 잠시 후 다시 시도해 주세요.");
      else setResult(data as GradeResponse);
    } catch {
      setError("서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 제출해 주세요. 입력한 답은 그대로 있습니다.");
    } finally {
      setPending(false);
    }
  };

  const retry = () => {
    setResult(null);
    setAnswers({});
    startedAt.current = null;
    idempotencyKey.current = null;
  };

  const byId = new Map(result?.results.map((r) => [r.questionId, r]));
  const answeredCount = Object.keys(answers).length;

  return (
    <section aria-labelledby="quiz-title" className="not-prose mt-12 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-700">
      <h2 id="quiz-title" className="text-xl font-bold text-slate-900 dark:text-white">
        {quiz.title}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {quiz.questions.length}문항 · 제출하면 서버에서 채점하고 해설을 보여 줍니다.
        {session.status === "signed-out" && (
          <>
            {" "}
            <Link href="/login" className="text-sky-700 underline dark:text-sky-400">
              로그인
            </Link>
            하면 점수가 내 학습에 기록됩니다.
          </>
        )}
      </p>
      <form onSubmit={submit} className="mt-6 space-y-8">
        {quiz.questions.map((q, i) => {
          const graded = byId.get(q.id);
          // A saved attempt's essay is rated against the model answer once shown (an anonymous attempt has no owner to rate it).
          const rate = result?.saved && graded?.type === "essay" && graded.pending && graded.answered && graded.correctAnswer !== undefined;
          return (
            <div key={q.id} className="space-y-3">
              <QuestionView index={i} question={q} value={answers[q.id]} onChange={(v) => set(q.id, v)} graded={graded} />
              {rate && (
                <EssaySelfAssessment
                  target={{ target: "response", attemptId: result.attemptId, questionId: q.id }}
                  onRated={(r) => setResult((cur) => (cur && r.attemptScore !== null ? { ...cur, score: r.attemptScore } : cur))}
                />
              )}
            </div>
          );
        })}
        {error && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {error}
          </p>
        )}
        {result ? (
          <div className="flex flex-wrap items-center gap-3">
            <p role="status" className="text-lg font-bold text-slate-900 dark:text-white" data-testid="quiz-score">
              점수: {formatScore(result.score)} / {result.maxScore}
            </p>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {result.saved ? "내 학습에 기록했습니다." : "로그인하지 않아 기록되지 않았습니다."}
            </span>
            <button
              type="button"
              onClick={retry}
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold dark:border-slate-600"
            >
              다시 풀기
            </button>
          </div>
        ) : (
          <div className="flex items-center gap-3">
            <button
              type="submit"
              disabled={pending}
              className="rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
            >
              {pending ? "채점 중…" : "제출"}
            </button>
            <span className="text-sm text-slate-600 dark:text-slate-400">
              {answeredCount} / {quiz.questions.length} 문항 답함
            </span>
          </div>
        )}
      </form>
    </section>
  );
}

function formatScore(n: number) {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, "");
}
