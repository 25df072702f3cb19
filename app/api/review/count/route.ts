import { z } from "zod";
import { dueCount } from "@/lib/assessment/review-queue";
import { learnerOf } from "@/lib/assessment/request";
import { defineRoute, reply } from "@/lib/server";

export const dynamic = "force-dynamic";

/** The header's number: questions due in 오늘의 복습 for this learner (0 for a first-time visitor). */
export const GET = defineRoute({ method: "GET", auth: "public", response: z.object({ due: z.number().int().min(0) }) }, async ({ req, user }) => {
  const { learner, cookie } = await learnerOf(req, user, { create: false });
  return reply({ due: learner ? await dueCount(learner, new Date()) : 0 }, 200, cookie ? { "set-cookie": cookie } : undefined);
});
