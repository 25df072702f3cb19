import type { PublicQuestion, PublicQuiz } from "./contracts";
import type { Question, Quiz } from "./schema";
import { mixSeed, seededShuffle } from "./shuffle";
import { instantiate, scenarioHref, seedForAttempt } from "./simulation";

export type { PublicQuestion, PublicQuiz } from "./contracts";

export interface PublicOptions {
  /** Seeds option shuffles and simulation scenarios; 0 (a fixed layout) when absent. */
  attemptSeed?: number;
  /** Chapter whose widget plays simulation scenarios. */
  chapterSlug?: string;
}

/** A shuffle that never leaves items in their authored order when there are at least two. */
function shuffledAway<T>(items: readonly T[], seed: number): T[] {
  const out = seededShuffle(items, seed);
  return items.length > 1 && out.every((x, i) => x === items[i]) ? [...out.slice(1), out[0]] : out;
}

/** Reshapes a question for the client, one explicit allow-list per type (no keys, weights, feedback, explanations). */
export function toPublicQuestion(q: Question, opts: PublicOptions = {}): PublicQuestion {
  const seed = mixSeed(opts.attemptSeed ?? 0, q.id);
  switch (q.type) {
    case "single":
    case "multiple": {
      const options = q.options.map((o) => ({ id: o.id, text: o.text }));
      return { id: q.id, type: q.type, prompt: q.prompt, options: q.shuffle ? seededShuffle(options, seed) : options };
    }
    case "true-false":
    case "short-answer":
    case "numeric":
    case "essay":
      return { id: q.id, type: q.type, prompt: q.prompt };
    case "matching": {
      const choices = [...new Set([...q.pairs.map((p) => p.answer), ...(q.distractors ?? [])])];
      return { id: q.id, type: q.type, prompt: q.prompt, items: q.pairs.map((p) => ({ id: p.id, prompt: p.prompt })), choices: seededShuffle(choices, seed) };
    }
    case "ordering":
      return { id: q.id, type: q.type, prompt: q.prompt, items: shuffledAway(q.items.map((i) => ({ id: i.id, text: i.text })), seed) };
    case "simulation": {
      const inst = instantiate(q, seedForAttempt(q, opts.attemptSeed ?? 0, q.id));
      return {
        id: q.id,
        type: q.type,
        ...(q.prompt ? { lead: q.prompt } : {}),
        prompt: inst.prompt,
        seed: inst.seed,
        summary: inst.summary,
        choices: inst.choices,
        multiple: inst.multiple,
        scenarioHref: scenarioHref(q.widgetChapter ?? opts.chapterSlug ?? "", inst.scenario, inst.partition),
      };
    }
  }
}

/** Reshapes a whole quiz for the client. */
export function toPublicQuiz(quiz: Quiz, opts: Omit<PublicOptions, "chapterSlug"> = {}): PublicQuiz {
  return {
    id: quiz.id,
    chapterSlug: quiz.chapterSlug,
    title: quiz.title,
    ...(opts.attemptSeed !== undefined ? { attemptSeed: opts.attemptSeed } : {}),
    questions: quiz.questions.map((q) => toPublicQuestion(q, { ...opts, chapterSlug: quiz.chapterSlug })),
  };
}
