/** What a graded response may reveal in each mode (exam keys stay secret outside one's own attempt). */
import type { GradedQuestion, GradedResponse, QuizMode } from "./contracts";
import type { GradeResult } from "./grade";

export interface RevealContext {
  mode: QuizMode;
  /**
   * The attempt this response belongs to, as the server verified it: `ownAttempt` when the
   * requester owns it, `submitted` once the whole attempt is finished. Absent for a bare request.
   */
  attempt?: { ownAttempt: boolean; submitted: boolean };
}

/** Whether keys and explanations may be shown for this request. */
export function mayReveal(ctx: RevealContext): boolean {
  if (ctx.mode === "practice") return true;
  return Boolean(ctx.attempt?.ownAttempt && ctx.attempt.submitted);
}

/**
 * Builds the graded response for a mode. Practice: everything. Exam: everything only for the
 * learner's own submitted attempt; otherwise no score, keys, explanations, feedback or correctness.
 */
export function buildGradedResponse(grade: GradeResult, ctx: RevealContext, extra: { attemptId?: string; saved?: boolean } = {}): GradedResponse {
  const base = { mode: ctx.mode, ...extra, maxScore: grade.maxScore };
  if (!mayReveal(ctx)) {
    return {
      ...base,
      score: null,
      revealed: false,
      message: "시험 모드의 결과와 정답은 응시를 마친 본인의 기록에서만 볼 수 있습니다.",
      results: grade.results.map((r) => ({ questionId: r.questionId, type: r.type, answered: r.answered, correct: false, score: 0 }) as GradedQuestion),
    };
  }
  return {
    ...base,
    score: grade.score,
    revealed: true,
    results: grade.results as GradedQuestion[],
    ...(grade.cbm ? { cbm: grade.cbm } : {}),
  };
}

/** Practice mode allows this many tries per question before the key is shown. */
export const PRACTICE_TRIES = 2;

/**
 * One question's practice response: immediate verdict and feedback; after a wrong first try the
 * explanation but not the key (so the retry still asks something); the key once right or out of tries.
 */
export function buildPracticeQuestionResponse(result: GradedQuestion, tryNumber: number): GradedQuestion & { triesLeft: number } {
  const done = result.correct || result.pending === true || tryNumber >= PRACTICE_TRIES;
  const triesLeft = done ? 0 : PRACTICE_TRIES - tryNumber;
  if (done) return { ...result, triesLeft };
  const withheld = { ...result, triesLeft } as GradedQuestion & { triesLeft: number };
  delete withheld.correctAnswer;
  return withheld;
}
