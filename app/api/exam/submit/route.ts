import { submitExam } from "@/lib/assessment/handlers";
import { attemptTokenSecret, learnerOf, readAssessmentBody, toResponse, errorResponse } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** Grades and stores a whole exam attempt; the token decides which questions and until when. */
export async function POST(req: Request) {
  const body = await readAssessmentBody(req);
  if (!body.ok) return body.response;
  const { learner, cookies } = await learnerOf(req, { create: false });
  if (!learner) return errorResponse(401, "시험을 시작한 브라우저에서 제출해 주세요.", cookies);
  return toResponse(await submitExam(learner, body.body, new Date(), attemptTokenSecret()), cookies);
}
