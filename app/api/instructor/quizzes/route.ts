import { z } from "zod";
import { classQuizInputSchema, type ClassQuizSaved } from "@/lib/assessment/class-quiz-contracts";
import { db } from "@/lib/db";
import { createClassQuiz, listClassQuizzes, toClassQuizDto } from "@/lib/db/class-quiz";
import { checkClassQuizItems } from "@/lib/db/class-quiz-server";
import { fieldErrorResponse } from "@/lib/db/instructor-schema";
import { defineRoute, reply } from "@/lib/server";

/** Every class quiz (archived ones with `archived=1`), newest first, with attempt counts. */
export const GET = defineRoute(
  { method: "GET", auth: "instructor", query: z.object({ archived: z.enum(["0", "1"]).optional() }) },
  async ({ query }) => ({ quizzes: await listClassQuizzes(db, { archived: query.archived === "1" }) }),
);

/** Creates a class quiz from the bank; items that do not fit the bank come back keyed by field. */
export const POST = defineRoute({ method: "POST", auth: "instructor", body: classQuizInputSchema }, async ({ body, user }) => {
  const fieldErrors = await checkClassQuizItems(body);
  if (Object.keys(fieldErrors).length) return fieldErrorResponse(fieldErrors);
  return reply<ClassQuizSaved>({ quiz: toClassQuizDto(await createClassQuiz(db, body, user.id)) }, 201);
});
