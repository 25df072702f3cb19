"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import type { PublicQuestion, PublicQuiz } from "@/lib/quiz/public";
import { useSession } from "../auth/session-provider";
import { InlineText } from "./inline-text";

type Answer = string | string[] | boolean | number;

interface Graded {
  questionId: string;
  correct: boolean;
  score: number;
  answered: boolean;
  correctAnswer: unknown;
  explanation: string;
}
interface GradeResponse {
  score: number;
  maxScore: number;
  saved: boolean;
  results: Graded[];
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
        body: JSON.stringify({ answers, idempotencyKey: idempotencyKey.current, startedAt: startedAt.current ?? undefined }),
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
        {quiz.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            index={i}
            q={q}
            value={answers[q.id]}
            onChange={(v) => set(q.id, v)}
            graded={byId.get(q.id)}
            quiz={quiz}
          />
        ))}
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

interface FieldProps {
  q: PublicQuestion;
  index: number;
  value: Answer | undefined;
  onChange: (v: Answer | undefined) => void;
  graded?: Graded;
  quiz: PublicQuiz;
}

function QuestionField({ q, index, value, onChange, graded }: FieldProps) {
  const name = `q-${q.id}`;
  const locked = Boolean(graded);
  const inputClass = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";
  return (
    <fieldset className="space-y-3" disabled={locked}>
      <legend className="font-semibold text-slate-900 dark:text-white">
        <span className="mr-1 text-sky-700 dark:text-sky-400">{index + 1}.</span>
        <InlineText text={q.prompt} />
        {q.type === "multiple" && <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">(모두 고르세요)</span>}
      </legend>
      {(q.type === "single" || q.type === "multiple") && (
        <div className="space-y-2">
          {q.options.map((o) => {
            const checked = q.type === "single" ? value === o.id : Array.isArray(value) && value.includes(o.id);
            return (
              <label
                key={o.id}
                className={`flex cursor-pointer items-start gap-3 rounded-md border p-3 ${checked ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`}
              >
                <input
                  type={q.type === "single" ? "radio" : "checkbox"}
                  name={name}
                  value={o.id}
                  checked={checked}
                  onChange={(e) => {
                    if (q.type === "single") onChange(o.id);
                    else {
                      const cur = Array.isArray(value) ? value : [];
                      onChange(e.target.checked ? [...cur, o.id] : cur.filter((x) => x !== o.id));
                    }
                  }}
                  className="mt-1"
                />
                <span className="text-slate-800 dark:text-slate-200">
                  <InlineText text={o.text} />
                </span>
              </label>
            );
          })}
        </div>
      )}
      {q.type === "true-false" && (
        <div className="flex gap-3">
          {[
            { v: true, label: "참 (O)" },
            { v: false, label: "거짓 (X)" },
          ].map(({ v, label }) => (
            <label
              key={label}
              className={`flex cursor-pointer items-center gap-2 rounded-md border px-4 py-2 ${value === v ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950" : "border-slate-200 dark:border-slate-700"}`}
            >
              <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} />
              {label}
            </label>
          ))}
        </div>
      )}
      {q.type === "short-answer" && (
        <input
          aria-label={`${index + 1}번 답`}
          className={`${inputClass} w-full max-w-md`}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          maxLength={500}
          autoComplete="off"
        />
      )}
      {q.type === "numeric" && (
        <input
          aria-label={`${index + 1}번 답 (숫자)`}
          type="number"
          inputMode="decimal"
          step="any"
          className={`${inputClass} w-40`}
          value={typeof value === "number" ? value : ""}
          onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
        />
      )}
      {graded && <Feedback q={q} graded={graded} />}
    </fieldset>
  );
}

function describeAnswer(q: PublicQuestion, key: unknown): string {
  if (q.type === "single" || q.type === "multiple") {
    const ids = Array.isArray(key) ? key : [key];
    return ids.map((id) => q.options.find((o) => o.id === id)?.text ?? String(id)).join(", ");
  }
  if (q.type === "true-false") return key ? "참" : "거짓";
  if (q.type === "short-answer") return Array.isArray(key) ? String(key[0]) : String(key);
  const k = key as { value: number; tolerance: number };
  return k.tolerance ? `${k.value} (±${k.tolerance})` : String(k.value);
}

function Feedback({ q, graded }: { q: PublicQuestion; graded: Graded }) {
  const tone = graded.correct
    ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/60"
    : "border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/60";
  const verdict = graded.correct ? "정답" : !graded.answered ? "답하지 않음" : graded.score > 0 ? "부분 정답" : "오답";
  return (
    <div className={`rounded-md border p-3 text-sm ${tone}`} data-testid={`feedback-${q.id}`}>
      <p className="font-semibold text-slate-900 dark:text-white">
        {verdict}
        {!graded.correct && (
          <span className="font-normal">
            {" "}
            · 정답: <InlineText text={describeAnswer(q, graded.correctAnswer)} />
          </span>
        )}
      </p>
      <p className="mt-1 text-slate-800 dark:text-slate-200">
        <InlineText text={graded.explanation} />
      </p>
    </div>
  );
}
