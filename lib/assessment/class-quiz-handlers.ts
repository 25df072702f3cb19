import "server-only";
import { createHmac, randomBytes, randomInt } from "node:crypto";
import type { Db } from "../db/client";
import {
  countClassQuizAttempts,
  getClassQuizByCode,
  listCandidates,
  listOwnClassQuizAttempts,
  storeClassQuizAttempt,
  type ClassQuizRecord,
} from "../db/class-quiz";
import type { GradedQuestion } from "../quiz/contracts";
import { toPublicQuestion } from "../quiz/public";
import { questionSchema } from "../quiz/schema";
import { firstIssue } from "../server/errors";
import { signAttemptToken, SUBMIT_GRACE_SECONDS, TOKEN_ERROR_STATUS, verifyAttemptToken, type TokenError } from "./attempt-token";
import { acceptsSubmission, attemptLimitSec, attemptsLeft, drawQuestions, feedbackVisible, NO_ATTEMPTS_LEFT, windowMessage } from "./class-quiz";
import { classQuizSubmitSchema, type ClassQuizStartResponse, type ClassQuizSubmitResponse } from "./class-quiz-contracts";
import { overallGrade } from "./exam-policy";
import { gradeSignedAttempt, type HandlerResult } from "./handlers";
import { loadQuestionVersions } from "./store";

const error = (status: number, message: string): HandlerResult<never> => ({ status, body: { error: message } });

/**
 * The key a class quiz's attempt tokens are signed with: derived from the server's secret and the
 * quiz id, so a token from one class quiz (or from 종합 평가) never verifies for another.
 */
export function classQuizTokenSecret(secret: string, classQuizId: string): string {
  return createHmac("sha256", secret).update(`kafka-course/class-quiz/${classQuizId}`).digest("base64url");
}

const NOT_FOUND = "없는 퀴즈입니다. 링크를 다시 확인해 주세요.";

/** The token refusals in a class quiz's words (the statuses are the exam's, TOKEN_ERROR_STATUS). */
const TOKEN_MESSAGE: Record<TokenError, string> = {
  malformed: "퀴즈 응시 토큰의 형식이 올바르지 않습니다. 퀴즈를 다시 시작해 주세요.",
  forged: "퀴즈 응시 토큰의 서명이 맞지 않습니다. 이 퀴즈에서 발급한 토큰이 아닙니다.",
  expired: "제한 시간이 지나 제출할 수 없습니다. 퀴즈를 다시 시작해 주세요.",
  replayed: "이미 제출한 응시입니다. 같은 응시를 두 번 제출할 수 없습니다.",
  "wrong-learner": "다른 학습자의 퀴즈 응시 토큰입니다.",
};
const sub = (userId: string) => `u:${userId}`;

/**
 * Starts an attempt at a class quiz: checks the window and the attempts left, draws this attempt's
 * questions (seeded) and signs a token carrying exactly those question versions. Stores nothing.
 */
export async function startClassQuiz(db: Db, code: string, userId: string, now: Date, secret: string): Promise<HandlerResult<ClassQuizStartResponse>> {
  const quiz = await getClassQuizByCode(db, code);
  if (!quiz) return error(404, NOT_FOUND);
  const closed = windowMessage(quiz, now);
  if (closed) return error(quiz.status === "archived" ? 410 : 409, closed);
  const used = await countClassQuizAttempts(db, quiz.id, userId);
  if (attemptsLeft(quiz.maxAttempts, used) === 0) return error(409, NO_ATTEMPTS_LEFT);
  const candidates = await listCandidates(db);
  const seed = randomInt(0, 0x7fffffff);
  const { ids } = drawQuestions(quiz.items, candidates, seed);
  if (!ids.length) return error(409, "이 퀴즈에 낼 수 있는 문항이 없습니다. 강사에게 알려 주세요.");
  const versionOf = new Map(candidates.map((c) => [c.id, c.versionId]));
  const qv = ids.map((id) => versionOf.get(id)!);
  const versions = await loadQuestionVersions(qv);
  const questions = qv.flatMap((v) => {
    const row = versions.get(v);
    const q = row ? questionSchema.safeParse(JSON.parse(row.body)) : null;
    return row && q?.success ? [toPublicQuestion(q.data, { attemptSeed: seed, chapterSlug: row.chapterSlug })] : [];
  });
  if (questions.length !== qv.length) return error(409, "이 퀴즈의 문항을 읽지 못했습니다. 강사에게 알려 주세요.");
  const lim = attemptLimitSec(quiz.timeLimitSec, quiz.closesAt, now);
  const claims = { aid: randomBytes(16).toString("base64url"), sub: sub(userId), qv, seed, iat: now.getTime(), lim };
  return {
    status: 201,
    body: {
      token: signAttemptToken(claims, classQuizTokenSecret(secret, quiz.id)),
      attemptId: claims.aid,
      attemptNo: used + 1,
      startedAt: now.toISOString(),
      deadline: lim === null ? null : new Date(now.getTime() + lim * 1000).toISOString(),
      timeLimitSec: lim,
      questions,
    },
  };
}

/** A learner's grade at a class quiz under its policy (0 before any attempt). */
async function policyGrade(db: Db, quiz: ClassQuizRecord, userId: string): Promise<number> {
  const own = await listOwnClassQuizAttempts(db, quiz.id, userId);
  return overallGrade(own, quiz.gradingPolicy) ?? 0;
}

/**
 * Grades and stores a class-quiz attempt, all or nothing. Refused with a Korean 4xx: a token that is
 * forged, another learner's or another quiz's, past its time limit, already submitted; a closed or
 * archived quiz; no attempt left. Keys and feedback come back only when the quiz shows them now.
 */
export async function submitClassQuiz(db: Db, code: string, userId: string, raw: unknown, now: Date, secret: string): Promise<HandlerResult<ClassQuizSubmitResponse>> {
  const parsed = classQuizSubmitSchema.safeParse(raw);
  if (!parsed.success) return error(400, `제출 형식이 올바르지 않습니다: ${firstIssue(parsed.error)}`);
  const quiz = await getClassQuizByCode(db, code);
  if (!quiz) return error(404, NOT_FOUND);
  const verified = verifyAttemptToken(parsed.data.token, { secret: classQuizTokenSecret(secret, quiz.id), now, sub: sub(userId) });
  if (!verified.ok) return error(TOKEN_ERROR_STATUS[verified.error], TOKEN_MESSAGE[verified.error]);
  if (!acceptsSubmission(quiz, now, SUBMIT_GRACE_SECONDS)) return error(quiz.status === "archived" ? 410 : 409, windowMessage(quiz, now) ?? "마감된 퀴즈입니다.");
  const claims = verified.claims;
  const graded = await gradeSignedAttempt(claims, parsed.data.answers, { id: quiz.id, title: quiz.title, missing: "퀴즈 문항을 찾을 수 없습니다. 다시 시작해 주세요." });
  if (!graded.ok) return graded.error;
  const { questions, chapterSlugs, checked, grade } = graded;
  const stored = await storeClassQuizAttempt(
    db,
    {
      id: claims.aid,
      classQuiz: quiz,
      userId,
      seed: claims.seed,
      startedAt: new Date(claims.iat),
      score: grade.score,
      maxScore: grade.maxScore,
      responses: grade.results.map((r, i) => ({ questionVersionId: claims.qv[i], answer: checked.answers[r.questionId] ?? null, correct: r.correct, score: r.score })),
    },
    now,
  );
  if (!stored.ok) return stored.reason === "replayed" ? error(TOKEN_ERROR_STATUS.replayed, TOKEN_MESSAGE.replayed) : error(409, NO_ATTEMPTS_LEFT);
  const shown = feedbackVisible(quiz, now);
  return {
    status: 201,
    body: {
      attemptId: claims.aid,
      attemptNo: stored.attemptNo,
      score: grade.score,
      maxScore: grade.maxScore,
      feedbackShown: shown,
      questions: shown ? questions.map((q, i) => toPublicQuestion(q, { attemptSeed: claims.seed, chapterSlug: chapterSlugs[i] })) : [],
      results: shown ? (grade.results as GradedQuestion[]) : [],
      attemptsLeft: attemptsLeft(quiz.maxAttempts, stored.attemptNo),
      grade: await policyGrade(db, quiz, userId),
    },
  };
}
