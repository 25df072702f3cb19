import "server-only";
import { readdir } from "node:fs/promises";
import { cache } from "react";
import { CHAPTERS_DIR, SLUG, compileChapter, parseSource, readChapterSource, type CompiledChapter } from "./compile";
import type { ChapterMeta } from "./frontmatter";

export { CHAPTERS_DIR, type CompiledChapter };

/** Every chapter's frontmatter, in course order (reads files only; never compiles MDX). */
export const listChapters = cache(async (): Promise<ChapterMeta[]> => {
  const entries = await readdir(CHAPTERS_DIR, { withFileTypes: true });
  const metas: ChapterMeta[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !SLUG.test(e.name)) continue;
    const source = readChapterSource(e.name);
    if (source) metas.push(parseSource(e.name, source).meta);
  }
  return metas.sort((a, b) => a.order - b.order);
});

/** Compiles one chapter with mdx-bundler (build time: chapter pages are statically generated). */
export const getChapter = cache(async (slug: string): Promise<CompiledChapter | null> => (await compileChapter(slug)) ?? null);
