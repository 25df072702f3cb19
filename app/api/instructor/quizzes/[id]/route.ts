import { classQuizIdParams, classQuizInputSchema, type ClassQuizSaved } from "@/lib/assessment/class-quiz-contracts";
import { db } from "@/lib/db";
import { getClassQuiz, toClassQuizDto, updateClassQuiz } from "@/lib/db/class-quiz";
import { checkClassQuizItems } from "@/lib/db/class-quiz-server";
import { fieldErrorResponse } from "@/lib/db/instructor-schema";
import { defineRoute, HttpError } from "@/lib/server";

const NOT_FOUND = () => new HttpError(404, "없는 퀴즈입니다.", { code: "not_found" });

/** One class quiz as the builder edits it. */
export const GET = defineRoute({ method: "GET", auth: "instructor", params: classQuizIdParams }, async ({ params }) => {
  const quiz = await getClassQuiz(db, params.id);
  if (!quiz) throw NOT_FOUND();
  return { quiz: toClassQuizDto(quiz) } satisfies ClassQuizSaved;
});

/** Replaces a class quiz's settings; attempts already submitted keep the questions they answered. */
export const PUT = defineRoute({ method: "PUT", auth: "instructor", params: classQuizIdParams, body: classQuizInputSchema }, async ({ params, body }) => {
  const fieldErrors = await checkClassQuizItems(body);
  if (Object.keys(fieldErrors).length) return fieldErrorResponse(fieldErrors);
  const quiz = await updateClassQuiz(db, params.id, body);
  if (!quiz) throw NOT_FOUND();
  return { quiz: toClassQuizDto(quiz) } satisfies ClassQuizSaved;
});
