import { db } from "@/lib/db";
import { resolveProblemReport } from "@/lib/db/instructor-reports";
import { idParams } from "@/lib/db/instructor-schema";
import { defineRoute, HttpError } from "@/lib/server";

/** Marks a problem report resolved. */
export const POST = defineRoute({ method: "POST", auth: "instructor", params: idParams }, async ({ params }) => {
  if (!(await resolveProblemReport(db, params.id))) throw new HttpError(404, "그런 신고가 없습니다.");
  return { id: params.id, status: "resolved" };
});
