import "server-only";
import { randomBytes, randomInt } from "node:crypto";
import {
  SELF_ASSESSMENT_GRADED_MESSAGE,
  SELF_ASSESSMENT_NOT_FOUND_MESSAGE,
  selfAssessRequestSchema,
  type SelfAssessResponse,
} from "../api/self-assessment-contracts";
import { selfAssessEssay } from "../db/self-assessment";
import { firstIssue } from "../server/errors";
import { checkAnswer, checkSubmission, gradeQuestion, gradeQuizWith, type Answer, type GradeResult } from "../quiz/grade";
import type { GradedQuestion } from "../quiz/contracts";
import { toPublicQuestion } from "../quiz/public";
import { seedForAttempt } from "../quiz/simulation";
import { questionSchema, type Question } from "../quiz/schema";
import {
  answerRequestSchema,
  examStartSchema,
  examSubmitSchema,
  type AnswerResponse,
  type ExamStartResponse,
  type ExamSubmitResponse,
  type MasteryChange,
} from "./api-schema";
import { signAttemptToken, TOKEN_ERROR_MESSAGE, TOKEN_ERROR_STATUS, verifyAttemptToken, type AttemptClaims } from "./attempt-token";
import { assembleExam } from "./exam-assembly";
import { DEFAULT_PASS_RATIO, isPassing } from "./exam-policy";
import { learnerKey, type Learner } from "./learner";
import { masteryByConcept, type TaggedAnswer } from "./mastery";
import { findPoolQuestion, loadQuestionPool, versionIdsFor } from "./question-pool";
import { ratingFor } from "./review-schedule";
import { answerHistory, examAttemptExists, loadQuestionVersions, previousExamQuestionIds, recordAnswer, storeExamAttempt } from "./store";

/** A handler's outcome: a status and a JSON body; route files turn it into a Response. */
export interface HandlerResult<T = unknown> {
  status: number;
  body: T | { error: string };
}

const error = (status: number, message: string): HandlerResult<never> => ({ status, body: { error: message } });

/** How many questions a course exam has (fewer when the pool is smaller). */
export const EXAM_SIZE = 10;

function masteryChanges(history: TaggedAnswer[], added: TaggedAnswer | null, concepts: readonly string[]): MasteryChange[] {
  const before = masteryByConcept(history);
  const after = added ? masteryByConcept([...history, added]) : before;
  return concepts.map((c) => ({ concept: c, before: before.get(c) ?? "미학습", after: after.get(c) ?? "미학습" }));
}

/**
 * Grades one practice or review answer. A first try is recorded (answer log, review card, mastery);
 * practice allows one retry, graded but not recorded. The key shows only once the learner may see it.
 */
export async function answerQuestion(learner: Learner, raw: unknown, now: Date): Promise<HandlerResult<AnswerResponse>> {
  const parsed = answerRequestSchema.safeParse(raw);
  if (!parsed.success) return error(400, `제출 형식이 올바르지 않습니다: ${firstIssue(parsed.error)}`);
  const req = parsed.data;
  const entry = await findPoolQuestion(req.questionId);
  if (!entry) return error(404, `없는 문항입니다: ${req.questionId}`);
  if (req.answer === undefined || req.answer === null) return error(400, "답이 비어 있습니다. 답을 고르거나 입력한 뒤 제출해 주세요.");
  const checked = checkAnswer(entry.question, req.answer);
  if (!checked.ok) return error(400, checked.message);
  const answer = checked.answer;
  // A simulation answer carries its scenario's seed, so each review can be a fresh scenario.
  const graded = gradeQuestion(entry.question, answer);
  const q = entry.question;
  const retry = req.source === "practice" && req.retry === true;
  const history = await answerHistory(learner);
  let nextDue: string | undefined;
  let answerId: string | undefined;
  let added: TaggedAnswer | null = null;
  if (!retry) {
    const versionId = (await versionIdsFor([entry])).get(q.id)!;
    const stored = await recordAnswer(
      learner,
      {
        questionId: q.id,
        questionVersionId: versionId,
        concepts: q.concepts,
        source: req.source,
        answer,
        score: graded.score,
        confidence: req.confidence,
        rating: ratingFor(graded.score, req.confidence),
      },
      now,
    );
    nextDue = stored.card.due.toISOString();
    answerId = stored.answerId;
    added = { score: graded.score, source: req.source, at: now.getTime(), concepts: q.concepts };
  }
  // An essay waits for the learner's own mark against the model answer (and an instructor's): no retry,
  // the model answer shows at once.
  const canRetry = req.source === "practice" && !retry && !graded.correct && !graded.pending;
  return {
    status: retry ? 200 : 201,
    body: {
      questionId: q.id,
      correct: graded.correct,
      score: graded.score,
      graded: (canRetry ? { ...graded, correctAnswer: undefined } : graded) as GradedQuestion,
      canRetry,
      recorded: !retry,
      ...(answerId ? { answerId } : {}),
      nextDue,
      mastery: masteryChanges(history, added, q.concepts),
    },
  };
}

const SELF_ASSESSMENT_REFUSAL = {
  missing: { status: 404, message: SELF_ASSESSMENT_NOT_FOUND_MESSAGE },
  graded: { status: 409, message: SELF_ASSESSMENT_GRADED_MESSAGE },
  hidden: { status: 409, message: "이 퀴즈는 마감된 뒤에 모범 답안을 보고 스스로 채점할 수 있습니다." },
} as const;

/**
 * Records a learner's self-assessment (0 / 0.5 / 1) of their own submitted essay answer and re-scores
 * what derives from it; only the learner's own answer, and never over an instructor's grade.
 */
export async function selfAssessAnswer(learner: Learner, raw: unknown, now: Date): Promise<HandlerResult<SelfAssessResponse>> {
  const parsed = selfAssessRequestSchema.safeParse(raw);
  if (!parsed.success) return error(400, `스스로 채점 형식이 올바르지 않습니다: ${firstIssue(parsed.error)}`);
  const outcome = await selfAssessEssay(learner, parsed.data, now);
  if (!outcome.ok) return error(SELF_ASSESSMENT_REFUSAL[outcome.reason].status, SELF_ASSESSMENT_REFUSAL[outcome.reason].message);
  return { status: 200, body: outcome.value };
}

/** Starts a course exam: assembles the questions and signs a token carrying the whole attempt. Stores nothing. */
export async function startExam(learner: Learner, raw: unknown, now: Date, secret: string): Promise<HandlerResult<ExamStartResponse>> {
  const parsed = examStartSchema.safeParse(raw ?? {});
  if (!parsed.success) return error(400, `시험 설정이 올바르지 않습니다: ${firstIssue(parsed.error)}`);
  const pool = await loadQuestionPool();
  if (!pool.length) return error(404, "아직 종합 평가에 낼 문항이 없습니다.");
  const seed = randomInt(0, 0x7fffffff);
  const picked = assembleExam({
    pool: pool.map((e) => ({ id: e.question.id, concepts: e.question.concepts })),
    previousAttempts: await previousExamQuestionIds(learner),
    size: EXAM_SIZE,
    seed,
  });
  const byId = new Map(pool.map((e) => [e.question.id, e]));
  const entries = picked.map((p) => byId.get(p.id)!);
  const versions = await versionIdsFor(entries);
  const lim = parsed.data.timeLimitMinutes ? parsed.data.timeLimitMinutes * 60 : null;
  const claims = {
    aid: randomBytes(16).toString("base64url"),
    sub: learnerKey(learner),
    qv: entries.map((e) => versions.get(e.question.id)!),
    seed,
    iat: now.getTime(),
    lim,
  };
  return {
    status: 201,
    body: {
      token: signAttemptToken(claims, secret),
      attemptId: claims.aid,
      startedAt: now.toISOString(),
      deadline: lim === null ? null : new Date(now.getTime() + lim * 1000).toISOString(),
      timeLimitSec: lim,
      passRatio: DEFAULT_PASS_RATIO,
      questions: entries.map((e) => toPublicQuestion(e.question, { attemptSeed: seed, chapterSlug: e.chapterSlug })),
    },
  };
}

/** A signed attempt graded against exactly the question versions its token names (not the bank as it is now). */
export type SignedAttemptGrade =
  | { ok: true; questions: Question[]; chapterSlugs: string[]; checked: { answers: Record<string, Answer> }; grade: GradeResult }
  | { ok: false; error: HandlerResult<never> };

/**
 * Loads the question versions a verified token carries, checks the answers against them (a
 * simulation answer must be for the scenario this attempt showed) and grades them with the token's
 * seed. Shared by 종합 평가 and class quizzes, so both grade a signed attempt the same way.
 */
export async function gradeSignedAttempt(claims: AttemptClaims, rawAnswers: unknown, quizMeta: { id: string; title: string; missing: string }): Promise<SignedAttemptGrade> {
  const versions = await loadQuestionVersions(claims.qv);
  const questions: Question[] = [];
  const chapterSlugs: string[] = [];
  for (const id of claims.qv) {
    const v = versions.get(id);
    const q = v ? questionSchema.safeParse(JSON.parse(v.body)) : null;
    if (!v || !q?.success) return { ok: false, error: error(409, quizMeta.missing) };
    questions.push(q.data);
    chapterSlugs.push(v.chapterSlug);
  }
  const quiz = { id: quizMeta.id, chapterSlug: quizMeta.id, title: quizMeta.title, questions };
  if (rawAnswers === undefined) return { ok: false, error: error(400, "제출 형식이 올바르지 않습니다: answers 객체가 필요합니다.") };
  const checked = checkSubmission(quiz, rawAnswers);
  if (!checked.ok) return { ok: false, error: error(400, checked.message) };
  for (const q of questions) {
    const a = checked.answers[q.id] as { seed?: number } | undefined;
    if (q.type === "simulation" && a && a.seed !== seedForAttempt(q, claims.seed, q.id))
      return { ok: false, error: error(400, `문항 ${q.id}의 답이 이 응시에서 받은 시나리오에 대한 것이 아닙니다.`) };
  }
  return { ok: true, questions, chapterSlugs, checked, grade: gradeQuizWith(quiz, checked.answers, { attemptSeed: claims.seed }) };
}

/**
 * Grades and stores a whole exam attempt, all or nothing. The token is checked first: forged,
 * another learner's, past its time limit, or already submitted are each refused with a Korean 4xx.
 */
export async function submitExam(learner: Learner, raw: unknown, now: Date, secret: string): Promise<HandlerResult<ExamSubmitResponse>> {
  const parsed = examSubmitSchema.safeParse(raw);
  if (!parsed.success) return error(400, `제출 형식이 올바르지 않습니다: ${firstIssue(parsed.error)}`);
  const verified = verifyAttemptToken(parsed.data.token, { secret, now, sub: learnerKey(learner) });
  if (!verified.ok) return error(TOKEN_ERROR_STATUS[verified.error], verified.message);
  const claims = verified.claims;
  if (await examAttemptExists(claims.aid)) return error(TOKEN_ERROR_STATUS.replayed, TOKEN_ERROR_MESSAGE.replayed);
  const graded = await gradeSignedAttempt(claims, parsed.data.answers, { id: "course-exam", title: "종합 평가", missing: "시험 문항을 찾을 수 없습니다. 시험을 다시 시작해 주세요." });
  if (!graded.ok) return graded.error;
  const { questions, checked, grade } = graded;
  const passed = isPassing(grade.score, grade.maxScore, DEFAULT_PASS_RATIO);
  const stored = await storeExamAttempt(
    learner,
    {
      id: claims.aid,
      seed: claims.seed,
      questionIds: questions.map((q) => q.id),
      questionVersionIds: claims.qv,
      timeLimitSec: claims.lim,
      startedAt: new Date(claims.iat),
      score: grade.score,
      maxScore: grade.maxScore,
      passRatio: DEFAULT_PASS_RATIO,
      passed,
      answers: grade.results.map((r, i) => ({
        questionId: r.questionId,
        questionVersionId: claims.qv[i],
        concepts: questions[i].concepts,
        source: "exam" as const,
        answer: checked.answers[r.questionId] ?? null,
        score: r.score,
        rating: ratingFor(r.score),
      })),
    },
    now,
  );
  if (!stored) return error(TOKEN_ERROR_STATUS.replayed, TOKEN_ERROR_MESSAGE.replayed);
  return {
    status: 201,
    body: { attemptId: claims.aid, score: grade.score, maxScore: grade.maxScore, passed, passRatio: DEFAULT_PASS_RATIO },
  };
}

