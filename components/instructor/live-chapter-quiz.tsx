"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { QuizForm } from "@/components/quiz/quiz-form";
import type { PublicQuiz } from "@/lib/quiz/public";
import { ReportProblem } from "./report-problem";

const noSubscription = () => () => {};
/** False while React renders the server's HTML or hydrates it, true once this part runs in the browser. */
function useLive() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * The chapter quiz island: the prerendered page carries the quiz as it was at build time, and this
 * fetches the bank's current published questions (public shape only) so an instructor's change
 * appears without making the lesson page dynamic (ADR 0018). It is loaded lazily by
 * `ChapterQuizIsland` (ADR 0027): until it has hydrated its controls are disabled, so nothing a
 * learner ticks in the prerendered HTML is lost when React takes over.
 */
export function LiveChapterQuiz({ slug, initial }: { slug: string; initial: PublicQuiz | null }) {
  const [quiz, setQuiz] = useState<PublicQuiz | null>(initial);
  const live = useLive();
  useEffect(() => {
    let live = true;
    fetch(`/api/quizzes/${slug}`)
      .then((r) => (r.ok ? (r.json() as Promise<PublicQuiz>) : r.status === 404 ? null : undefined))
      .then((q) => {
        if (live && q !== undefined) setQuiz(q);
      })
      .catch(() => {
        // Offline or server busy: keep the build-time quiz.
      });
    return () => {
      live = false;
    };
  }, [slug]);
  if (!quiz) return null;
  // Keyed by the question list so a changed quiz starts with fresh answers.
  return (
    // role="none": a wrapper to disable every control at once, not a group of its own.
    <fieldset role="none" disabled={!live} className="min-w-0">
      <QuizForm key={quiz.questions.map((q) => q.id).join(",")} quiz={quiz} />
      <p className="mt-2 text-right">
        <ReportProblem
          chapterSlug={slug}
          questions={quiz.questions.map((q, i) => ({ id: q.id, label: `${i + 1}. ${q.prompt.slice(0, 40)}` }))}
        />
      </p>
    </fieldset>
  );
}
