import "server-only";
// Essay grading: the instructor's queue of essay answers and the mark that replaces a learner's
// self-assessment. A chapter quiz's essay is a Response (its Attempt's score is the sum of them);
// a practice, review or exam essay is a ReviewLog row (mastery and the FSRS card are derived from
// the log, an exam's score is the sum of its answers). A grade sets the answer's score and every
// stored figure derived from it in one transaction, and adds an EssayGrade row to the trail.
import type { EssayGradeDto, EssaySource, EssayTarget, GradingItem, GradingQuery } from "../api/grading-contracts";
import { feedbackVisible } from "../assessment/class-quiz";
import { isPassing } from "../assessment/exam-policy";
import { learnerWhere, type Learner } from "../assessment/learner";
import { replayReviews, ratingFor, type Confidence, type ReviewRating } from "../assessment/review-schedule";
import { cardColumns } from "../assessment/store";
import { readEssayAnswer } from "../quiz/essay-answer";
import { questionSchema } from "../quiz/schema";
import { db } from "./index";

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** At most this many answers are listed at once (oldest first, so the queue is worked in order). */
export const GRADING_PAGE_SIZE = 200;

// Quiz scores are kept to three decimals, as gradeQuizWith rounds them.
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const gradeSelect = {
  orderBy: [{ gradedAt: "desc" as const }, { id: "desc" as const }],
  select: { score: true, comment: true, gradedAt: true, grader: { select: { name: true } } },
};
type GradeRow = { score: number; comment: string | null; gradedAt: Date; grader: { name: string } | null };
const toGradeDto = (g: GradeRow): EssayGradeDto => ({
  score: g.score,
  comment: g.comment,
  graderName: g.grader?.name ?? null,
  gradedAt: g.gradedAt.toISOString(),
});

interface EssayVersion {
  questionId: string;
  chapterSlug: string;
  prompt: string;
  modelAnswer: string;
}

/** Every stored version of an essay question (filtered by chapter or question), by version id. */
async function essayVersions(filter: { chapter?: string; question?: string }): Promise<Map<string, EssayVersion>> {
  const rows = await db.questionVersion.findMany({
    where: {
      type: "essay",
      ...(filter.question ? { questionId: filter.question } : {}),
      ...(filter.chapter ? { question: { chapterSlug: filter.chapter } } : {}),
    },
    select: { id: true, questionId: true, body: true, question: { select: { chapterSlug: true } } },
  });
  const out = new Map<string, EssayVersion>();
  for (const r of rows) {
    const q = questionSchema.safeParse(JSON.parse(r.body));
    if (q.success && q.data.type === "essay")
      out.set(r.id, {
        questionId: r.questionId,
        chapterSlug: r.question.chapterSlug,
        prompt: q.data.prompt,
        modelAnswer: q.data.modelAnswer,
      });
  }
  return out;
}

/**
 * Essay answers from chapter quizzes, practice, review and exams, oldest first, with their grading
 * trails. `learner` narrows to one learner's own answers (what they may see of their marks).
 */
export async function listEssayAnswers(query: GradingQuery, learner?: Learner): Promise<GradingItem[]> {
  const versions = await essayVersions(query);
  if (!versions.size) return [];
  const versionIds = [...versions.keys()];
  const state = query.state === "graded" ? { essayGrades: { some: {} } } : query.state === "pending" ? { essayGrades: { none: {} } } : {};
  const [responses, logs] = await Promise.all([
    db.response.findMany({
      // A chapter quiz stores a row for an unanswered essay too (answer "null"): nothing to grade.
      where: {
        questionVersionId: { in: versionIds },
        answer: { not: "null" },
        ...state,
        ...(learner ? { attempt: { userId: learner.userId ?? "-" } } : {}),
      },
      orderBy: [{ attempt: { submittedAt: "asc" } }, { id: "asc" }],
      take: GRADING_PAGE_SIZE,
      select: {
        id: true,
        answer: true,
        score: true,
        questionVersionId: true,
        attempt: { select: { submittedAt: true, user: { select: { name: true } } } },
        essayGrades: gradeSelect,
      },
    }),
    db.reviewLog.findMany({
      where: { questionVersionId: { in: versionIds }, ...state, ...(learner ? learnerWhere(learner) : {}) },
      orderBy: [{ answeredAt: "asc" }, { id: "asc" }],
      take: GRADING_PAGE_SIZE,
      select: {
        id: true,
        answer: true,
        score: true,
        source: true,
        answeredAt: true,
        questionVersionId: true,
        user: { select: { name: true } },
        essayGrades: gradeSelect,
      },
    }),
  ]);
  const item = (
    target: EssayTarget,
    source: EssaySource,
    r: { id: string; answer: string; score: number; questionVersionId: string; essayGrades: GradeRow[] },
    at: Date,
    name: string | undefined,
  ): GradingItem => {
    const v = versions.get(r.questionVersionId)!;
    return {
      target,
      id: r.id,
      source,
      chapterSlug: v.chapterSlug,
      questionId: v.questionId,
      prompt: v.prompt,
      modelAnswer: v.modelAnswer,
      ...readEssayAnswer(r.answer),
      score: r.score,
      learnerName: name ?? "익명 학습자",
      answeredAt: at.toISOString(),
      grades: r.essayGrades.map(toGradeDto),
    };
  };
  return [
    ...responses.map((r) => item("response", "quiz", r, r.attempt.submittedAt, r.attempt.user?.name)),
    ...logs.map((l) => item("log", l.source as EssaySource, l, l.answeredAt, l.user?.name)),
  ]
    .sort((a, b) => a.answeredAt.localeCompare(b.answeredAt) || a.id.localeCompare(b.id))
    .slice(0, GRADING_PAGE_SIZE);
}

/** The questions that have essay answers, for the queue's filter. */
export async function essayQuestionsForFilter(): Promise<{ questionId: string; chapterSlug: string; prompt: string }[]> {
  const seen = new Map<string, { questionId: string; chapterSlug: string; prompt: string }>();
  for (const v of (await essayVersions({})).values())
    seen.set(v.questionId, { questionId: v.questionId, chapterSlug: v.chapterSlug, prompt: v.prompt });
  return [...seen.values()].sort((a, b) => a.chapterSlug.localeCompare(b.chapterSlug) || a.questionId.localeCompare(b.questionId));
}

export interface GradeInput {
  target: EssayTarget;
  id: string;
  score: number;
  comment?: string;
  graderId: string;
}

export interface GradeOutcome {
  grade: EssayGradeDto;
  /** The chapter quiz's or exam's score after the grade; null for practice and review answers. */
  attemptScore: number | null;
}

async function isEssayVersion(tx: Tx, versionId: string): Promise<boolean> {
  const v = await tx.questionVersion.findUnique({ where: { id: versionId }, select: { type: true } });
  return v?.type === "essay";
}

/**
 * What a mark checks and changes besides the score, once the answer's rows are locked (so an
 * instructor's grade committed meanwhile is seen): a learner's self-assessment names its owner,
 * is refused once an instructor has graded, and writes its mark into the stored answer.
 */
export interface MarkGuard {
  /** Only this learner's own answer (anyone else's is "missing"). */
  owner?: Learner;
  /** Refuse ("graded") when the answer has an instructor's grade. */
  refuseIfGraded?: boolean;
  /** Refuse ("hidden") when the answer belongs to a class quiz whose feedback is not shown yet. */
  needsFeedback?: Date;
  /** The stored answer JSON rewritten with the mark. */
  rewriteAnswer?: (answer: string) => string;
}
/** A mark's outcome: the attempt's new total (null for practice and review), or why nothing changed. */
export type MarkOutcome = { ok: true; attemptScore: number | null; answer: string } | { ok: false; reason: "missing" | "graded" | "hidden" };

const refused = (reason: "missing" | "graded" | "hidden"): MarkOutcome => ({ ok: false, reason });

/** A chapter or class quiz's essay: the response's mark, then its attempt's total (and the class quiz attempt's). */
async function markResponse(tx: Tx, id: string, score: number, guard: MarkGuard): Promise<MarkOutcome> {
  const r = await tx.response.findUnique({
    where: { id },
    select: {
      attemptId: true,
      answer: true,
      questionVersionId: true,
      attempt: { select: { userId: true, classQuizAttempt: { select: { quiz: { select: { feedback: true, closesAt: true } } } } } },
    },
  });
  if (!r || r.answer === "null" || !(await isEssayVersion(tx, r.questionVersionId))) return refused("missing");
  // A chapter quiz is kept under a user only when signed in; an anonymous attempt has no owner to match.
  if (guard.owner && (guard.owner.userId === null || r.attempt.userId !== guard.owner.userId)) return refused("missing");
  const classQuiz = r.attempt.classQuizAttempt?.quiz;
  if (guard.needsFeedback && classQuiz && !feedbackVisible(classQuiz, guard.needsFeedback)) return refused("hidden");
  // Lock the attempt first (a no-op write holds its row lock to the commit), so two marks on essays of
  // the same attempt cannot both sum the responses without seeing the other's (PostgreSQL READ COMMITTED).
  await tx.attempt.update({ where: { id: r.attemptId }, data: { score: { increment: 0 } } });
  if (guard.refuseIfGraded && (await tx.essayGrade.count({ where: { responseId: id } }))) return refused("graded");
  const answer = guard.rewriteAnswer ? guard.rewriteAnswer(r.answer) : r.answer;
  // A self-assessed essay still waits for an instructor, so it is not "correct" yet (as gradeEssay says).
  await tx.response.update({ where: { id }, data: { score, correct: !guard.rewriteAnswer && score >= 1, answer } });
  const sum = await tx.response.aggregate({ where: { attemptId: r.attemptId }, _sum: { score: true } });
  const attemptScore = round3(sum._sum.score ?? 0);
  await tx.attempt.update({ where: { id: r.attemptId }, data: { score: attemptScore } });
  // A class quiz's grade (its policy over attempts) reads the ClassQuizAttempt's own score.
  if (classQuiz) await tx.classQuizAttempt.update({ where: { id: r.attemptId }, data: { score: attemptScore } });
  return { ok: true, attemptScore, answer };
}

const ownedBy = (l: { userId: string | null; anonId: string | null }, who: Learner) =>
  who.userId !== null ? l.userId === who.userId : l.userId === null && l.anonId === who.anonId;

/** A practice, review or exam essay: the log's mark and FSRS rating, the card rebuilt from the log, the exam's total. */
async function markLog(tx: Tx, id: string, score: number, guard: MarkGuard): Promise<MarkOutcome> {
  const l = await tx.reviewLog.findUnique({
    where: { id },
    select: { userId: true, anonId: true, answer: true, questionId: true, questionVersionId: true, confidence: true, examAttemptId: true },
  });
  if (!l || !(await isEssayVersion(tx, l.questionVersionId))) return refused("missing");
  // A learner rates only an answer they gave (an exam stores an unanswered essay as "null").
  if (guard.owner && (!ownedBy(l, guard.owner) || l.answer === "null")) return refused("missing");
  const learner: Learner = l.userId ? { userId: l.userId, anonId: null } : { userId: null, anonId: l.anonId! };
  // Lock the answer, then the rows rebuilt from several answers (the card, the exam), before reading
  // those answers; every mark takes them in this order, so a grade and a self-assessment serialise.
  await tx.reviewLog.update({ where: { id }, data: { score: { increment: 0 } } });
  await tx.reviewCard.updateMany({ where: { ...learnerWhere(learner), questionId: l.questionId }, data: { reps: { increment: 0 } } });
  if (l.examAttemptId) await tx.examAttempt.update({ where: { id: l.examAttemptId }, data: { score: { increment: 0 } } });
  if (guard.refuseIfGraded && (await tx.essayGrade.count({ where: { reviewLogId: id } }))) return refused("graded");
  const answer = guard.rewriteAnswer ? guard.rewriteAnswer(l.answer) : l.answer;
  await tx.reviewLog.update({
    where: { id },
    data: { score, answer, rating: ratingFor(score, (l.confidence ?? undefined) as Confidence | undefined) },
  });
  // The card is a cache of replayReviews(log) (ADR 0021): a changed rating reschedules it.
  const events = await tx.reviewLog.findMany({
    where: { ...learnerWhere(learner), questionId: l.questionId },
    select: { rating: true, answeredAt: true },
  });
  const card = replayReviews(events.map((e) => ({ rating: e.rating as ReviewRating, at: e.answeredAt })));
  const existing = await tx.reviewCard.findFirst({ where: { ...learnerWhere(learner), questionId: l.questionId }, select: { id: true } });
  if (card && existing) await tx.reviewCard.update({ where: { id: existing.id }, data: cardColumns(card) });
  if (!l.examAttemptId) return { ok: true, attemptScore: null, answer };
  const exam = await tx.examAttempt.findUniqueOrThrow({ where: { id: l.examAttemptId }, select: { maxScore: true, passRatio: true } });
  const sum = await tx.reviewLog.aggregate({ where: { examAttemptId: l.examAttemptId }, _sum: { score: true } });
  const examScore = round3(sum._sum.score ?? 0);
  await tx.examAttempt.update({
    where: { id: l.examAttemptId },
    data: { score: examScore, passed: isPassing(examScore, exam.maxScore, exam.passRatio) },
  });
  return { ok: true, attemptScore: examScore, answer };
}

/**
 * Sets an essay answer's score and every stored figure derived from it, inside the caller's
 * transaction: the one propagation both an instructor's grade and a learner's self-assessment use.
 */
export function markEssay(tx: Tx, target: EssayTarget, id: string, score: number, guard: MarkGuard = {}): Promise<MarkOutcome> {
  return target === "response" ? markResponse(tx, id, score, guard) : markLog(tx, id, score, guard);
}

/**
 * Gives an essay answer an instructor's mark (re-grading replaces it; the earlier marks stay as the
 * trail). All or nothing. Null when there is no such essay answer.
 */
export async function gradeEssayAnswer(input: GradeInput, now = new Date()): Promise<GradeOutcome | null> {
  return db.$transaction(async (tx) => {
    const marked = await markEssay(tx, input.target, input.id, input.score);
    if (!marked.ok) return null;
    const g = await tx.essayGrade.create({
      data: {
        responseId: input.target === "response" ? input.id : null,
        reviewLogId: input.target === "log" ? input.id : null,
        score: input.score,
        comment: input.comment ? input.comment : null,
        graderId: input.graderId,
        gradedAt: now,
      },
      select: { score: true, comment: true, gradedAt: true, grader: { select: { name: true } } },
    });
    return { grade: toGradeDto(g), attemptScore: marked.attemptScore };
  });
}

async function currentGrades(column: "reviewLogId" | "responseId", ids: readonly string[]): Promise<Map<string, EssayGradeDto>> {
  const rows = await db.essayGrade.findMany({
    where: { [column]: { in: [...ids] } },
    orderBy: [{ gradedAt: "asc" }, { id: "asc" }],
    select: { reviewLogId: true, responseId: true, score: true, comment: true, gradedAt: true, grader: { select: { name: true } } },
  });
  // Ascending, so the newest of each row is set last.
  return new Map(rows.map((r) => [r[column]!, toGradeDto(r)]));
}

/** The instructor's current mark (newest grade) of each of these answer-log rows, by row id. */
export const currentGradesOfLogs = (ids: readonly string[]) => currentGrades("reviewLogId", ids);
/** The instructor's current mark of each of these chapter or class quiz responses, by response id. */
export const currentGradesOfResponses = (ids: readonly string[]) => currentGrades("responseId", ids);
