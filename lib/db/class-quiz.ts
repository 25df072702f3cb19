// Class quizzes in the database: the instructor's CRUD, the bank questions they draw from, and the
// learners' submitted attempts. Takes the client as an argument (like bank.ts) so tests and scripts
// can call it. An attempt is one Attempt row (quizId "class-<code>", so item analysis reads it) with
// its Response rows, plus a ClassQuizAttempt row numbering it per learner.
import { randomInt } from "node:crypto";
import { classQuizItemSchema, type ClassQuizDto, type ClassQuizItem, type ClassQuizSettings, type ClassQuizStatus } from "../assessment/class-quiz-contracts";
import { CLASS_QUIZ_CHAPTER, statsQuizId, type Candidate } from "../assessment/class-quiz";
import { overallGrade, GRADING_POLICY_LABEL, type GradingPolicy } from "../assessment/exam-policy";
import { isUniqueViolation } from "../server/errors";
import type { Db } from "./client";
import { toCsv } from "./instructor-stats";

const CODE_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

/** A fresh random share code (8 characters, about 40 bits). */
export function newShareCode(): string {
  let s = "";
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

const quizSelect = {
  id: true,
  code: true,
  title: true,
  description: true,
  items: true,
  timeLimitSec: true,
  maxAttempts: true,
  gradingPolicy: true,
  feedback: true,
  opensAt: true,
  closesAt: true,
  status: true,
  createdAt: true,
  updatedAt: true,
} as const;

type QuizRow = {
  id: string;
  code: string;
  title: string;
  description: string;
  items: string;
  timeLimitSec: number | null;
  maxAttempts: number | null;
  gradingPolicy: string;
  feedback: string;
  opensAt: Date | null;
  closesAt: Date | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
};

/** A stored quiz as the server uses it (dates as dates, items parsed). */
export interface ClassQuizRecord extends Omit<QuizRow, "items" | "gradingPolicy" | "status"> {
  items: ClassQuizItem[];
  gradingPolicy: GradingPolicy;
  status: ClassQuizStatus;
}

function parseItems(s: string): ClassQuizItem[] {
  try {
    const raw = JSON.parse(s) as unknown[];
    return Array.isArray(raw) ? raw.flatMap((i) => { const p = classQuizItemSchema.safeParse(i); return p.success ? [p.data] : []; }) : [];
  } catch {
    return [];
  }
}

const toRecord = (r: QuizRow): ClassQuizRecord => ({
  ...r,
  items: parseItems(r.items),
  gradingPolicy: r.gradingPolicy as GradingPolicy,
  status: r.status === "archived" ? "archived" : "active",
});

/** A stored quiz as the builder reads it. */
export function toClassQuizDto(r: ClassQuizRecord): ClassQuizDto {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    items: r.items,
    timeLimitMinutes: r.timeLimitSec === null ? null : Math.round(r.timeLimitSec / 60),
    maxAttempts: r.maxAttempts,
    gradingPolicy: r.gradingPolicy,
    feedback: r.feedback === "after-close" ? "after-close" : "after-attempt",
    opensAt: r.opensAt?.toISOString() ?? null,
    closesAt: r.closesAt?.toISOString() ?? null,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const columns = (s: ClassQuizSettings) => ({
  title: s.title,
  description: s.description,
  items: JSON.stringify(s.items),
  timeLimitSec: s.timeLimitMinutes === null ? null : s.timeLimitMinutes * 60,
  maxAttempts: s.maxAttempts,
  gradingPolicy: s.gradingPolicy,
  feedback: s.feedback,
  opensAt: s.opensAt ? new Date(s.opensAt) : null,
  closesAt: s.closesAt ? new Date(s.closesAt) : null,
});

/** Creates a class quiz with a fresh share code (a colliding code is drawn again). */
export async function createClassQuiz(db: Db, s: ClassQuizSettings, authorId: string | null): Promise<ClassQuizRecord> {
  for (let i = 0; ; i++) {
    try {
      return toRecord(await db.classQuiz.create({ data: { ...columns(s), code: newShareCode(), authorId }, select: quizSelect }));
    } catch (e) {
      if (i >= 4 || !isUniqueViolation(e)) throw e;
    }
  }
}

/** Replaces a class quiz's settings; null when it does not exist. Past attempts keep what they answered. */
export async function updateClassQuiz(db: Db, id: string, s: ClassQuizSettings): Promise<ClassQuizRecord | null> {
  const { count } = await db.classQuiz.updateMany({ where: { id }, data: columns(s) });
  return count ? getClassQuiz(db, id) : null;
}

/** Archives (learners can no longer start or submit) or restores a class quiz; false when none. */
export async function setClassQuizStatus(db: Db, id: string, status: ClassQuizStatus): Promise<boolean> {
  return (await db.classQuiz.updateMany({ where: { id }, data: { status } })).count > 0;
}

export async function getClassQuiz(db: Db, id: string): Promise<ClassQuizRecord | null> {
  const r = await db.classQuiz.findUnique({ where: { id }, select: quizSelect });
  return r ? toRecord(r) : null;
}

export async function getClassQuizByCode(db: Db, code: string): Promise<ClassQuizRecord | null> {
  const r = await db.classQuiz.findUnique({ where: { code }, select: quizSelect });
  return r ? toRecord(r) : null;
}

/** Every class quiz, newest first (archived ones on request), with how many attempts and learners each has. */
export async function listClassQuizzes(db: Db, opts: { archived?: boolean } = {}) {
  const rows = await db.classQuiz.findMany({
    where: opts.archived ? {} : { status: "active" },
    orderBy: { createdAt: "desc" },
    select: quizSelect,
    take: 500,
  });
  const counts = await db.classQuizAttempt.groupBy({ by: ["classQuizId", "userId"], where: { classQuizId: { in: rows.map((r) => r.id) } }, _count: { _all: true } });
  return rows.map((r) => {
    const mine = counts.filter((c) => c.classQuizId === r.id);
    return { ...toClassQuizDto(toRecord(r)), attempts: mine.reduce((s, c) => s + c._count._all, 0), learners: mine.length };
  });
}

/** Every non-archived bank question as drawing sees it, with its current version id. */
export async function listCandidates(db: Db): Promise<(Candidate & { versionId: string })[]> {
  const rows = await db.question.findMany({
    where: { status: { in: ["published", "draft"] }, currentVersionId: { not: null } },
    orderBy: [{ chapterSlug: "asc" }, { position: "asc" }, { createdAt: "asc" }],
    select: { id: true, chapterSlug: true, type: true, concepts: true, status: true, currentVersionId: true },
  });
  return rows.map((r) => {
    let concepts: string[] = [];
    try {
      concepts = (JSON.parse(r.concepts) as unknown[]).filter((c): c is string => typeof c === "string");
    } catch {
      concepts = [];
    }
    return { id: r.id, chapterSlug: r.chapterSlug, type: r.type, concepts, published: r.status === "published", versionId: r.currentVersionId! };
  });
}

/** How many attempts a learner has submitted to a class quiz. */
export function countClassQuizAttempts(db: Db, classQuizId: string, userId: string): Promise<number> {
  return db.classQuizAttempt.count({ where: { classQuizId, userId } });
}

/** A learner's submitted attempts to a class quiz, oldest first. */
export function listOwnClassQuizAttempts(db: Db, classQuizId: string, userId: string) {
  return db.classQuizAttempt.findMany({
    where: { classQuizId, userId },
    orderBy: { attemptNo: "asc" },
    select: { id: true, attemptNo: true, score: true, maxScore: true, startedAt: true, submittedAt: true },
  });
}

/** A learner's own submitted attempt with its answers; null for anyone else's. */
export async function getOwnClassQuizAttempt(db: Db, classQuizId: string, userId: string, id: string) {
  return db.classQuizAttempt.findFirst({
    where: { id, classQuizId, userId },
    select: {
      id: true,
      attemptNo: true,
      seed: true,
      score: true,
      maxScore: true,
      submittedAt: true,
      questionVersionIds: true,
      attempt: { select: { responses: { select: { id: true, questionVersionId: true, answer: true } } } },
    },
  });
}

/** A graded class-quiz attempt to store. */
export interface ClassQuizAttemptRecord {
  id: string;
  classQuiz: { id: string; code: string; maxAttempts: number | null };
  userId: string;
  seed: number;
  startedAt: Date;
  score: number;
  maxScore: number;
  responses: { questionVersionId: string; answer: unknown; correct: boolean; score: number }[];
}

export type StoreOutcome = { ok: true; attemptNo: number } | { ok: false; reason: "replayed" | "no-attempts-left" };

/**
 * Stores a graded attempt with its responses in one transaction, or nothing: refused when the id is
 * already stored (a replayed token) or the learner has no attempt left. The attempt number is unique
 * per quiz and learner, so two racing submissions cannot both take the last attempt.
 */
export async function storeClassQuizAttempt(db: Db, a: ClassQuizAttemptRecord, now: Date): Promise<StoreOutcome> {
  for (let round = 0; ; round++) {
    if (await db.attempt.count({ where: { id: a.id } })) return { ok: false, reason: "replayed" };
    try {
      return await db.$transaction(async (tx) => {
        const used = await tx.classQuizAttempt.count({ where: { classQuizId: a.classQuiz.id, userId: a.userId } });
        if (a.classQuiz.maxAttempts !== null && used >= a.classQuiz.maxAttempts) return { ok: false, reason: "no-attempts-left" } as const;
        await tx.attempt.create({
          data: {
            id: a.id,
            userId: a.userId,
            chapterSlug: CLASS_QUIZ_CHAPTER,
            quizId: statsQuizId(a.classQuiz.code),
            mode: "class-quiz",
            score: a.score,
            maxScore: a.maxScore,
            startedAt: a.startedAt,
            submittedAt: now,
          },
        });
        await tx.response.createMany({
          data: a.responses.map((r) => ({ attemptId: a.id, questionVersionId: r.questionVersionId, answer: JSON.stringify(r.answer ?? null), correct: r.correct, score: r.score })),
        });
        await tx.classQuizAttempt.create({
          data: {
            id: a.id,
            classQuizId: a.classQuiz.id,
            userId: a.userId,
            attemptNo: used + 1,
            seed: a.seed,
            questionVersionIds: JSON.stringify(a.responses.map((r) => r.questionVersionId)),
            startedAt: a.startedAt,
            submittedAt: now,
            score: a.score,
            maxScore: a.maxScore,
          },
        });
        return { ok: true, attemptNo: used + 1 } as const;
      });
    } catch (e) {
      // Lost a race: either the same token twice (replay, found above next round) or the same attempt number.
      if (round >= 3 || !isUniqueViolation(e)) throw e;
    }
  }
}

export interface StudentGrade {
  userId: string;
  name: string;
  email: string;
  attempts: { attemptNo: number; score: number; maxScore: number; submittedAt: string; seconds: number }[];
  /** 0..1 under the quiz's policy. */
  grade: number | null;
}

/** Every learner's attempts at a class quiz and their grade under its policy, by name. */
export async function classQuizGrades(db: Db, classQuizId: string, policy: GradingPolicy): Promise<StudentGrade[]> {
  const rows = await db.classQuizAttempt.findMany({
    where: { classQuizId },
    orderBy: [{ userId: "asc" }, { attemptNo: "asc" }],
    select: { userId: true, attemptNo: true, score: true, maxScore: true, startedAt: true, submittedAt: true, user: { select: { name: true, email: true } } },
    take: 20_000,
  });
  const byUser = new Map<string, StudentGrade>();
  for (const r of rows) {
    let g = byUser.get(r.userId);
    if (!g) byUser.set(r.userId, (g = { userId: r.userId, name: r.user.name, email: r.user.email, attempts: [], grade: null }));
    g.attempts.push({
      attemptNo: r.attemptNo,
      score: r.score,
      maxScore: r.maxScore,
      submittedAt: r.submittedAt.toISOString(),
      seconds: Math.round((r.submittedAt.getTime() - r.startedAt.getTime()) / 1000),
    });
  }
  for (const g of byUser.values())
    g.grade = overallGrade(g.attempts.map((a) => ({ score: a.score, maxScore: a.maxScore, submittedAt: new Date(a.submittedAt) })), policy);
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, "ko") || a.email.localeCompare(b.email));
}

/** The grades as CSV (UTF-8 with BOM): one row per learner, the policy grade, then each attempt's score. */
export function classQuizGradesCsv(grades: StudentGrade[], policy: GradingPolicy): string {
  const most = Math.max(0, ...grades.map((g) => g.attempts.length));
  const header = ["이름", "이메일", "응시 횟수", `성적(${GRADING_POLICY_LABEL[policy]}, %)`, ...Array.from({ length: most }, (_, i) => `${i + 1}회 점수`)];
  return toCsv(
    header,
    grades.map((g) => [
      g.name,
      g.email,
      g.attempts.length,
      g.grade === null ? "" : (g.grade * 100).toFixed(1),
      ...Array.from({ length: most }, (_, i) => (g.attempts[i] ? `${g.attempts[i].score}/${g.attempts[i].maxScore}` : "")),
    ]),
  );
}
