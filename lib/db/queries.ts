import "server-only";
import { createHash } from "node:crypto";
import type { Answer, GradeResult } from "../quiz/grade";
import type { Quiz } from "../quiz/schema";
import { db } from "./index";

/** True for Prisma's unique-constraint violation, whichever adapter raised it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

/** Creates a student account; returns null when the e-mail is taken. */
export async function createStudent(input: { email: string; name: string; passwordHash: string }) {
  try {
    return await db.user.create({ data: { ...input, role: "student" }, select: { id: true, email: true, name: true } });
  } catch (e) {
    if (isUniqueViolation(e)) return null;
    throw e;
  }
}

const contentHash = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/**
 * Makes sure every question of a quiz has a stored version matching its current text and key,
 * creating a new immutable version when the authored question changed. Returns id → version id.
 */
export async function syncQuestionVersions(quiz: Quiz): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const q of quiz.questions) {
    const hash = contentHash(q);
    const found = await db.questionVersion.findUnique({
      where: { questionId_contentHash: { questionId: q.id, contentHash: hash } },
      select: { id: true },
    });
    if (found) {
      ids.set(q.id, found.id);
      continue;
    }
    ids.set(q.id, await createVersion(quiz.chapterSlug, q, hash));
  }
  return ids;
}

async function createVersion(chapterSlug: string, q: Quiz["questions"][number], hash: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        await tx.question.upsert({ where: { id: q.id }, create: { id: q.id, chapterSlug }, update: { chapterSlug } });
        const last = await tx.questionVersion.findFirst({
          where: { questionId: q.id },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        const v = await tx.questionVersion.create({
          data: { questionId: q.id, version: (last?.version ?? 0) + 1, contentHash: hash, type: q.type, body: JSON.stringify(q) },
          select: { id: true },
        });
        return v.id;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // Another request created it concurrently: use theirs.
      const found = await db.questionVersion.findUnique({
        where: { questionId_contentHash: { questionId: q.id, contentHash: hash } },
        select: { id: true },
      });
      if (found) return found.id;
    }
  }
  throw new Error(`질문 버전을 저장하지 못했습니다: ${q.id}`);
}

export interface RecordAttemptInput {
  userId: string | null;
  quiz: Quiz;
  answers: Record<string, Answer>;
  grade: GradeResult;
  idempotencyKey?: string;
  startedAt?: Date;
}

/** Stores a graded submission and its responses; a repeated idempotency key returns the first attempt. */
export async function recordAttempt(input: RecordAttemptInput): Promise<{ id: string; duplicate: boolean }> {
  if (input.idempotencyKey) {
    const existing = await db.attempt.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, userId: true } });
    if (existing && existing.userId === input.userId) return { id: existing.id, duplicate: true };
    if (existing) input = { ...input, idempotencyKey: undefined };
  }
  const versions = await syncQuestionVersions(input.quiz);
  try {
    const attempt = await db.attempt.create({
      data: {
        userId: input.userId,
        chapterSlug: input.quiz.chapterSlug,
        quizId: input.quiz.id,
        score: input.grade.score,
        maxScore: input.grade.maxScore,
        idempotencyKey: input.idempotencyKey,
        startedAt: input.startedAt,
        responses: {
          create: input.grade.results.map((r) => ({
            questionVersionId: versions.get(r.questionId)!,
            answer: JSON.stringify(input.answers[r.questionId] ?? null),
            correct: r.correct,
            score: r.score,
          })),
        },
      },
      select: { id: true },
    });
    return { id: attempt.id, duplicate: false };
  } catch (e) {
    if (!isUniqueViolation(e) || !input.idempotencyKey) throw e;
    const existing = await db.attempt.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
    return { id: existing!.id, duplicate: true };
  }
}

/** Marks a chapter read by a user, keeping the first time it was finished. */
export async function markChapterRead(userId: string, chapterSlug: string, now = new Date()) {
  const row = await db.chapterProgress.upsert({
    where: { userId_chapterSlug: { userId, chapterSlug } },
    create: { userId, chapterSlug, readAt: now },
    update: {},
    select: { readAt: true },
  });
  if (!row.readAt) {
    await db.chapterProgress.update({ where: { userId_chapterSlug: { userId, chapterSlug } }, data: { readAt: now } });
    return now;
  }
  return row.readAt;
}

export interface ChapterProgressDto {
  chapterSlug: string;
  readAt: string | null;
  bestScore: number | null;
  maxScore: number | null;
  attempts: number;
}

/** A learner's reading state and best quiz score for every chapter they touched. */
export async function getLearnerProgress(userId: string): Promise<ChapterProgressDto[]> {
  const [reads, attempts] = await Promise.all([
    db.chapterProgress.findMany({ where: { userId }, select: { chapterSlug: true, readAt: true } }),
    db.attempt.findMany({ where: { userId }, select: { chapterSlug: true, score: true, maxScore: true } }),
  ]);
  const bySlug = new Map<string, ChapterProgressDto>();
  const entry = (slug: string) => {
    let e = bySlug.get(slug);
    if (!e) bySlug.set(slug, (e = { chapterSlug: slug, readAt: null, bestScore: null, maxScore: null, attempts: 0 }));
    return e;
  };
  for (const r of reads) entry(r.chapterSlug).readAt = r.readAt?.toISOString() ?? null;
  for (const a of attempts) {
    // Best by ratio, so a quiz that gained questions compares fairly with older attempts.
    const e = entry(a.chapterSlug);
    e.attempts++;
    if (e.bestScore === null || a.score / a.maxScore > e.bestScore / e.maxScore!) {
      e.bestScore = a.score;
      e.maxScore = a.maxScore;
    }
  }
  return [...bySlug.values()];
}
