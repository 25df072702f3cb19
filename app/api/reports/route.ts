import { db } from "@/lib/db";
import { createProblemReport } from "@/lib/db/instructor-reports";
import { problemReportSchema } from "@/lib/db/instructor-schema";
import { defineRoute, LIMITS, reply } from "@/lib/server";

/** A signed-in learner reports a problem with a question or a widget (with the widget's simulator run). */
export const POST = defineRoute(
  {
    method: "POST",
    auth: "user",
    body: problemReportSchema,
    // a full-length scenario (16,000 characters) plus 2,000 Korean characters of message
    maxBytes: 32 * 1024,
    rateLimit: ({ user }) => [{ limit: LIMITS.problemReportsPerUser, key: user.id, what: "문제 신고" }],
  },
  async ({ user, body }) => {
    const r = await createProblemReport(db, user.id, body);
    return reply({ id: r.id }, 201);
  },
);
