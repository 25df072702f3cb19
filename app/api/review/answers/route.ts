import { answerQuestion } from "@/lib/assessment/handlers";
import { learnerOf, readAssessmentBody, toResponse, errorResponse } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** Grades one practice or review answer; anonymous learners get an id cookie so their work is kept. */
export async function POST(req: Request) {
  const body = await readAssessmentBody(req);
  if (!body.ok) return body.response;
  const { learner, cookies } = await learnerOf(req, { create: true });
  if (!learner) return errorResponse(401, "학습자를 확인하지 못했습니다.", cookies);
  return toResponse(await answerQuestion(learner, body.body, new Date()), cookies);
}
