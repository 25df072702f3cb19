import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubmittedAnswer } from "@/components/assessment/submitted-answer";
import { feedbackVisible } from "@/lib/assessment/class-quiz";
import { loadQuestionVersions } from "@/lib/assessment/store";
import { db } from "@/lib/db";
import { getOwnClassQuizAttempt } from "@/lib/db/class-quiz";
import { currentGradesOfResponses } from "@/lib/db/grading";
import { questionSchema } from "@/lib/quiz/schema";
import { quizForLearner } from "../../page-data";

export const metadata: Metadata = { title: "수업 퀴즈 채점", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string; attemptId: string }> };

/** One submitted class-quiz attempt, only to the learner who took it and only once the quiz shows feedback. */
export default async function ClassQuizAttemptPage({ params }: Props) {
  const { code, attemptId } = await params;
  const { quiz, user } = await quizForLearner(code, `/q/${code}/attempts/${attemptId}`);
  const attempt = attemptId.length <= 64 ? await getOwnClassQuizAttempt(db, quiz.id, user.id, attemptId) : null;
  if (!attempt) notFound();
  const shown = feedbackVisible(quiz, new Date());
  const order = JSON.parse(attempt.questionVersionIds) as string[];
  const [versions, marks] = await Promise.all([
    loadQuestionVersions(order),
    currentGradesOfResponses(attempt.attempt.responses.map((r) => r.id)),
  ]);
  const responseOf = new Map(attempt.attempt.responses.map((r) => [r.questionVersionId, r]));
  const items = order.flatMap((vid) => {
    const v = versions.get(vid);
    const q = v ? questionSchema.safeParse(JSON.parse(v.body)) : null;
    return v && q?.success ? [{ vid, q: q.data, chapterSlug: v.chapterSlug }] : [];
  });
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-sky-700 dark:text-sky-400">{quiz.title}</p>
      <h1 className="mt-1 text-3xl font-bold text-slate-900 dark:text-white">
        {attempt.attemptNo}번째 응시: {attempt.score} / {attempt.maxScore}점
      </h1>
      {!shown ? (
        <p className="mt-4">정답과 해설은 퀴즈가 마감된 뒤에 볼 수 있습니다.</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {items.map(({ vid, q, chapterSlug }, i) => {
            const response = responseOf.get(vid);
            return (
              <SubmittedAnswer
                key={vid}
                number={i + 1}
                question={q}
                chapterSlug={chapterSlug}
                attemptSeed={attempt.seed}
                answerJson={response?.answer ?? null}
                mark={response ? marks.get(response.id) : undefined}
                ratingTarget={{ target: "response", attemptId: attempt.id, questionId: q.id }}
              />
            );
          })}
        </ol>
      )}
      <p className="mt-8 text-sm">
        <Link href={`/q/${quiz.code}`} className="text-sky-700 underline dark:text-sky-400">
          퀴즈로 돌아가기
        </Link>
      </p>
    </div>
  );
}
