"use client";

import { useState } from "react";
import type { ApiError } from "@/lib/api/contracts";
import {
  ESSAY_MAX_SCORE,
  gradeEssayRequestSchema,
  gradeLine,
  type EssayGradeDto,
  type EssayTarget,
  type GradeEssayResponse,
} from "@/lib/api/grading-contracts";

interface Props {
  target: EssayTarget;
  id: string;
  /** The answer's marks so far, newest first (empty while it awaits one). */
  grades: readonly EssayGradeDto[];
  /** The score it carries until an instructor marks it (the learner's self-assessment). */
  provisionalScore: number;
}

type Field = "score" | "comment";

/** Field of a Korean message from the shared contract or the server (errors show next to that field). */
function fieldOf(message: string, path?: PropertyKey[]): Field | "form" {
  if (path?.[0] === "score" || path?.[0] === "comment") return path[0];
  if (/점수/.test(message)) return "score";
  if (/의견/.test(message)) return "comment";
  return "form";
}

/**
 * An essay answer's grading state (강사 채점 and the trail of earlier marks) and the form for a mark
 * (0..1, partial allowed) with an optional comment. A saved mark shows here at once; the entry stays
 * on the page until the instructor reloads the queue, so the confirmation is not lost with it.
 */
export function EssayGradeForm({ target, id, grades: initial, provisionalScore }: Props) {
  const [grades, setGrades] = useState(initial);
  const [current, ...trail] = grades;
  const [score, setScore] = useState(current ? String(current.score) : "");
  const [comment, setComment] = useState(current?.comment ?? "");
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const base = `grade-${id}`;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const body = { target, id, score: score.trim() === "" ? Number.NaN : Number(score), comment: comment.trim() || undefined };
    const checked = gradeEssayRequestSchema.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const message = /[가-힣]/.test(issue.message) ? issue.message : `점수는 0에서 ${ESSAY_MAX_SCORE} 사이의 숫자여야 합니다.`;
      return setErrors({ [fieldOf(message, issue.path)]: message });
    }
    setErrors({});
    setPending(true);
    try {
      const res = await fetch("/api/instructor/grading", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(checked.data),
      });
      const data = (await res.json().catch(() => null)) as GradeEssayResponse | ApiError | null;
      if (!res.ok || !data || "error" in data) {
        const message = (data && "error" in data && data.error) || `저장하지 못했습니다 (서버 응답 ${res.status}). 다시 시도해 주세요.`;
        return setErrors({ [fieldOf(message)]: message });
      }
      setGrades((g) => [data.grade, ...g]);
      setSaved(`${data.grade.score}점으로 저장했습니다.`);
    } catch {
      setErrors({ form: "서버에 연결하지 못했습니다. 입력한 점수와 의견은 그대로 있습니다." });
    } finally {
      setPending(false);
    }
  };

  const input =
    "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white";
  const fieldError = (f: Field) =>
    errors[f] && (
      <p id={`${base}-${f}-error`} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
        {errors[f]}
      </p>
    );
  return (
    <>
      <p className="mt-3 text-sm font-semibold text-slate-900 dark:text-white" data-testid="grade-state">
        {current ? `강사 채점: ${gradeLine(current)}` : `채점 대기 (지금 점수 ${provisionalScore}점은 스스로 채점)`}
      </p>
      {current?.comment && <p className="mt-1 text-sm whitespace-pre-wrap text-slate-700 dark:text-slate-300">의견: {current.comment}</p>}
      {trail.length > 0 && (
        <details className="mt-2 text-sm">
          <summary>이전 채점 {trail.length}건</summary>
          <ul className="mt-1 list-disc pl-5">
            {trail.map((g, i) => (
              <li key={`${g.gradedAt}-${i}`}>
                {gradeLine(g)}
                {g.comment ? ` · ${g.comment}` : ""}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form onSubmit={submit} noValidate className="mt-3 space-y-3 rounded-lg bg-slate-50 p-3 dark:bg-slate-900" aria-label="강사 채점">
        <div>
          <label htmlFor={`${base}-score`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            점수 (0~{ESSAY_MAX_SCORE}점, 부분 점수 가능)
          </label>
          <input
            id={`${base}-score`}
            type="number"
            inputMode="decimal"
            min={0}
            max={ESSAY_MAX_SCORE}
            step={0.05}
            value={score}
            onChange={(e) => setScore(e.target.value)}
            aria-invalid={Boolean(errors.score)}
            aria-describedby={errors.score ? `${base}-score-error` : undefined}
            className={`${input} max-w-32`}
          />
          {fieldError("score")}
        </div>
        <div>
          <label htmlFor={`${base}-comment`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            의견 (선택)
          </label>
          <textarea
            id={`${base}-comment`}
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={Boolean(errors.comment)}
            aria-describedby={errors.comment ? `${base}-comment-error` : undefined}
            className={input}
          />
          {fieldError("comment")}
        </div>
        {errors.form && (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {errors.form}
          </p>
        )}
        <p aria-live="polite" className="text-sm text-emerald-800 dark:text-emerald-300">
          {saved}
        </p>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {pending ? "저장하는 중…" : current ? "다시 채점" : "채점 저장"}
        </button>
      </form>
    </>
  );
}
