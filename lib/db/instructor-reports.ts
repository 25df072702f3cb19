// Problem reports ("문제 신고") from learners, and the instructors' list of them.
import type { Db } from "./client";
import type { ProblemReportInput } from "./instructor-schema";

/** Stores a report; a question report is tied to the version learners get now (the one they saw). */
export async function createProblemReport(db: Db, userId: string | null, input: ProblemReportInput) {
  let questionVersionId: string | null = null;
  let questionId: string | null = null;
  if (input.questionId) {
    const q = await db.question.findUnique({ where: { id: input.questionId }, select: { id: true, currentVersionId: true } });
    questionId = q?.id ?? null;
    questionVersionId = q?.currentVersionId ?? null;
  }
  return db.problemReport.create({
    data: { userId, chapterSlug: input.chapterSlug, questionId, questionVersionId, widget: input.widget, scenario: input.scenario, message: input.message },
    select: { id: true },
  });
}

/** Reports, open ones first, newest first. */
export async function listProblemReports(db: Db, status?: "open" | "resolved") {
  return db.problemReport.findMany({
    where: status ? { status } : undefined,
    orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    take: 500,
    select: { id: true, chapterSlug: true, questionId: true, questionVersionId: true, widget: true, scenario: true, message: true, status: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
}

/** Marks a report resolved; false when there is no such report. */
export async function resolveProblemReport(db: Db, id: string): Promise<boolean> {
  const r = await db.problemReport.updateMany({ where: { id }, data: { status: "resolved", resolvedAt: new Date() } });
  return r.count === 1;
}
