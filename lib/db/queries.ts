import "server-only";
import { createHash } from "node:crypto";
import type { ChapterProgressDto } from "../api/contracts";
import { gradeQuiz, type Answer, type GradeResult } from "../quiz/grade";
import type { Question, Quiz } from "../quiz/schema";
import { HttpError, isUniqueViolation } from "../server/errors";
import { writeAttempt } from "./attempt-writer";
import { uuidv7 } from "./ids";
import { db } from "./index";

export { isUniqueViolation };

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

// Question versions change only when content changes, i.e. with a new deployment: sync each quiz
// object once per process (the quiz loader keeps one object per chapter), not on every submission.
const versionsByQuiz = new WeakMap<Quiz, Promise<Map<string, string>>>();

/** syncQuestionVersions, memoised per quiz object for the life of the process. */
export function questionVersionsFor(quiz: Quiz): Promise<Map<string, string>> {
  let p = versionsByQuiz.get(quiz);
  if (!p) {
    p = syncQuestionVersions(quiz);
    versionsByQuiz.set(quiz, p);
    p.catch(() => versionsByQuiz.delete(quiz));
  }
  return p;
}

export interface RecordAttemptInput {
  userId: string | null;
  quiz: Quiz;
  answers: Record<string, Answer>;
  grade: GradeResult;
  idempotencyKey?: string;
  startedAt?: Date;
}

/** A stored attempt: its id, and its grade (on a replay, the stored grade, not a fresh one). */
export interface RecordedAttempt {
  id: string;
  duplicate: boolean;
  grade: GradeResult;
}

/**
 * Idempotency keys are scoped to their user, so the same key from someone else can never reach
 * another user's attempt. Anonymous submissions keep no key (there is no one to scope it to).
 */
const scopedKey = (userId: string | null, key: string | undefined) => (userId && key ? `${userId}:${key}` : undefined);

/**
 * Stores a graded submission and its responses in one transaction (group-committed with concurrent
 * submissions, see attempt-writer.ts). A repeated idempotency key (same
 * user) returns the first attempt with its stored grade, rebuilt from the stored responses.
 */
export async function recordAttempt(input: RecordAttemptInput): Promise<RecordedAttempt> {
  const key = scopedKey(input.userId, input.idempotencyKey);
  const versions = await questionVersionsFor(input.quiz);
  const id = uuidv7();
  try {
    await writeAttempt({
      attempt: {
        id,
        userId: input.userId,
        chapterSlug: input.quiz.chapterSlug,
        quizId: input.quiz.id,
        score: input.grade.score,
        maxScore: input.grade.maxScore,
        idempotencyKey: key,
        startedAt: input.startedAt,
      },
      responses: input.grade.results.map((r) => ({
        attemptId: id,
        questionVersionId: versions.get(r.questionId)!,
        answer: JSON.stringify(input.answers[r.questionId] ?? null),
        correct: r.correct,
        score: r.score,
      })),
    });
    return { id, duplicate: false, grade: input.grade };
  } catch (e) {
    if (!key || !isUniqueViolation(e)) throw e;
    const stored = await storedAttempt(key, input.quiz);
    if (!stored) throw e;
    return stored;
  }
}

/** The attempt stored under a (scoped) idempotency key, with its grade rebuilt from its responses. */
async function storedAttempt(key: string, quiz: Quiz): Promise<RecordedAttempt | null> {
  const a = await db.attempt.findUnique({
    where: { idempotencyKey: key },
    select: {
      id: true,
      quizId: true,
      score: true,
      maxScore: true,
      responses: { select: { answer: true, correct: true, score: true, questionVersion: { select: { questionId: true, body: true } } } },
    },
  });
  if (!a) return null;
  if (a.quizId !== quiz.id)
    throw new HttpError(409, "이 idempotencyKey는 다른 퀴즈 제출에 이미 쓰였습니다. 새 키로 제출해 주세요.", { code: "key_reused" });
  const order = new Map(quiz.questions.map((q, i) => [q.id, i]));
  const rows = [...a.responses].sort(
    (x, y) => (order.get(x.questionVersion.questionId) ?? 1e9) - (order.get(y.questionVersion.questionId) ?? 1e9),
  );
  // The key and explanation come from the question versions the attempt was graded against, and the
  // marks from the stored responses, so an edited quiz or a changed resubmission cannot alter them.
  const questions = rows.map((r) => JSON.parse(r.questionVersion.body) as Question);
  const answers: Record<string, Answer> = {};
  rows.forEach((r, i) => {
    const v = JSON.parse(r.answer) as Answer | null;
    if (v !== null) answers[questions[i].id] = v;
  });
  const shown = gradeQuiz({ ...quiz, questions }, answers);
  const results = shown.results.map((res, i) => ({ ...res, correct: rows[i].correct, score: rows[i].score }));
  return { id: a.id, duplicate: true, grade: { score: a.score, maxScore: a.maxScore, results } };
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

export type { ChapterProgressDto };

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
