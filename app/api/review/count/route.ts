import { dueCount } from "@/lib/assessment/review-queue";
import { learnerOf, toResponse } from "@/lib/assessment/request";

export const dynamic = "force-dynamic";

/** How many questions are due in 오늘의 복습 for this learner (0 for a first-time visitor). */
export async function GET(req: Request) {
  const { learner, cookies } = await learnerOf(req, { create: false });
  return toResponse({ status: 200, body: { due: learner ? await dueCount(learner, new Date()) : 0 } }, cookies);
}
