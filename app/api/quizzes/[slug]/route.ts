import { getChapterQuiz } from "@/lib/db/bank-server";
import { jsonError } from "@/lib/http";
import { toPublicQuiz } from "@/lib/quiz/public";

/**
 * A chapter's quiz as learners see it (no keys, no explanations), from the question bank. Cached
 * briefly by browsers and the nginx cache so a published change shows within a minute (ADR 0018).
 */
export async function GET(_req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  if (!/^\d{2}-[a-z0-9-]+$/.test(slug)) return jsonError(404, "이 장에는 퀴즈가 없습니다.");
  const quiz = await getChapterQuiz(slug);
  if (!quiz) return jsonError(404, "이 장에는 퀴즈가 없습니다.");
  return Response.json(toPublicQuiz(quiz), { headers: { "cache-control": "public, max-age=15, s-maxage=30, stale-while-revalidate=30" } });
}
