// Problem reports ("문제 신고") from learners, and the instructors' list of them.
import { SCENARIO_PARAM } from "../kafka/scenario";
import type { Db } from "./client";
import { chapterSlugSchema, readReportScenario, WIDGET_ID, type ProblemReportInput } from "./instructor-schema";

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
    data: {
      userId,
      chapterSlug: input.chapterSlug,
      questionId,
      questionVersionId,
      widget: input.widget ?? null,
      scenario: input.widget ? (input.scenario ?? null) : null,
      message: input.message,
    },
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

/**
 * Where an instructor replays a widget report: the chapter with the reported run loaded in that widget
 * (`/chapters/<slug>?scenario=<widgetId>.<payload>#<widgetId>`), or just the widget when no run was
 * attached. Null for a question report, or a row whose chapter or run does not validate (never a link
 * built from unchecked text).
 */
export function widgetReplay(r: { chapterSlug: string; widget: string | null; scenario: string | null }): { href: string; events: number | null } | null {
  if (!r.widget || !WIDGET_ID.test(r.widget) || !chapterSlugSchema.safeParse(r.chapterSlug).success) return null;
  const path = `/chapters/${r.chapterSlug}`;
  if (!r.scenario) return { href: `${path}#${r.widget}`, events: null };
  const found = readReportScenario(r.scenario, r.widget);
  if (!found?.ok) return null;
  return { href: `${path}?${SCENARIO_PARAM}=${encodeURIComponent(r.scenario)}#${r.widget}`, events: found.value.events.length };
}
