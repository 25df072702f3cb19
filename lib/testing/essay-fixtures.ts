// Database-test fixtures for essays: a chapter quiz of one essay and one true/false question in a
// chapter of its own, a student and an instructor, and a practice answer stored as the practice route stores it.
import { learnerWhere, type Learner } from "../assessment/learner";
import { ratingFor } from "../assessment/review-schedule";
import { recordAnswer, storeExamAttempt } from "../assessment/store";
import { db } from "../db";
import { syncQuestionVersions } from "../db/queries";
import { quizFileSchema, type Quiz } from "../quiz/schema";
import { createUser } from "../server/__testing__/requests";
import { unique } from "./sample-quiz";
import type { EssayAnswer } from "../quiz/graders";

/** A chapter quiz of one essay and one true/false question, in a chapter of its own. */
export function essayQuiz() {
  const u = unique();
  const slug = `98-essay-${u}`;
  const quiz: Quiz = {
    id: slug,
    chapterSlug: slug,
    ...quizFileSchema.parse({
      title: "서술형 퀴즈",
      questions: [
        {
          id: `essay-${u}`,
          type: "essay",
          concepts: [`isr-${u}`],
          prompt: "ISR이 줄어들면 어떻게 되나요?",
          modelAnswer: "min.insync.replicas보다 작아지면 acks=all 쓰기가 실패합니다.",
          explanation: "모범 답안과 비교해 보세요.",
        },
        { id: `tf-${u}`, type: "true-false", concepts: [`tf-${u}`], prompt: "참인가?", answer: true, explanation: "참" },
      ],
    }),
  };
  return { quiz, slug, essayId: quiz.questions[0].id, tfId: quiz.questions[1].id, concept: `isr-${u}` };
}

/** The essay quiz stored as question versions, with a student (the learner) and an instructor. */
export async function essaySetup() {
  const fx = essayQuiz();
  const versions = await syncQuestionVersions(fx.quiz);
  const [student, instructor] = await Promise.all([createUser("student"), createUser("instructor")]);
  const learner: Learner = { userId: student.id, anonId: null };
  return { ...fx, versions, student, instructor, learner };
}
export type EssayFixture = Awaited<ReturnType<typeof essaySetup>>;

/** A practice answer to the essay as the practice route stores it (a mark given with it, or none). */
export async function practiceEssay(fx: EssayFixture, selfAssessment: 0 | 0.5 | 1 | null, at: Date, learner: Learner = fx.learner) {
  const score = selfAssessment ?? 0;
  await recordAnswer(
    learner,
    {
      questionId: fx.essayId,
      questionVersionId: fx.versions.get(fx.essayId)!,
      concepts: [fx.concept],
      source: "practice",
      answer: selfAssessment === null ? { text: "리더가 쓰기를 거절합니다." } : { text: "리더가 쓰기를 거절합니다.", selfAssessment },
      score,
      rating: ratingFor(score),
    },
    at,
  );
  return db.reviewLog.findFirstOrThrow({
    where: { ...learnerWhere(learner), questionId: fx.essayId },
    orderBy: { answeredAt: "desc" },
    select: { id: true },
  });
}

/**
 * A submitted exam of the essay (scored as its self-assessment, 0 without one) and the true/false
 * question answered right: 1 of 2 points before the essay counts, below the 70% pass mark. Returns its id.
 */
export async function examWithEssay(fx: EssayFixture, essay: EssayAnswer, at: Date): Promise<string> {
  const id = `exam-${unique()}`;
  const versions = [fx.versions.get(fx.essayId)!, fx.versions.get(fx.tfId)!];
  const essayScore = essay.selfAssessment ?? 0;
  await storeExamAttempt(
    fx.learner,
    {
      id,
      seed: 1,
      questionIds: [fx.essayId, fx.tfId],
      questionVersionIds: versions,
      timeLimitSec: null,
      startedAt: at,
      score: 1 + essayScore,
      maxScore: 2,
      passRatio: 0.7,
      passed: false,
      answers: [
        { questionId: fx.essayId, questionVersionId: versions[0], concepts: [fx.concept], source: "exam", answer: essay, score: essayScore, rating: ratingFor(essayScore) },
        { questionId: fx.tfId, questionVersionId: versions[1], concepts: ["tf"], source: "exam", answer: true, score: 1, rating: "good" },
      ],
    },
    at,
  );
  return id;
}
