import { db } from "@/lib/db";
import { createProblemReport } from "@/lib/db/instructor-reports";
import { problemReportSchema } from "@/lib/db/instructor-schema";
import { defineRoute, reply } from "@/lib/server";

/** A signed-in learner reports a problem with a question or a widget. */
export const POST = defineRoute({ method: "POST", auth: "user", body: problemReportSchema, maxBytes: 16 * 1024 }, async ({ user, body }) => {
  const r = await createProblemReport(db, user.id, body);
  return reply({ id: r.id }, 201);
});
