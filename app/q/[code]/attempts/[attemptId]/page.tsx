import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EssayGradeNote } from "@/components/assessment/essay-grade-note";
import { PageEssayRating } from "@/components/assessment/page-essay-rating";
import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import { SafeMarkdown } from "@/components/quiz/safe-markdown";
import { feedbackVisible } from "@/lib/assessment/class-quiz";
import { loadQuestionVersions } from "@/lib/assessment/store";
import { db } from "@/lib/db";
import { getOwnClassQuizAttempt } from "@/lib/db/class-quiz";
import { currentGradesOfResponses } from "@/lib/db/grading";
import type { GradedQuestion } from "@/lib/quiz/contracts";
import { checkAnswer, gradeQuestion } from "@/lib/quiz/grade";
import { toPublicQuestion } from "@/lib/quiz/public";
import { withInstructorMark } from "@/lib/quiz/essay-answer";
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
            // Regraded from the stored answer and the version handed out: the learner's own submitted attempt, so keys show.
            const pub = toPublicQuestion(q, { attemptSeed: attempt.seed, chapterSlug });
            const response = responseOf.get(vid);
            const stored = checkAnswer(q, JSON.parse(response?.answer ?? "null"));
            const regraded = gradeQuestion(q, stored.ok ? stored.answer : undefined, { attemptSeed: attempt.seed }) as GradedQuestion;
            // An instructor's mark replaces the essay's self-assessment (the stored score is that mark).
            const mark = response ? marks.get(response.id) : undefined;
            const graded = withInstructorMark(regraded, mark);
            return (
              <li key={vid} className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
                <p className="font-semibold text-slate-900 dark:text-white">
                  {i + 1}. <SafeMarkdown inline text={pub.prompt} />
                </p>
                <AnswerFeedback question={pub} graded={graded} />
                {mark && <EssayGradeNote grade={mark} />}
                {!mark && q.type === "essay" && stored.ok && (
                  <PageEssayRating
                    target={{ target: "response", attemptId: attempt.id, questionId: q.id }}
                    initial={(stored.answer as { selfAssessment?: number }).selfAssessment ?? null}
                  />
                )}
              </li>
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
