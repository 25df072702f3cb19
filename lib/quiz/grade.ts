import type { Question, Quiz } from "./schema";

/** A learner's answer to one question, by question type. */
export type Answer = string | string[] | boolean | number;

export interface QuestionResult {
  questionId: string;
  /** Whether the answer earns full marks. */
  correct: boolean;
  /** 0..1; multiple-choice gives partial credit. */
  score: number;
  answered: boolean;
  /** The answer key, revealed only after submission. */
  correctAnswer: Answer | { value: number; tolerance: number };
  explanation: string;
}

export interface GradeResult {
  score: number;
  maxScore: number;
  results: QuestionResult[];
}

export type SubmissionCheck = { ok: true; answers: Record<string, Answer> } | { ok: false; message: string };

const TYPE_HINT: Record<Question["type"], string> = {
  single: "보기 id 하나(문자열)",
  multiple: "보기 id 목록(문자열 배열)",
  "true-false": "true 또는 false",
  "short-answer": "문자열",
  numeric: "숫자",
};

function answerFits(q: Question, a: unknown): boolean {
  switch (q.type) {
    case "single":
      return typeof a === "string" && q.options.some((o) => o.id === a);
    case "multiple":
      return Array.isArray(a) && a.every((x) => typeof x === "string" && q.options.some((o) => o.id === x)) && new Set(a).size === a.length;
    case "true-false":
      return typeof a === "boolean";
    case "short-answer":
      return typeof a === "string" && a.length <= 500;
    case "numeric":
      return typeof a === "number" && Number.isFinite(a);
  }
}

/**
 * Validates an untrusted submission body against a quiz. Unanswered questions are allowed (they
 * score 0); unknown question ids and answers of the wrong shape are rejected with a Korean message.
 */
export function checkSubmission(quiz: Quiz, raw: unknown): SubmissionCheck {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw))
    return { ok: false, message: "제출 형식이 올바르지 않습니다: answers 객체가 필요합니다." };
  const byId = new Map(quiz.questions.map((q) => [q.id, q]));
  const answers: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(raw)) {
    const q = byId.get(id);
    if (!q) return { ok: false, message: `이 퀴즈에 없는 문항입니다: ${id}` };
    if (value === null || value === undefined) continue;
    if (!answerFits(q, value))
      return { ok: false, message: `문항 ${id}의 답 형식이 올바르지 않습니다. ${TYPE_HINT[q.type]}를 보내 주세요.` };
    answers[id] = value as Answer;
  }
  return { ok: true, answers };
}

/** Normalises free text for comparison: Unicode NFC, case, surrounding and repeated spaces. */
export function normalizeText(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** Scores one answer against its question's key. Pure. */
export function gradeQuestion(q: Question, answer: Answer | undefined): QuestionResult {
  const answered = answer !== undefined;
  let score = 0;
  if (answered) {
    switch (q.type) {
      case "single":
        score = answer === q.answer ? 1 : 0;
        break;
      case "multiple": {
        // Moodle-style partial credit: each right pick earns 1/k, each wrong pick costs 1/k, floor 0.
        const picked = answer as string[];
        const right = picked.filter((x) => q.answer.includes(x)).length;
        const wrong = picked.length - right;
        score = Math.max(0, (right - wrong) / q.answer.length);
        break;
      }
      case "true-false":
        score = answer === q.answer ? 1 : 0;
        break;
      case "short-answer": {
        const given = normalizeText(answer as string);
        score = q.answer.some((a) => normalizeText(a) === given) ? 1 : 0;
        break;
      }
      case "numeric":
        score = Math.abs((answer as number) - q.answer.value) <= q.answer.tolerance + 1e-9 ? 1 : 0;
        break;
    }
  }
  return {
    questionId: q.id,
    correct: score === 1,
    score,
    answered,
    correctAnswer: q.answer,
    explanation: q.explanation,
  };
}

/** Grades a checked submission: one point per question. Pure. */
export function gradeQuiz(quiz: Quiz, answers: Record<string, Answer>): GradeResult {
  const results = quiz.questions.map((q) => gradeQuestion(q, answers[q.id]));
  const score = Math.round(results.reduce((s, r) => s + r.score, 0) * 1000) / 1000;
  return { score, maxScore: quiz.questions.length, results };
}
