import {
  gradeEssayRequestSchema,
  gradeEssayResponseSchema,
  gradingQuerySchema,
  gradingQueueResponseSchema,
} from "@/lib/api/grading-contracts";
import { gradeEssayAnswer, listEssayAnswers } from "@/lib/db/grading";
import { defineRoute, HttpError } from "@/lib/server";

/** The essay answers awaiting (or given) an instructor's mark, filtered by chapter, question and state. */
export const GET = defineRoute(
  { method: "GET", auth: "instructor", query: gradingQuerySchema, response: gradingQueueResponseSchema },
  async ({ query }) => ({ items: await listEssayAnswers({ ...query, state: query.state ?? "pending" }) }),
);

/** Gives one essay answer an instructor's mark and comment; re-grading replaces the mark and keeps the trail. */
export const POST = defineRoute(
  { method: "POST", auth: "instructor", body: gradeEssayRequestSchema, response: gradeEssayResponseSchema, maxBytes: 16 * 1024 },
  async ({ body, user }) => {
    const outcome = await gradeEssayAnswer({
      target: body.target,
      id: body.id,
      score: body.score,
      comment: body.comment,
      graderId: user.id,
    });
    if (!outcome) throw new HttpError(404, "그런 서술형 답안이 없습니다.", { code: "no_essay" });
    return { target: body.target, id: body.id, ...outcome };
  },
);
