import { z } from "zod";
import { getRequestUser } from "@/lib/auth";
import { recordAttempt } from "@/lib/db/queries";
import { firstIssue, jsonError, readJson } from "@/lib/http";
import { checkSubmission, gradeQuiz } from "@/lib/quiz/grade";
import { getChapterQuiz } from "@/lib/db/bank-server";

const bodySchema = z.object({
  answers: z.unknown(), // shape checked against the quiz by checkSubmission
  idempotencyKey: z
    .string({ error: "idempotencyKey는 문자열이어야 합니다." })
    .min(8, "idempotencyKey는 8~100자여야 합니다.")
    .max(100, "idempotencyKey는 8~100자여야 합니다.")
    .optional(),
  startedAt: z.iso.datetime({ error: "startedAt은 ISO 8601 시각이어야 합니다." }).optional(),
});

/**
 * Grades a quiz submission on the server and stores it as an attempt; only the graded result
 * reveals answer keys and explanations. Authenticate (optional) → validate → act.
 */
export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const quiz = await getChapterQuiz(slug);
  if (!quiz) return jsonError(404, "이 장에는 퀴즈가 없습니다.");
  const user = await getRequestUser(req);
  const body = await readJson(req);
  if (!body.ok) return body.response;
  const parsed = bodySchema.safeParse(body.body);
  if (!parsed.success) return jsonError(400, `제출 형식이 올바르지 않습니다: ${firstIssue(parsed.error)}`);
  if (parsed.data.answers === undefined) return jsonError(400, "제출 형식이 올바르지 않습니다: answers 객체가 필요합니다.");
  const checked = checkSubmission(quiz, parsed.data.answers);
  if (!checked.ok) return jsonError(400, checked.message);
  const grade = gradeQuiz(quiz, checked.answers);
  const attempt = await recordAttempt({
    userId: user?.id ?? null,
    quiz,
    answers: checked.answers,
    grade,
    idempotencyKey: parsed.data.idempotencyKey,
    startedAt: parsed.data.startedAt ? new Date(parsed.data.startedAt) : undefined,
  });
  return Response.json({ attemptId: attempt.id, saved: Boolean(user), ...grade }, { status: attempt.duplicate ? 200 : 201 });
}
