import "server-only";
import { db } from "../db";
import { isUniqueViolation } from "../db/queries";
import { learnerWhere, type Learner } from "./learner";
import type { AnswerSource, TaggedAnswer } from "./mastery";
import { replayReviews, reviewCard, type Confidence, type ReviewCardState, type ReviewRating } from "./review-schedule";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** One graded first-try answer to store. */
export interface AnswerRecord {
  questionId: string;
  questionVersionId: string;
  concepts: readonly string[];
  source: AnswerSource;
  answer: unknown;
  score: number;
  confidence?: Confidence;
  rating: ReviewRating;
}

/** A card state as the columns of a ReviewCard row. */
export const cardColumns = (c: ReviewCardState) => ({
  due: c.due,
  stability: c.stability,
  difficulty: c.difficulty,
  scheduledDays: c.scheduledDays,
  learningSteps: c.learningSteps,
  reps: c.reps,
  lapses: c.lapses,
  state: c.state,
  lastReview: c.lastReview,
});

function toCardState(row: Omit<ReviewCardState, "state"> & { state: string }): ReviewCardState {
  return { ...row, state: row.state as ReviewCardState["state"] };
}

async function writeAnswer(tx: Tx, learner: Learner, a: AnswerRecord, now: Date, examAttemptId?: string) {
  const log = await tx.reviewLog.create({
    select: { id: true },
    data: {
      userId: learner.userId,
      anonId: learner.userId ? null : learner.anonId,
      questionId: a.questionId,
      questionVersionId: a.questionVersionId,
      concepts: JSON.stringify(a.concepts),
      source: a.source,
      answer: JSON.stringify(a.answer ?? null),
      score: a.score,
      confidence: a.confidence ?? null,
      rating: a.rating,
      answeredAt: now,
      examAttemptId,
    },
  });
  const where = { ...learnerWhere(learner), questionId: a.questionId };
  const existing = await tx.reviewCard.findFirst({ where });
  const next = reviewCard(existing ? toCardState(existing) : null, a.rating, now);
  if (existing) await tx.reviewCard.update({ where: { id: existing.id }, data: cardColumns(next) });
  else
    await tx.reviewCard.create({
      data: { userId: learner.userId, anonId: learner.userId ? null : learner.anonId, questionId: a.questionId, ...cardColumns(next) },
    });
  return { card: next, answerId: log.id };
}

/** Stores one practice or review answer and moves its review card, atomically. Returns the new card and the answer's id. */
export async function recordAnswer(learner: Learner, a: AnswerRecord, now: Date): Promise<{ card: ReviewCardState; answerId: string }> {
  for (let i = 0; ; i++) {
    try {
      return await db.$transaction((tx) => writeAnswer(tx, learner, a, now));
    } catch (e) {
      // Two first answers to the same question at once both tried to create its card: retry once.
      if (i > 0 || !isUniqueViolation(e)) throw e;
    }
  }
}

/** A learner's review cards due by `until`, soonest first. */
export async function listDueCards(learner: Learner, until: Date) {
  return db.reviewCard.findMany({
    where: { ...learnerWhere(learner), due: { lte: until } },
    orderBy: [{ due: "asc" }, { questionId: "asc" }],
    select: { questionId: true, due: true, reps: true, lapses: true, state: true },
  });
}

/** How many of a learner's review cards are due by `until`. */
export function countDueCards(learner: Learner, until: Date): Promise<number> {
  return db.reviewCard.count({ where: { ...learnerWhere(learner), due: { lte: until } } });
}

/** A learner's answer history with concepts, oldest first: the input of mastery. */
export async function answerHistory(learner: Learner): Promise<TaggedAnswer[]> {
  const rows = await db.reviewLog.findMany({
    where: learnerWhere(learner),
    orderBy: [{ answeredAt: "asc" }, { id: "asc" }],
    select: { score: true, source: true, answeredAt: true, concepts: true },
  });
  return rows.map((r) => ({
    score: r.score,
    source: r.source as AnswerSource,
    at: r.answeredAt.getTime(),
    concepts: JSON.parse(r.concepts) as string[],
  }));
}

/** A submitted exam to store with its graded answers. */
export interface ExamRecord {
  id: string;
  seed: number;
  questionIds: string[];
  questionVersionIds: string[];
  timeLimitSec: number | null;
  startedAt: Date;
  score: number;
  maxScore: number;
  passRatio: number;
  passed: boolean;
  answers: AnswerRecord[];
}

/**
 * Stores a submitted exam and all its answers in one transaction, or nothing. Returns false when an
 * attempt with that id exists already (a replayed token).
 */
export async function storeExamAttempt(learner: Learner, exam: ExamRecord, now: Date): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.examAttempt.create({
        data: {
          id: exam.id,
          userId: learner.userId,
          anonId: learner.userId ? null : learner.anonId,
          seed: exam.seed,
          questionIds: JSON.stringify(exam.questionIds),
          questionVersionIds: JSON.stringify(exam.questionVersionIds),
          timeLimitSec: exam.timeLimitSec,
          startedAt: exam.startedAt,
          submittedAt: now,
          score: exam.score,
          maxScore: exam.maxScore,
          passRatio: exam.passRatio,
          passed: exam.passed,
        },
      });
      for (const a of exam.answers) await writeAnswer(tx, learner, a, now, exam.id);
    });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** True when an exam attempt with this id has been stored. */
export async function examAttemptExists(id: string): Promise<boolean> {
  return (await db.examAttempt.count({ where: { id } })) > 0;
}

/** Question ids of a learner's earlier exams, oldest first (for not repeating questions). */
export async function previousExamQuestionIds(learner: Learner): Promise<string[][]> {
  const rows = await db.examAttempt.findMany({
    where: learnerWhere(learner),
    orderBy: { submittedAt: "asc" },
    select: { questionIds: true },
  });
  return rows.map((r) => JSON.parse(r.questionIds) as string[]);
}

/** A learner's own exam attempt with its answers; null for anyone else's (or none). */
export async function getOwnExamAttempt(learner: Learner, id: string) {
  const row = await db.examAttempt.findFirst({
    where: { id, ...learnerWhere(learner) },
    include: { answers: { orderBy: { id: "asc" } } },
  });
  return row;
}

/** A learner's submitted exams, newest first. */
export function listExamAttempts(learner: Learner) {
  return db.examAttempt.findMany({
    where: learnerWhere(learner),
    orderBy: { submittedAt: "desc" },
    select: { id: true, score: true, maxScore: true, passed: true, submittedAt: true },
  });
}

/**
 * Moves an anonymous learner's answers, cards and exams to a user who just signed up or in.
 * Idempotent. A question both have a card for gets one card rebuilt from the merged review log.
 */
export async function adoptAnonymousWork(anonId: string, userId: string): Promise<{ moved: number }> {
  return db.$transaction(async (tx) => {
    const logs = await tx.reviewLog.updateMany({ where: { anonId, userId: null }, data: { userId, anonId: null } });
    await tx.examAttempt.updateMany({ where: { anonId, userId: null }, data: { userId, anonId: null } });
    const anonCards = await tx.reviewCard.findMany({ where: { anonId, userId: null }, select: { id: true, questionId: true } });
    for (const card of anonCards) {
      const mine = await tx.reviewCard.findFirst({ where: { userId, questionId: card.questionId }, select: { id: true } });
      if (!mine) {
        await tx.reviewCard.update({ where: { id: card.id }, data: { userId, anonId: null } });
        continue;
      }
      const events = await tx.reviewLog.findMany({
        where: { userId, questionId: card.questionId },
        select: { rating: true, answeredAt: true },
      });
      const merged = replayReviews(events.map((e) => ({ rating: e.rating as ReviewRating, at: e.answeredAt })));
      await tx.reviewCard.delete({ where: { id: card.id } });
      if (merged) await tx.reviewCard.update({ where: { id: mine.id }, data: cardColumns(merged) });
    }
    return { moved: logs.count };
  });
}

/** Stored question versions by id (their bodies carry the key as graded). */
export async function loadQuestionVersions(ids: readonly string[]) {
  const rows = await db.questionVersion.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, questionId: true, body: true, question: { select: { chapterSlug: true } } },
  });
  return new Map(rows.map((r) => [r.id, { id: r.id, questionId: r.questionId, body: r.body, chapterSlug: r.question.chapterSlug }]));
}

/** The scenario seed of a learner's latest recorded answer to each of these (simulation) questions. */
export async function lastScenarioSeeds(learner: Learner, questionIds: readonly string[]): Promise<Map<string, number>> {
  if (!questionIds.length) return new Map();
  const rows = await db.reviewLog.findMany({
    where: { ...learnerWhere(learner), questionId: { in: [...questionIds] } },
    orderBy: [{ answeredAt: "desc" }, { id: "desc" }],
    select: { questionId: true, answer: true },
  });
  const out = new Map<string, number>();
  for (const r of rows) {
    if (out.has(r.questionId)) continue;
    const a = JSON.parse(r.answer) as { seed?: unknown } | null;
    if (typeof a?.seed === "number") out.set(r.questionId, a.seed);
  }
  return out;
}
