import type { Metadata } from "next";
import Link from "next/link";
import { MasterySection } from "@/components/assessment/mastery-section";
import { PracticeCard } from "@/components/assessment/practice-card";
import { masteryByConcept } from "@/lib/assessment/mastery";
import { pageLearner } from "@/lib/assessment/page-learner";
import { loadQuestionPool } from "@/lib/assessment/question-pool";
import { learnerKey } from "@/lib/assessment/learner";
import { dueCards } from "@/lib/assessment/review-queue";
import { freshReviewSeed } from "@/lib/assessment/review-schedule";
import { answerHistory, lastScenarioSeeds } from "@/lib/assessment/store";
import { seedForAttempt } from "@/lib/quiz/simulation";
import { toPublicQuestion } from "@/lib/quiz/public";

export const metadata: Metadata = { title: "오늘의 복습" };
export const dynamic = "force-dynamic";

/** 오늘의 복습: the questions FSRS says are due now, and the learner's mastery per concept. */
export default async function ReviewPage() {
  const learner = await pageLearner();
  const now = new Date();
  const [cards, pool, history] = learner
    ? await Promise.all([dueCards(learner, now), loadQuestionPool(), answerHistory(learner)])
    : [[], [], []];
  const byId = new Map(pool.map((e) => [e.question.id, e]));
  const simulations = cards.filter((c) => byId.get(c.questionId)?.question.type === "simulation").map((c) => c.questionId);
  const lastSeeds = learner ? await lastScenarioSeeds(learner, simulations) : new Map<string, number>();
  const due = cards.flatMap((c) => {
    const e = byId.get(c.questionId);
    if (!e || !learner) return [];
    // A simulation question comes back as a new scenario after every answer, never the one last answered.
    const q = e.question;
    const attemptSeed = freshReviewSeed(learnerKey(learner), c.questionId, c.reps, {
      scenarioOf: (s) => (q.type === "simulation" ? seedForAttempt(q, s, q.id) : s),
      avoid: lastSeeds.get(c.questionId) ?? null,
    });
    return [{ ...e, pub: toPublicQuestion(q, { attemptSeed, chapterSlug: e.chapterSlug }) }];
  });
  const levels = [...masteryByConcept(history)].sort((a, b) => a[0].localeCompare(b[0]));
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">오늘의 복습</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        틀린 문항은 곧 다시, 맞힌 문항은 점점 더 긴 간격을 두고 돌아옵니다(FSRS 간격 반복). 오늘 복습할 문항{" "}
        <strong data-testid="due-count">{due.length}</strong>개.
      </p>
      {due.length === 0 ? (
        <p className="mt-8 rounded-xl border border-slate-200 p-5 dark:border-slate-700">
          지금 복습할 문항이 없습니다.{" "}
          <Link href="/#chapters" className="text-sky-700 underline dark:text-sky-400">
            장을 골라 연습
          </Link>
          하거나{" "}
          <Link href="/exam" className="text-sky-700 underline dark:text-sky-400">
            종합 평가
          </Link>
          에 도전해 보세요.
        </p>
      ) : (
        <div className="mt-8 space-y-6">
          {due.map((e, i) => (
            <PracticeCard key={e.question.id} q={e.pub} index={i} source="review" chapterLabel={`${e.chapterOrder}장`} />
          ))}
        </div>
      )}
      <MasterySection levels={levels} />
    </div>
  );
}
