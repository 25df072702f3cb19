import { answerSchema, ANSWER_HINT, submissionSchema } from "./answers";
import { cbmMark, cbmSummary, type Confidence } from "./cbm";
import { gradeQuestion, type Answer, type QuestionResult } from "./graders";
import type { Quiz } from "./schema";

export { normalizeText, gradeQuestion } from "./graders";
export type { Answer, CorrectAnswer, EssayAnswer, QuestionResult, SimulationAnswer } from "./graders";

export interface GradeResult {
  score: number;
  maxScore: number;
  results: (QuestionResult & { cbm?: { confidence: Confidence; mark: number } })[];
  /** Present when certainty-based marking was asked for. */
  cbm?: { total: number; average: number; max: number };
}

export type SubmissionCheck = { ok: true; answers: Record<string, Answer> } | { ok: false; message: string };

/**
 * Validates an untrusted submission body against a quiz. Unanswered questions are allowed (they
 * score 0); unknown question ids and answers of the wrong shape are rejected with a Korean message.
 */
export function checkSubmission(quiz: Quiz, raw: unknown): SubmissionCheck {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, message: "제출 형식이 올바르지 않습니다: answers 객체가 필요합니다." };
  const parsed = submissionSchema(quiz).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) return { ok: false, message: `이 퀴즈에 없는 문항입니다: ${issue.keys.join(", ")}` };
    const id = String(issue.path[0]);
    const q = quiz.questions.find((x) => x.id === id)!;
    return { ok: false, message: `문항 ${id}의 답 형식이 올바르지 않습니다. 보낼 형식: ${ANSWER_HINT[q.type]}.` };
  }
  const answers: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(parsed.data)) if (value !== null && value !== undefined) answers[id] = value as Answer;
  return { ok: true, answers };
}

/** Validates one answer to one question (for per-question practice submissions). */
export function checkAnswer(q: Quiz["questions"][number], raw: unknown): { ok: true; answer: Answer } | { ok: false; message: string } {
  const parsed = answerSchema(q).safeParse(raw);
  return parsed.success ? { ok: true, answer: parsed.data } : { ok: false, message: `문항 ${q.id}의 답 형식이 올바르지 않습니다. 보낼 형식: ${ANSWER_HINT[q.type]}.` };
}

export interface GradeOptions {
  /** Seeds option shuffles and simulation scenarios of this attempt. */
  attemptSeed?: number;
  /** Certainty-based marking: confidence per question id (missing = Moodle's default, 1). */
  confidence?: Record<string, Confidence>;
}

/** Grades a checked submission with options (attempt seed, certainty-based marking). Pure. */
export function gradeQuizWith(quiz: Quiz, answers: Record<string, Answer>, opts: GradeOptions = {}): GradeResult {
  const results = quiz.questions.map((q) => gradeQuestion(q, answers[q.id], { attemptSeed: opts.attemptSeed }));
  const score = Math.round(results.reduce((s, r) => s + r.score, 0) * 1000) / 1000;
  if (!opts.confidence) return { score, maxScore: quiz.questions.length, results };
  const withCbm = results.map((r) => {
    const confidence = opts.confidence![r.questionId] ?? 1;
    return { ...r, cbm: { confidence, mark: cbmMark(r.score, confidence) } };
  });
  return { score, maxScore: quiz.questions.length, results: withCbm, cbm: cbmSummary(withCbm.map((r) => r.cbm.mark)) };
}

/** Grades a checked submission: one point per question. Pure. */
export function gradeQuiz(quiz: Quiz, answers: Record<string, Answer>): GradeResult {
  return gradeQuizWith(quiz, answers);
}
