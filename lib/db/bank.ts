// The question bank: content/ questions imported at start-up, instructor-authored questions, their
// immutable versions, and each chapter's quiz assembled from the published ones. Every function takes
// the Prisma client as an argument so the start script and `npm run gift` can use it outside Next.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { questionSchema, quizFileSchema, type Question, type Quiz } from "../quiz/schema";
import type { Db } from "./client";
import type { QuestionDraft, QuestionStatus } from "./instructor-schema";

export type { QuestionDraft, QuestionStatus } from "./instructor-schema";


/** The same hash `syncQuestionVersions` uses, so a bank version and a graded version are one row. */
export const questionHash = (q: Question) => createHash("sha256").update(JSON.stringify(q)).digest("hex");

const CHAPTERS_DIR = path.join(process.cwd(), "content", "chapters");
const SLUG = /^\d{2}-[a-z0-9-]+$/;

/** Reads every content/chapters/NN-slug/quiz.yaml with its keys (server and scripts only). */
export async function loadContentQuizzes(dir = CHAPTERS_DIR): Promise<Quiz[]> {
  const slugs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory() && SLUG.test(d.name)).map((d) => d.name);
  const quizzes: Quiz[] = [];
  for (const slug of slugs.sort()) {
    let text: string;
    try {
      text = await readFile(path.join(dir, slug, "quiz.yaml"), "utf8");
    } catch {
      continue;
    }
    const parsed = quizFileSchema.safeParse(parse(text));
    if (!parsed.success) throw new Error(`content/chapters/${slug}/quiz.yaml: ${parsed.error.message}`);
    quizzes.push({ id: slug, chapterSlug: slug, ...parsed.data });
  }
  return quizzes;
}

/**
 * Stores a question's text and key as a version, or finds the version with the same content.
 * Runs inside the caller's transaction; versions are never changed once written.
 */
async function versionFor(tx: Db, questionId: string, input: Question): Promise<string> {
  // Parsed again so key order is canonical: the hash must not depend on how the object was built.
  const q = questionSchema.parse(input);
  const hash = questionHash(q);
  const found = await tx.questionVersion.findUnique({ where: { questionId_contentHash: { questionId, contentHash: hash } }, select: { id: true } });
  if (found) return found.id;
  const last = await tx.questionVersion.findFirst({ where: { questionId }, orderBy: { version: "desc" }, select: { version: true } });
  const v = await tx.questionVersion.create({
    data: { questionId, version: (last?.version ?? 0) + 1, contentHash: hash, type: q.type, body: JSON.stringify(q) },
    select: { id: true },
  });
  return v.id;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports the content/ questions into the bank. Idempotent: a question whose file text is unchanged
 * since the last import is left alone (so an instructor's edit or archive is not undone); a changed
 * one gets a new version. New content questions are published in file order.
 */
export async function importContentQuestions(db: Db, quizzes: Quiz[]): Promise<ImportSummary> {
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map(
    (await db.question.findMany({ where: { source: "content" }, select: { id: true, sourceHash: true } })).map((q) => [q.id, q.sourceHash]),
  );
  for (const quiz of quizzes) {
    for (const [index, q] of quiz.questions.entries()) {
      const hash = questionHash(q);
      if (existing.get(q.id) === hash) {
        summary.unchanged++;
        continue;
      }
      const isNew = !existing.has(q.id);
      await db.$transaction(async (tx) => {
        const fields = { chapterSlug: quiz.chapterSlug, type: q.type, concepts: JSON.stringify(q.concepts), sourceHash: hash };
        // Rows written before the bank existed have no sourceHash yet: give them their file position.
        await tx.question.upsert({
          where: { id: q.id },
          create: { id: q.id, source: "content", status: "published", position: index, ...fields },
          update: existing.get(q.id) === null || isNew ? { ...fields, position: index } : fields,
        });
        const versionId = await versionFor(tx as unknown as Db, q.id, q);
        await tx.question.update({ where: { id: q.id }, data: { currentVersionId: versionId } });
      });
      if (isNew) summary.created++;
      else summary.updated++;
    }
  }
  return summary;
}

/** The start-up import: every content/ quiz into the bank (the start script and `ensureBankReady` call it). */
export async function importContentBank(db: Db): Promise<{ quizzes: Quiz[]; summary: ImportSummary }> {
  const quizzes = await loadContentQuizzes();
  return { quizzes, summary: await importContentQuestions(db, quizzes) };
}

export interface BankQuiz extends Quiz {
  /** question id → the version id a submission of this quiz is graded against */
  versionIds: Map<string, string>;
}

/** The current version of each question, by question id. */
async function currentBodies(db: Db, rows: { id: string; currentVersionId: string | null }[]) {
  const ids = rows.map((r) => r.currentVersionId).filter((v): v is string => Boolean(v));
  const versions = await db.questionVersion.findMany({ where: { id: { in: ids } }, select: { id: true, questionId: true, body: true } });
  const byQuestion = new Map(versions.map((v) => [v.questionId, v]));
  return byQuestion;
}

/**
 * A chapter's quiz: its published questions in position order, from content/ and the web editor,
 * each at its current version, with answer keys (server only).
 */
export async function chapterQuizFromBank(db: Db, chapterSlug: string, title: string): Promise<BankQuiz | null> {
  const rows = await db.question.findMany({
    where: { chapterSlug, status: "published" },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, currentVersionId: true },
  });
  if (!rows.length) return null;
  const bodies = await currentBodies(db, rows);
  const questions: Question[] = [];
  const versionIds = new Map<string, string>();
  for (const r of rows) {
    const v = bodies.get(r.id);
    if (!v) continue;
    const parsed = questionSchema.safeParse(JSON.parse(v.body));
    if (!parsed.success) continue; // a version written by an older schema stays in history, not in the quiz
    questions.push(parsed.data);
    versionIds.set(r.id, v.id);
  }
  if (!questions.length) return null;
  return { id: chapterSlug, chapterSlug, title, questions, versionIds };
}

/**
 * Saves a new text for a bank question. Unchanged text is a no-op; changed text becomes a new
 * version (old attempts keep pointing at the version they answered); text equal to an older
 * version points back at that version.
 */
export async function saveQuestionVersion(
  db: Db,
  id: string,
  q: Question,
  meta: { chapterSlug: string },
): Promise<{ versionId: string; version: number; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const row = await tx.question.findUniqueOrThrow({ where: { id }, select: { currentVersionId: true } });
    const versionId = await versionFor(tx as unknown as Db, id, q);
    const changed = versionId !== row.currentVersionId;
    await tx.question.update({
      where: { id },
      data: { currentVersionId: versionId, chapterSlug: meta.chapterSlug, type: q.type, concepts: JSON.stringify(q.concepts) },
    });
    const v = await tx.questionVersion.findUniqueOrThrow({ where: { id: versionId }, select: { version: true } });
    return { versionId, version: v.version, changed };
  });
}

/** Creates an instructor-authored question (its first version) at the end of its chapter. */
export async function createAuthoredQuestion(
  db: Db,
  input: { question: QuestionDraft; chapterSlug: string; authorId: string | null; status?: QuestionStatus },
): Promise<{ id: string; versionId: string }> {
  const id = `u-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const q = { ...input.question, id } as Question;
  return db.$transaction(async (tx) => {
    const last = await tx.question.findFirst({ where: { chapterSlug: input.chapterSlug }, orderBy: { position: "desc" }, select: { position: true } });
    await tx.question.create({
      data: {
        id,
        source: "authored",
        chapterSlug: input.chapterSlug,
        type: q.type,
        concepts: JSON.stringify(q.concepts),
        status: input.status ?? "draft",
        position: (last?.position ?? -1) + 1,
        authorId: input.authorId,
      },
    });
    const versionId = await versionFor(tx as unknown as Db, id, q);
    await tx.question.update({ where: { id }, data: { currentVersionId: versionId } });
    return { id, versionId };
  });
}

/** Publishes, unpublishes (back to draft) or archives a question. */
export async function setQuestionStatus(db: Db, id: string, status: QuestionStatus) {
  await db.question.update({ where: { id }, data: { status } });
}
