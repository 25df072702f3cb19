/**
 * One pure grader per question type. Scores are Moodle fractions in 0..1: option weights may be
 * negative, and the sum a response earns is clamped to [0, 1].
 */
import type { Question, QuestionOf } from "./schema";
import { instantiate, seedForAttempt, simulationKey, type Scenario } from "./simulation";

/** An essay response: the text and, optionally, the learner's own mark against the model answer. */
export interface EssayAnswer {
  text: string;
  selfAssessment?: 0 | 0.5 | 1;
}
/** A simulation response: the scenario's seed and the chosen option id(s). */
export interface SimulationAnswer {
  seed: number;
  choice: string | string[];
}
/** A learner's answer to one question, by question type. */
export type Answer = string | string[] | boolean | number | Record<string, string> | EssayAnswer | SimulationAnswer;

export type NumericKey = { value: number; tolerance: number } | { min: number; max: number };
/** What the key looks like once revealed, by type. */
export type CorrectAnswer =
  | string
  | string[]
  | boolean
  | NumericKey
  | Record<string, string>
  | { seed: number; choice: string[]; scenario: Scenario; prompt: string; summary: string[]; choices: { id: string; text: string }[] };

export interface QuestionResult {
  questionId: string;
  type: Question["type"];
  /** Whether the answer earns full marks. */
  correct: boolean;
  /** 0..1 (Moodle fraction after clamping). */
  score: number;
  answered: boolean;
  /** The answer key, revealed only after submission. */
  correctAnswer: CorrectAnswer;
  explanation: string;
  /** Feedback written for the options or answer the learner gave. */
  feedback?: string[];
  /** Essay: waits for an instructor; `score` is the learner's self-assessment until then. */
  pending?: boolean;
}

type Graded = { score: number; feedback?: string[]; pending?: boolean; correctAnswer?: CorrectAnswer; explanation?: string };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
// Scores are kept to 1e-6 so that 1/3 + 1/3 + 1/3 counts as full credit.
const tidy = (x: number) => Math.round(clamp01(x) * 1e6) / 1e6;

/** Normalises free text for comparison: NFKC (full/half width), case, surrounding and repeated spaces. */
export function normalizeText(s: string): string {
  return s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** Moodle fraction of each option: its authored weight, else 1 for the key and 0 for the rest. */
export function singleWeights(q: QuestionOf<"single">): Map<string, number> {
  return new Map(q.options.map((o) => [o.id, o.weight ?? (o.id === q.answer ? 1 : 0)]));
}

/** Moodle fraction of each option: authored, else +1/k for each of the k keys and −1/k for the rest. */
export function multipleWeights(q: QuestionOf<"multiple">): Map<string, number> {
  const k = q.answer.length;
  return new Map(q.options.map((o) => [o.id, o.weight ?? (q.answer.includes(o.id) ? 1 / k : -1 / k)]));
}

function optionFeedback(q: QuestionOf<"single" | "multiple">, picked: string[]): string[] | undefined {
  const fb = q.options.filter((o) => picked.includes(o.id) && o.feedback).map((o) => o.feedback!);
  return fb.length ? fb : undefined;
}

/** Single choice: the chosen option's fraction (partial credit and penalties clamp to 0..1). */
export function gradeSingle(q: QuestionOf<"single">, a: string): Graded {
  return { score: tidy(singleWeights(q).get(a) ?? 0), feedback: optionFeedback(q, [a]) };
}

/** Multiple response: the sum of the chosen options' fractions, clamped to 0..1. */
export function gradeMultiple(q: QuestionOf<"multiple">, picked: string[]): Graded {
  const w = multipleWeights(q);
  return { score: tidy(picked.reduce((s, id) => s + (w.get(id) ?? 0), 0)), feedback: optionFeedback(q, picked) };
}

/** True/false: all or nothing. */
export function gradeTrueFalse(q: QuestionOf<"true-false">, a: boolean): Graded {
  return { score: a === q.answer ? 1 : 0 };
}

/** Accepted short answers with their fractions (a bare string is full credit). */
export function shortAnswers(q: QuestionOf<"short-answer">): { text: string; weight: number; feedback?: string }[] {
  return q.answer.map((a) => (typeof a === "string" ? { text: a, weight: 1 } : a));
}

/** Short answer: the best fraction among accepted answers equal after normalisation. */
export function gradeShortAnswer(q: QuestionOf<"short-answer">, a: string): Graded {
  const given = normalizeText(a);
  const hits = shortAnswers(q).filter((x) => normalizeText(x.text) === given);
  const best = hits.sort((x, y) => y.weight - x.weight)[0];
  return { score: best ? tidy(best.weight) : 0, feedback: best?.feedback ? [best.feedback] : undefined };
}

/** Every accepted numeric answer, as a list. */
export function numericAnswers(q: QuestionOf<"numeric">): (NumericKey & { weight?: number })[] {
  return Array.isArray(q.answer) ? q.answer : [q.answer];
}

function numericHit(k: NumericKey, x: number): boolean {
  // Relative slack for binary rounding (0.1 + 0.2 vs 0.3), far below any authored tolerance.
  if ("min" in k) return x >= k.min - 1e-9 * Math.max(1, Math.abs(k.min)) && x <= k.max + 1e-9 * Math.max(1, Math.abs(k.max));
  return Math.abs(x - k.value) <= k.tolerance + 1e-9 * Math.max(1, Math.abs(k.value));
}

/** Numeric: the best fraction among answers whose tolerance or range contains the value. */
export function gradeNumeric(q: QuestionOf<"numeric">, x: number): Graded {
  const best = Math.max(0, ...numericAnswers(q).filter((k) => numericHit(k, x)).map((k) => k.weight ?? 1));
  return { score: tidy(best) };
}

/** Matching: each pair counts equally (Moodle's match question). */
export function gradeMatching(q: QuestionOf<"matching">, a: Record<string, string>): Graded {
  const right = q.pairs.filter((p) => a[p.id] !== undefined && normalizeText(a[p.id]) === normalizeText(p.answer)).length;
  return { score: tidy(right / q.pairs.length) };
}

/**
 * Ordering, graded "relative to the next item, excluding the last" (Moodle's ordering question):
 * one point for each item directly followed by its correct successor, out of n − 1.
 */
export function gradeOrdering(q: QuestionOf<"ordering">, order: string[]): Graded {
  const ids = q.items.map((i) => i.id);
  let right = 0;
  for (let i = 0; i < ids.length - 1; i++) {
    const at = order.indexOf(ids[i]);
    if (at >= 0 && order[at + 1] === ids[i + 1]) right += 1;
  }
  return { score: tidy(right / (ids.length - 1)) };
}

/** Essay: pending an instructor; until then the learner's self-assessment against the model answer. */
export function gradeEssay(_q: QuestionOf<"essay">, a: EssayAnswer): Graded {
  return { score: a.selfAssessment ?? 0, pending: true };
}

/** Simulation: the engine replays the scenario of the submitted seed and decides the key. */
export function gradeSimulation(q: QuestionOf<"simulation">, a: SimulationAnswer): Graded {
  const instance = instantiate(q, a.seed);
  const outcome = simulationKey(instance);
  const picked = typeof a.choice === "string" ? [a.choice] : a.choice;
  const key = outcome.ok ? outcome.key : [];
  let score: number;
  if (!instance.multiple) score = picked.length === 1 && key.includes(picked[0]) ? 1 : 0;
  else {
    const k = Math.max(1, key.length);
    score = picked.reduce((s, id) => s + (key.includes(id) ? 1 / k : -1 / k), 0);
    if (key.length === 0 && picked.length === 0) score = 1;
  }
  const { prompt, summary, choices, scenario } = instance;
  return {
    score: tidy(score),
    correctAnswer: { seed: a.seed, choice: key, scenario, prompt, summary, choices },
    explanation: [q.explanation, outcome.ok ? outcome.explanation : `엔진 오류: ${outcome.message}`].filter(Boolean).join("\n\n"),
  };
}

/** The key of a question as it is revealed after submission (simulation: of the scenario at `seed`). */
export function keyOf(q: Question, seed?: number): CorrectAnswer {
  switch (q.type) {
    case "short-answer":
      return shortAnswers(q).filter((a) => a.weight === 1).map((a) => a.text);
    case "numeric": {
      const k = numericAnswers(q).find((a) => (a.weight ?? 1) === 1)!;
      return "min" in k ? { min: k.min, max: k.max } : { value: k.value, tolerance: k.tolerance };
    }
    case "matching":
      return Object.fromEntries(q.pairs.map((p) => [p.id, p.answer]));
    case "ordering":
      return q.items.map((i) => i.id);
    case "essay":
      return q.modelAnswer;
    case "simulation":
      return gradeSimulation(q, { seed: seed ?? seedForAttempt(q, 0, q.id), choice: [] }).correctAnswer!;
    default:
      return q.answer;
  }
}

// Each grader receives an answer already checked against its question's zod schema.
const GRADERS: { [T in Question["type"]]: (q: QuestionOf<T>, a: never) => Graded } = {
  single: gradeSingle,
  multiple: gradeMultiple,
  "true-false": gradeTrueFalse,
  "short-answer": gradeShortAnswer,
  numeric: gradeNumeric,
  matching: gradeMatching,
  ordering: gradeOrdering,
  essay: gradeEssay,
  simulation: gradeSimulation,
};

/** Scores one checked answer against its question's key. Pure. */
export function gradeQuestion(q: Question, answer: Answer | undefined, opts: { attemptSeed?: number } = {}): QuestionResult {
  let g: Graded = { score: 0 };
  if (answer === undefined && q.type === "simulation") {
    // Unanswered: reveal the key of the scenario this attempt was shown.
    g = { ...gradeSimulation(q, { seed: seedForAttempt(q, opts.attemptSeed ?? 0, q.id), choice: [] }), score: 0 };
  }
  if (answer !== undefined) g = (GRADERS[q.type] as (q: Question, a: Answer) => Graded)(q, answer);
  return {
    questionId: q.id,
    type: q.type,
    correct: !g.pending && g.score === 1,
    score: g.score,
    answered: answer !== undefined,
    correctAnswer: g.correctAnswer ?? keyOf(q),
    explanation: g.explanation ?? q.explanation ?? "",
    ...(g.feedback ? { feedback: g.feedback } : {}),
    ...(g.pending ? { pending: true } : {}),
  };
}
