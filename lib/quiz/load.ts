import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { quizFileSchema, type Quiz } from "./schema";

const CHAPTERS_DIR = path.join(process.cwd(), "content", "chapters");
const SLUG = /^\d{2}-[a-z0-9-]+$/;
const cacheBySlug = new Map<string, Promise<Quiz | null>>();

async function readQuiz(slug: string): Promise<Quiz | null> {
  let text: string;
  try {
    text = await readFile(path.join(CHAPTERS_DIR, slug, "quiz.yaml"), "utf8");
  } catch {
    return null;
  }
  const parsed = quizFileSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`content/chapters/${slug}/quiz.yaml: ${parsed.error.message}`);
  return { id: slug, chapterSlug: slug, ...parsed.data };
}

/** Loads a chapter's quiz with its answer keys (server only; never pass the result to a client). */
export function getQuizWithKey(slug: string): Promise<Quiz | null> {
  if (!SLUG.test(slug)) return Promise.resolve(null);
  let p = cacheBySlug.get(slug);
  if (!p) {
    p = readQuiz(slug);
    cacheBySlug.set(slug, p);
    p.catch(() => cacheBySlug.delete(slug));
  }
  return p;
}
