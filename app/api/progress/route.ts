import { progressResponseSchema } from "@/lib/api/contracts";
import { getLearnerProgress } from "@/lib/db/queries";
import { defineRoute } from "@/lib/server";

export const dynamic = "force-dynamic";

/** The signed-in learner's progress for every chapter they touched. */
export const GET = defineRoute({ method: "GET", auth: "user", response: progressResponseSchema }, async ({ user }) => ({
  progress: await getLearnerProgress(user.id),
}));
