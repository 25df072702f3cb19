import type { Question, Quiz } from "./schema";

/** What a learner may see before submitting: no answer key, no explanation. */
export type PublicQuestion =
  | { id: string; type: "single" | "multiple"; prompt: string; options: { id: string; text: string }[] }
  | { id: string; type: "true-false" | "short-answer" | "numeric"; prompt: string };

export interface PublicQuiz {
  id: string;
  chapterSlug: string;
  title: string;
  questions: PublicQuestion[];
}

/** Reshapes a question for the client, keeping only an explicit allow-list of fields. */
export function toPublicQuestion(q: Question): PublicQuestion {
  if (q.type === "single" || q.type === "multiple") {
    return { id: q.id, type: q.type, prompt: q.prompt, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
  }
  return { id: q.id, type: q.type, prompt: q.prompt };
}

/** Reshapes a whole quiz for the client. */
export function toPublicQuiz(quiz: Quiz): PublicQuiz {
  return { id: quiz.id, chapterSlug: quiz.chapterSlug, title: quiz.title, questions: quiz.questions.map(toPublicQuestion) };
}
