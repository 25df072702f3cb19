import { startExam } from "@/lib/assessment/handlers";
import { attemptTokenSecret, learnerOf, readAssessmentBody, toResponse, errorResponse } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** Starts a course exam (종합 평가): questions without keys and a signed attempt token. */
export async function POST(req: Request) {
  const body = await readAssessmentBody(req);
  if (!body.ok) return body.response;
  const { learner, cookies } = await learnerOf(req, { create: true });
  if (!learner) return errorResponse(401, "학습자를 확인하지 못했습니다.", cookies);
  return toResponse(await startExam(learner, body.body, new Date(), attemptTokenSecret()), cookies);
}
