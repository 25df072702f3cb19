import "server-only";
import type { Quiz } from "../quiz/schema";
import { chapterQuizFromBank, importContentBank, type BankQuiz } from "./bank";
import { db } from "./index";

const g = globalThis as unknown as { kafkaBankReady?: Promise<Map<string, Quiz>> };

/**
 * Imports content/ questions into the bank once per process (the start script does the same before
 * the server starts; this covers `next dev` and tests). Resolves to the content quizzes by slug.
 */
export function ensureBankReady(): Promise<Map<string, Quiz>> {
  g.kafkaBankReady ??= (async () => {
    const { quizzes } = await importContentBank(db);
    return new Map(quizzes.map((q) => [q.chapterSlug, q]));
  })();
  g.kafkaBankReady.catch(() => (g.kafkaBankReady = undefined));
  return g.kafkaBankReady;
}

// A published change reaches learners within this many milliseconds on every instance.
const QUIZ_TTL_MS = 5_000;
const quizCache = new Map<string, { at: number; quiz: Promise<BankQuiz | null> }>();

/** A chapter's quiz from the bank with answer keys (server only), cached for a few seconds. */
export async function getChapterQuiz(chapterSlug: string): Promise<BankQuiz | null> {
  if (!/^\d{2}-[a-z0-9-]{1,80}$/.test(chapterSlug)) return null;
  const content = await ensureBankReady();
  // Unknown slugs are cached too (as null); bound the map so made-up slugs cannot grow it forever.
  if (quizCache.size > 500) quizCache.clear();
  const hit = quizCache.get(chapterSlug);
  if (hit && Date.now() - hit.at < QUIZ_TTL_MS) return hit.quiz;
  const title = content.get(chapterSlug)?.title ?? "이 장의 퀴즈";
  const previous = hit?.quiz.catch(() => null);
  // The same object while nothing changed, so per-quiz memos downstream (question versions) stay warm.
  const quiz = chapterQuizFromBank(db, chapterSlug, title).then(async (fresh) => {
    const old = await previous;
    return old && fresh && sameQuiz(old, fresh) ? old : fresh;
  });
  quizCache.set(chapterSlug, { at: Date.now(), quiz });
  quiz.catch(() => quizCache.delete(chapterSlug));
  return quiz;
}

function sameQuiz(a: BankQuiz, b: BankQuiz) {
  if (a.title !== b.title || a.versionIds.size !== b.versionIds.size) return false;
  const ids = [...b.versionIds];
  return [...a.versionIds].every(([q, v], i) => ids[i][0] === q && ids[i][1] === v);
}

/** Drops this process's cached quiz of a chapter after an instructor changed it. */
export function invalidateChapterQuiz(chapterSlug: string) {
  quizCache.delete(chapterSlug);
}
