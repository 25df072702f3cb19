"use client";

import { useState } from "react";
import type { SelfAssessResponse } from "@/lib/api/self-assessment-contracts";
import type { AnswerResponse, MasteryChange } from "@/lib/assessment/api-schema";
import type { Confidence } from "@/lib/quiz/cbm";
import type { PublicQuestion } from "@/lib/quiz/contracts";
import { AnswerFeedback } from "../quiz/answer-feedback";
import { EssaySelfAssessment } from "../quiz/essay-self-assessment";
import { QuestionView, type AnswerValue } from "../quiz/question-view";

interface Props {
  q: PublicQuestion;
  index: number;
  source: "practice" | "review";
  chapterLabel?: string;
}

/**
 * One question answered on its own: immediate feedback from the server, the explanation after the
 * first try and, in practice, one more try before the key is shown. Confidence is optional.
 */
export function PracticeCard({ q, index, source, chapterLabel }: Props) {
  const [value, setValue] = useState<AnswerValue | undefined>(undefined);
  const [confidence, setConfidence] = useState<Confidence | undefined>(undefined);
  const [first, setFirst] = useState<AnswerResponse | null>(null);
  const [final, setFinal] = useState<AnswerResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [rated, setRated] = useState<SelfAssessResponse | null>(null);
  const retrying = Boolean(first?.canRetry && !final);

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

  const recorded = final?.recorded ? final : first;
  const changed = withRating(recorded?.mastery ?? [], rated).filter((m) => m.before !== m.after);
  // An essay's model answer shows once it is recorded; the learner then rates their answer against it.
  const essayAnswerId = final?.graded.type === "essay" && final.graded.pending && final.answerId ? final.answerId : null;
  return (
    <form onSubmit={submit} className="rounded-xl border border-slate-200 p-4 sm:p-5 dark:border-slate-700" data-testid={`card-${q.id}`}>
      {chapterLabel && <p className="mb-1 text-sm text-slate-600 dark:text-slate-400">{chapterLabel}</p>}
      <QuestionView
        question={q}
        index={index}
        value={value}
        onChange={setValue}
        graded={final?.graded}
        confidence={confidence}
        onConfidenceChange={first ? undefined : setConfidence}
      />
      {essayAnswerId && (
        <div className="mt-3">
          <EssaySelfAssessment target={{ target: "log", id: essayAnswerId }} onRated={setRated} />
        </div>
      )}
      {retrying && first && (
        <div className="mt-3 space-y-2" data-testid={`retry-${q.id}`}>
          <AnswerFeedback question={q} graded={first.graded} />
          <p className="text-sm text-slate-800 dark:text-slate-200">해설을 읽고 한 번 더 풀어 보세요.</p>
        </div>
      )}
      {changed.length > 0 && (
        <p className="mt-2 text-sm text-slate-800 dark:text-slate-200" data-testid="mastery-change">
          숙련도: {changed.map((m) => `${m.concept} ${m.before} → ${m.after}`).join(", ")}
        </p>
      )}
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      {!final && (
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

/** Mastery before the answer and after the learner's latest self-assessment of it. */
function withRating(answered: MasteryChange[], rated: SelfAssessResponse | null): MasteryChange[] {
  if (!rated) return answered;
  const after = new Map(rated.mastery.map((m) => [m.concept, m.after]));
  return answered.map((m) => ({ ...m, after: after.get(m.concept) ?? m.after }));
}
