import { attemptRequestSchema, attemptResponseSchema, slugParamsSchema } from "@/lib/api/contracts";
import { recordAttempt } from "@/lib/db/queries";
import { getChapterQuiz } from "@/lib/db/bank-server";
import { checkSubmission, gradeQuizWith } from "@/lib/quiz/grade";
import { defineRoute, HttpError, LIMITS, reply } from "@/lib/server";

/**
 * Grades a quiz submission on the server and stores it as an attempt; only the graded result
 * reveals answer keys and explanations. Authenticate (optional) → validate → act. A repeated
 * idempotency key answers with the stored attempt's grade (200), not a new one.
 */
export const POST = defineRoute(
  {
    method: "POST",
    auth: "public",
    params: slugParamsSchema,
    body: attemptRequestSchema,
    response: attemptResponseSchema,
    // Signed-in learners are limited by their account's session; anonymous submissions by address.
    rateLimit: ({ ip, user }) => [{ limit: LIMITS.anonymousAttemptsPerAddress, key: user ? null : ip, what: "제출" }],
  },
  async ({ user, params, body }) => {
    const quiz = await getChapterQuiz(params.slug);
    if (!quiz) throw new HttpError(404, "이 장에는 퀴즈가 없습니다.", { code: "no_quiz" });
    const checked = checkSubmission(quiz, body.answers);
    if (!checked.ok) throw new HttpError(400, checked.message, { code: "invalid" });
    const attempt = await recordAttempt({
      userId: user?.id ?? null,
      quiz,
      answers: checked.answers,
      grade: gradeQuizWith(quiz, checked.answers, { attemptSeed: body.attemptSeed, confidence: body.confidence }),
      idempotencyKey: body.idempotencyKey,
      startedAt: body.startedAt ? new Date(body.startedAt) : undefined,
    });
    return reply(
      { attemptId: attempt.id, saved: Boolean(user), replayed: attempt.duplicate, ...attempt.grade },
      attempt.duplicate ? 200 : 201,
    );
  },
);
