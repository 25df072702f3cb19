import { db } from "@/lib/db";
import { idParams } from "@/lib/db/instructor-schema";
import { setQuestionStatus } from "@/lib/db/bank";
import { invalidateChapterQuiz } from "@/lib/db/bank-server";
import { statusChangeSchema } from "@/lib/db/instructor-schema";
import { defineRoute, HttpError } from "@/lib/server";

/** Publishes, unpublishes or archives a question. */
export const POST = defineRoute({ method: "POST", auth: "instructor", params: idParams, body: statusChangeSchema }, async ({ params, body }) => {
  const row = await db.question.findUnique({ where: { id: params.id }, select: { chapterSlug: true } });
  if (!row) throw new HttpError(404, "그런 문제가 없습니다.");
  await setQuestionStatus(db, params.id, body.status);
  invalidateChapterQuiz(row.chapterSlug);
  return { id: params.id, status: body.status };
});
