"use client";

import { useState } from "react";
import {
  SELF_ASSESSMENT_HINT,
  SELF_ASSESSMENT_LABEL,
  SELF_ASSESSMENT_LEVELS,
  selfAssessmentText,
  type SelfAssessRequest,
  type SelfAssessResponse,
  type SelfAssessmentLevel,
} from "@/lib/api/self-assessment-contracts";

/** Which stored answer is rated: a practice, review or exam answer by id, a quiz essay by attempt and question. */
export type SelfAssessTarget = { target: "log"; id: string } | { target: "response"; attemptId: string; questionId: string };

export interface EssaySelfAssessmentProps {
  target: SelfAssessTarget;
  /** The mark already recorded, if any. */
  initial?: number | null;
  /** Called with the server's answer once a mark is recorded (new score, attempt total, mastery). */
  onRated?: (r: SelfAssessResponse) => void;
}

const button = (on: boolean) =>
  `flex-1 rounded-md border px-3 py-2 text-left text-sm disabled:opacity-60 ${
    on
      ? "border-sky-700 bg-sky-700 font-semibold text-white dark:border-sky-400 dark:bg-sky-800"
      : "border-slate-300 bg-white text-slate-900 hover:border-sky-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
  }`;

/**
 * After an essay is submitted and its model answer shown: the learner rates their own answer
 * against it (부족함 / 일부 맞음 / 충분함), which the server records as the answer's score until an
 * instructor grades it. Rating again replaces the mark.
 */
export function EssaySelfAssessment({ target, initial = null, onRated }: EssaySelfAssessmentProps) {
  const [chosen, setChosen] = useState<number | null>(initial);
  const [pending, setPending] = useState<SelfAssessmentLevel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const rate = async (level: SelfAssessmentLevel) => {
    setPending(level);
    setError(null);
    const body: SelfAssessRequest = { ...target, selfAssessment: level };
    try {
      const res = await fetch("/api/review/self-assessment", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await res.json().catch(() => ({}));
      if (!res.ok) return setError((data as { error?: string }).error ?? "스스로 채점을 기록하지 못했습니다. 다시 시도해 주세요.");
      const r = data as SelfAssessResponse;
      setChosen(r.selfAssessment);
      setSaved(true);
      onRated?.(r);
    } catch {
      setError("서버에 연결하지 못했습니다. 잠시 후 다시 골라 주세요.");
    } finally {
      setPending(null);
    }
  };

  return (
    <section aria-label="스스로 채점" className="space-y-2 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700" data-testid="self-assessment">
      <p className="font-semibold text-slate-900 dark:text-white">모범 답안과 비교해 내 답을 스스로 채점하세요</p>
      <div role="group" aria-label="스스로 채점 점수" className="flex flex-col gap-2 sm:flex-row">
        {SELF_ASSESSMENT_LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            aria-pressed={chosen === level}
            disabled={pending !== null}
            onClick={() => void rate(level)}
            className={button(chosen === level)}
          >
            <span className="block">
              {SELF_ASSESSMENT_LABEL[level]} ({level}점)
            </span>
            <span className="block text-xs font-normal opacity-80">{SELF_ASSESSMENT_HINT[level]}</span>
          </button>
        ))}
      </div>
      <p role="status" className="text-slate-700 dark:text-slate-300" data-testid="self-assessment-status">
        {pending !== null
          ? "기록하는 중…"
          : chosen === null
            ? "고른 점수가 이 답의 점수가 됩니다. 강사가 채점하면 강사 점수로 바뀝니다."
            : `스스로 채점: ${selfAssessmentText(chosen)}${saved ? "을 기록했습니다" : ""} · 강사 채점 대기`}
      </p>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
    </section>
  );
}
