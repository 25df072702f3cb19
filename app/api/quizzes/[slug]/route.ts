import { slugParamsSchema } from "@/lib/api/contracts";
import { getChapterQuiz } from "@/lib/db/bank-server";
import { toPublicQuiz } from "@/lib/quiz/public";
import { defineRoute, HttpError } from "@/lib/server";

/**
 * A chapter's quiz as learners see it (no keys, no explanations), from the question bank. Cached
 * briefly by browsers and the nginx cache so a published change shows within a minute (ADR 0018).
 */
export const GET = defineRoute({ method: "GET", auth: "public", params: slugParamsSchema }, async ({ params }) => {
  const quiz = await getChapterQuiz(params.slug);
  if (!quiz) throw new HttpError(404, "이 장에는 퀴즈가 없습니다.", { code: "no_quiz" });
  return Response.json(toPublicQuiz(quiz), { headers: { "cache-control": "public, max-age=15, s-maxage=30, stale-while-revalidate=30" } });
});
