// A correct, complete submission for a chapter's quiz, built from its authored quiz.yaml.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

interface AuthoredQuestion {
  id: string;
  type: string;
  answer: unknown;
}

/** Chapter slugs that have a quiz, in order. */
export function quizSlugs(root = "content/chapters"): string[] {
  return readdirSync(root)
    .filter((d) => {
      try {
        readFileSync(path.join(root, d, "quiz.yaml"));
        return true;
      } catch {
        return false;
      }
    })
    .sort();
}

/** The `answers` object that answers every question of `slug` with its first accepted answer. */
export function correctAnswers(slug: string, root = "content/chapters"): Record<string, unknown> {
  const quiz = parse(readFileSync(path.join(root, slug, "quiz.yaml"), "utf8")) as { questions: AuthoredQuestion[] };
  const answers: Record<string, unknown> = {};
  for (const q of quiz.questions) {
    if (q.type === "short-answer") answers[q.id] = (q.answer as string[])[0];
    else if (q.type === "numeric") answers[q.id] = (q.answer as { value: number }).value;
    else answers[q.id] = q.answer;
  }
  return answers;
}
