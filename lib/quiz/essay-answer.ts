/**
 * A stored essay answer is the JSON of `{ text, selfAssessment? }` (Response.answer, ReviewLog.answer).
 * These read and rewrite it; they never throw on an odd row (a missing text is "", a missing mark null). Pure.
 */
import type { EssayAnswer } from "./graders";

/** The text and the learner's own mark of a stored essay answer. */
export function readEssayAnswer(stored: string): { text: string; selfAssessment: number | null } {
  const a = parse(stored);
  return {
    text: typeof a?.text === "string" ? a.text : "",
    selfAssessment: typeof a?.selfAssessment === "number" ? a.selfAssessment : null,
  };
}

/** The stored essay answer with the learner's mark set (the text kept as written). */
export function withSelfAssessment(stored: string, selfAssessment: NonNullable<EssayAnswer["selfAssessment"]>): string {
  const answer: EssayAnswer = { text: readEssayAnswer(stored).text, selfAssessment };
  return JSON.stringify(answer);
}

function parse(stored: string): { text?: unknown; selfAssessment?: unknown } | null {
  try {
    const v: unknown = JSON.parse(stored);
    return typeof v === "object" ? (v as { text?: unknown; selfAssessment?: unknown } | null) : null;
  } catch {
    return null;
  }
}

/** A regraded result with an instructor's mark in place of the essay's self-assessment (no longer pending). */
export function withInstructorMark<G extends { score: number; correct: boolean; pending?: boolean }>(graded: G, mark: { score: number } | undefined): G {
  return mark ? { ...graded, pending: undefined, score: mark.score, correct: mark.score >= 1 } : graded;
}
