import type { Metadata } from "next";
import Link from "next/link";
import { ClassQuizRunner } from "@/components/quiz/class-quiz-runner";
import { attemptsLeft, feedbackVisible, NO_ATTEMPTS_LEFT, rulesText, windowMessage } from "@/lib/assessment/class-quiz";
import { GRADING_POLICY_LABEL, overallGrade } from "@/lib/assessment/exam-policy";
import { db } from "@/lib/db";
import { listOwnClassQuizAttempts } from "@/lib/db/class-quiz";
import { quizForLearner } from "./page-data";

export const metadata: Metadata = { title: "수업 퀴즈", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };
const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/** A class quiz opened from the instructor's link: its rules in Korean, the learner's attempts, and the runner. */
export default async function ClassQuizPage({ params }: Props) {
  const { code } = await params;
  const { quiz, user } = await quizForLearner(code, `/q/${code}`);
  const now = new Date();
  const own = await listOwnClassQuizAttempts(db, quiz.id, user.id);
  const grade = overallGrade(own, quiz.gradingPolicy);
  const blocked = windowMessage(quiz, now) ?? (attemptsLeft(quiz.maxAttempts, own.length) === 0 ? NO_ATTEMPTS_LEFT : null);
  const review = feedbackVisible(quiz, now);
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-sky-700 dark:text-sky-400">수업 퀴즈</p>
      <h1 className="mt-1 text-3xl font-bold text-slate-900 dark:text-white">{quiz.title}</h1>
      {quiz.description && <p className="mt-2 whitespace-pre-line text-slate-600 dark:text-slate-300">{quiz.description}</p>}
      <section aria-labelledby="rules-title" className="mt-6 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="rules-title" className="font-bold text-slate-900 dark:text-white">
          응시 규칙
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="class-quiz-rules">
          {rulesText({ ...quiz, attemptsUsed: own.length }).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      {own.length > 0 && (
        <section aria-labelledby="own-title" className="mt-6">
          <h2 id="own-title" className="text-lg font-bold text-slate-900 dark:text-white">
            내 응시 ({GRADING_POLICY_LABEL[quiz.gradingPolicy]} 성적 {grade === null ? "—" : pct(grade)})
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {own.map((a) => (
              <li key={a.id}>
                {a.attemptNo}번째 · {a.score} / {a.maxScore}점 · {a.submittedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                {review && (
                  <>
                    {" · "}
                    <Link href={`/q/${quiz.code}/attempts/${a.id}`} className="text-sky-700 underline dark:text-sky-400">
                      채점 보기
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <ClassQuizRunner code={quiz.code} blocked={blocked} />
    </div>
  );
}
