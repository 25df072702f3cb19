// Read and write queries of the instructor area (question list, editor, users). Take the client as an
// argument like lib/db/bank.ts so scripts and tests can call them too.
import { questionSchema, type Question } from "../quiz/schema";
import type { Db } from "./client";
import type { QuestionStatus } from "./instructor-schema";

export interface BankQuestionRow {
  id: string;
  source: "content" | "authored";
  chapterSlug: string;
  type: string;
  concepts: string[];
  status: QuestionStatus;
  position: number;
  prompt: string;
  version: number;
  updatedAt: string;
}

export interface QuestionFilter {
  chapter?: string;
  concept?: string;
  status?: string;
  type?: string;
}

const parseConcepts = (s: string): string[] => {
  try {
    const v = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
};

/** The bank's questions matching the filters, by chapter and position, with the current prompt. */
export async function listBankQuestions(db: Db, f: QuestionFilter = {}): Promise<BankQuestionRow[]> {
  const rows = await db.question.findMany({
    where: {
      chapterSlug: f.chapter || undefined,
      status: f.status || undefined,
      type: f.type || undefined,
      // Tags are stored as a JSON array; the quoted tag matches one element exactly.
      concepts: f.concept ? { contains: JSON.stringify(f.concept) } : undefined,
    },
    orderBy: [{ chapterSlug: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    select: { id: true, source: true, chapterSlug: true, type: true, concepts: true, status: true, position: true, currentVersionId: true, updatedAt: true },
    take: 1000,
  });
  const versions = await db.questionVersion.findMany({
    where: { id: { in: rows.map((r) => r.currentVersionId).filter((v): v is string => Boolean(v)) } },
    select: { id: true, version: true, body: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return rows.map((r) => {
    const v = r.currentVersionId ? byId.get(r.currentVersionId) : undefined;
    const body = v ? (JSON.parse(v.body) as { prompt?: string; template?: string }) : {};
    return {
      id: r.id,
      source: r.source === "authored" ? "authored" : "content",
      chapterSlug: r.chapterSlug,
      type: r.type,
      concepts: parseConcepts(r.concepts),
      status: r.status as QuestionStatus,
      position: r.position,
      // A simulation may have no lead-in; its template names it in the list instead.
      prompt: body.prompt ?? (body.template ? `(시뮬레이션: ${body.template})` : ""),
      version: v?.version ?? 0,
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

/** Every concept tag in use, for the list's filter. */
export async function listConceptTags(db: Db): Promise<string[]> {
  const rows = await db.question.findMany({ select: { concepts: true } });
  return [...new Set(rows.flatMap((r) => parseConcepts(r.concepts)))].sort();
}

export interface QuestionDetail {
  id: string;
  source: "content" | "authored";
  chapterSlug: string;
  status: QuestionStatus;
  question: Question;
  version: number;
  versions: { id: string; version: number; createdAt: string; responses: number }[];
}

/** One question with its current text and key and its version history (instructors only). */
export async function getQuestionDetail(db: Db, id: string): Promise<QuestionDetail | null> {
  const row = await db.question.findUnique({
    where: { id },
    select: {
      id: true,
      source: true,
      chapterSlug: true,
      status: true,
      currentVersionId: true,
      versions: { orderBy: { version: "desc" }, select: { id: true, version: true, body: true, createdAt: true, _count: { select: { responses: true } } } },
    },
  });
  if (!row) return null;
  const current = row.versions.find((v) => v.id === row.currentVersionId) ?? row.versions[0];
  if (!current) return null;
  const parsed = questionSchema.safeParse(JSON.parse(current.body));
  if (!parsed.success) return null;
  return {
    id: row.id,
    source: row.source === "authored" ? "authored" : "content",
    chapterSlug: row.chapterSlug,
    status: row.status as QuestionStatus,
    question: parsed.data,
    version: current.version,
    versions: row.versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString(), responses: v._count.responses })),
  };
}

/** Every account with its role, for the admin's role page. */
export async function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, createdAt: true }, take: 2000 });
}

/** Changes a user's role; returns false when the user does not exist. */
export async function setUserRole(db: Db, userId: string, role: string): Promise<boolean> {
  const r = await db.user.updateMany({ where: { id: userId }, data: { role } });
  return r.count === 1;
}
