import { db } from "@/lib/db";
import { fieldErrorResponse, type QuestionSaved } from "@/lib/db/instructor-schema";
import { createAuthoredQuestion } from "@/lib/db/bank";
import { ensureBankReady, invalidateChapterQuiz } from "@/lib/db/bank-server";
import { listBankQuestions } from "@/lib/db/instructor";
import { questionInputSchema, validateQuestionDraft } from "@/lib/db/instructor-schema";
import { z } from "zod";
import { defineRoute, reply } from "@/lib/server";

/** The bank's questions, filtered by chapter, concept, status and type. */
export const GET = defineRoute(
  {
    method: "GET",
    auth: "instructor",
    query: z.object({ chapter: z.string().max(100).optional(), concept: z.string().max(100).optional(), status: z.string().max(20).optional(), type: z.string().max(20).optional() }),
  },
  async ({ query }) => {
    await ensureBankReady();
    return { questions: await listBankQuestions(db, query) };
  },
);

/** Creates an authored question; invalid fields come back keyed by field, in Korean. */
export const POST = defineRoute({ method: "POST", auth: "instructor", body: questionInputSchema }, async ({ body, user }) => {
  const checked = validateQuestionDraft(body.question);
  if (!checked.ok) return fieldErrorResponse(checked.fieldErrors);
  const created = await createAuthoredQuestion(db, { question: checked.question, chapterSlug: body.chapterSlug, authorId: user.id, status: body.status });
  invalidateChapterQuiz(body.chapterSlug);
  return reply<QuestionSaved>({ id: created.id, version: 1, changed: true }, 201);
});
