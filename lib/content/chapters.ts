import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { cache } from "react";
import { chapterFrontmatterSchema, findModuleStatements, type ChapterMeta, type TocEntry } from "./frontmatter";
import { remarkHeadingIds } from "./headings";
import { readingMinutes } from "./reading";

export const CHAPTERS_DIR = path.join(process.cwd(), "content", "chapters");
const SLUG = /^\d{2}-[a-z0-9-]+$/;

async function readChapterSource(slug: string) {
  if (!SLUG.test(slug)) return null;
  try {
    return await readFile(path.join(CHAPTERS_DIR, slug, "index.mdx"), "utf8");
  } catch {
    return null;
  }
}

function parseSource(slug: string, source: string) {
  const { data, content } = matter(source);
  const fm = chapterFrontmatterSchema.safeParse(data);
  if (!fm.success) throw new Error(`content/chapters/${slug}/index.mdx frontmatter: ${fm.error.message}`);
  const statements = findModuleStatements(content);
  if (statements.length) throw new Error(`content/chapters/${slug}/index.mdx must not import/export: ${statements[0]}`);
  return { meta: { slug, ...fm.data } satisfies ChapterMeta, body: content };
}

/** Every chapter's frontmatter, in course order (reads files only; never compiles MDX). */
export const listChapters = cache(async (): Promise<ChapterMeta[]> => {
  const entries = await readdir(CHAPTERS_DIR, { withFileTypes: true });
  const metas: ChapterMeta[] = [];
  for (const e of entries) {
    if (!e.isDirectory() || !SLUG.test(e.name)) continue;
    const source = await readChapterSource(e.name);
    if (source) metas.push(parseSource(e.name, source).meta);
  }
  return metas.sort((a, b) => a.order - b.order);
});

export interface CompiledChapter {
  meta: ChapterMeta;
  code: string;
  toc: TocEntry[];
  readingMinutes: number;
}

/** Compiles one chapter with mdx-bundler (build time: chapter pages are statically generated). */
export const getChapter = cache(async (slug: string): Promise<CompiledChapter | null> => {
  const source = await readChapterSource(slug);
  if (!source) return null;
  const { meta, body } = parseSource(slug, source);
  const { bundleMDX } = await import("mdx-bundler");
  const remarkGfm = (await import("remark-gfm")).default;
  let toc: TocEntry[] = [];
  const { code } = await bundleMDX({
    source,
    cwd: path.join(CHAPTERS_DIR, slug),
    mdxOptions(options) {
      // The same collector builds the TOC and sets the rendered ids: one slugger, one path.
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkHeadingIds((t) => (toc = t))];
      return options;
    },
  });
  return { meta, code, toc, readingMinutes: readingMinutes(body) };
});
