import { db } from "@/lib/db";
import { fieldErrorResponse, type QuestionSaved } from "@/lib/db/instructor-schema";
import { idParams } from "@/lib/db/instructor-schema";
import { saveQuestionVersion, setQuestionStatus } from "@/lib/db/bank";
import { invalidateChapterQuiz } from "@/lib/db/bank-server";
import { getQuestionDetail } from "@/lib/db/instructor";
import { questionInputSchema, validateQuestionDraft } from "@/lib/db/instructor-schema";
import type { Question } from "@/lib/quiz/schema";
import { defineRoute, HttpError } from "@/lib/server";

async function detailOr404(id: string) {
  const detail = await getQuestionDetail(db, id);
  if (!detail) throw new HttpError(404, "그런 문제가 없습니다.");
  return detail;
}

/** One question with its answer key and version history (instructors only). */
export const GET = defineRoute({ method: "GET", auth: "instructor", params: idParams }, async ({ params }) => detailOr404(params.id));

/** Saves an edit: a changed text becomes a new version; old attempts keep theirs. */
export const PUT = defineRoute({ method: "PUT", auth: "instructor", params: idParams, body: questionInputSchema }, async ({ params, body }) => {
  const before = await detailOr404(params.id);
  const checked = validateQuestionDraft(body.question);
  if (!checked.ok) return fieldErrorResponse(checked.fieldErrors);
  const saved = await saveQuestionVersion(db, params.id, { ...checked.question, id: params.id } as Question, { chapterSlug: body.chapterSlug });
  if (body.status && body.status !== before.status) await setQuestionStatus(db, params.id, body.status);
  invalidateChapterQuiz(before.chapterSlug);
  invalidateChapterQuiz(body.chapterSlug);
  return { id: params.id, version: saved.version, changed: saved.changed || body.status !== before.status } satisfies QuestionSaved;
});
