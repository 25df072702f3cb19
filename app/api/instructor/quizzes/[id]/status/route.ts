import { classQuizIdParams, classQuizStatusSchema } from "@/lib/assessment/class-quiz-contracts";
import { db } from "@/lib/db";
import { setClassQuizStatus } from "@/lib/db/class-quiz";
import { defineRoute, HttpError } from "@/lib/server";

/** Archives a class quiz (its link stops taking attempts) or restores it. */
export const POST = defineRoute({ method: "POST", auth: "instructor", params: classQuizIdParams, body: classQuizStatusSchema }, async ({ params, body }) => {
  if (!(await setClassQuizStatus(db, params.id, body.status))) throw new HttpError(404, "없는 퀴즈입니다.", { code: "not_found" });
  return { id: params.id, status: body.status };
});
