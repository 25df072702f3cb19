import "server-only";
import { listChapters } from "../content/chapters";
import { getChapterQuiz } from "../db/bank-server";
import { syncQuestionVersions } from "../db/queries";
import type { Question, Quiz } from "../quiz/schema";

/** A question with the chapter it belongs to (answer key included: server only). */
export interface PoolEntry {
  question: Question;
  chapterSlug: string;
  chapterTitle: string;
  chapterOrder: number;
}

/**
 * Every question learners can be asked, in course order: each chapter's published questions in the
 * question bank (authored in content/ or in /instructor), in the chapter quiz's order.
 */
export async function loadQuestionPool(): Promise<PoolEntry[]> {
  const chapters = await listChapters();
  const quizzes = await Promise.all(chapters.map((c) => getChapterQuiz(c.slug)));
  return chapters.flatMap((c, i) =>
    (quizzes[i]?.questions ?? []).map((question) => ({ question, chapterSlug: c.slug, chapterTitle: c.title, chapterOrder: c.order })),
  );
}

/** One question by id, or null when no chapter has it. */
export async function findPoolQuestion(id: string): Promise<PoolEntry | null> {
  return (await loadQuestionPool()).find((e) => e.question.id === id) ?? null;
}

/** A one-question quiz, so the quiz checks and graders apply to a single question. */
export function singleQuestionQuiz(e: PoolEntry): Quiz {
  return { id: e.chapterSlug, chapterSlug: e.chapterSlug, title: e.chapterTitle, questions: [e.question] };
}

/** The stored immutable version ids of these questions (creating versions for changed ones). */
export async function versionIdsFor(entries: readonly PoolEntry[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const byChapter = new Map<string, PoolEntry[]>();
  for (const e of entries) byChapter.set(e.chapterSlug, [...(byChapter.get(e.chapterSlug) ?? []), e]);
  for (const list of byChapter.values()) {
    const quiz = { ...singleQuestionQuiz(list[0]), questions: list.map((e) => e.question) };
    for (const [q, v] of await syncQuestionVersions(quiz)) ids.set(q, v);
  }
  return ids;
}
