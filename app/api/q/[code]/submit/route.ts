import { ASSESSMENT_BODY_LIMIT } from "@/lib/assessment/api-schema";
import { classQuizSubmitSchema, shareCodeParams } from "@/lib/assessment/class-quiz-contracts";
import { submitClassQuiz } from "@/lib/assessment/class-quiz-handlers";
import { attemptTokenSecret } from "@/lib/assessment/request";
import { db } from "@/lib/db";
import { defineRoute, reply } from "@/lib/server";

export const dynamic = "force-dynamic";

/** Grades and stores a class-quiz attempt; the token decides which questions and until when. */
export const POST = defineRoute(
  { method: "POST", auth: "user", params: shareCodeParams, body: classQuizSubmitSchema, maxBytes: ASSESSMENT_BODY_LIMIT },
  async ({ params, user, body }) => {
    const r = await submitClassQuiz(db, params.code, user.id, body, new Date(), attemptTokenSecret());
    return reply(r.body, r.status);
  },
);
