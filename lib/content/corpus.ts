import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { parse } from "yaml";
import { chapterFrontmatterSchema, type ChapterFrontmatter, type TocEntry } from "./frontmatter";
import { parseGlossary, type GlossaryFile } from "./glossary";
import { collectHeadings, parseMdx } from "./headings";

/** One chapter's source as the build sees it: frontmatter (unvalidated), body and table of contents. */
export interface CorpusChapter {
  slug: string;
  dir: string;
  data: Record<string, unknown>;
  meta: ChapterFrontmatter | null;
  body: string;
  /** Line of the body's first line in the file (the frontmatter comes first). */
  bodyLine: number;
  /** The parsed MDX tree (parsed once; headings already carry their ids), or the parse error. */
  tree: unknown;
  parseError: string | null;
  toc: TocEntry[];
}

const SLUG = /^\d{2}-[a-z0-9-]+$/;

/** Reads every chapter under `root/content/chapters` (sync: used at build time and by the content check). */
export function readCorpus(root = process.cwd()): CorpusChapter[] {
  const dir = path.join(root, "content", "chapters");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && SLUG.test(e.name))
    .map((e) => {
      const raw = readFileSync(path.join(dir, e.name, "index.mdx"), "utf8");
      const { data, content } = matter(raw);
      const fm = chapterFrontmatterSchema.safeParse(data);
      const start = raw.indexOf(content);
      let tree: unknown = null;
      let parseError: string | null = null;
      try {
        tree = parseMdx(content);
      } catch (err) {
        parseError = (err as Error).message;
      }
      return {
        slug: e.name,
        dir: path.join(dir, e.name),
        data,
        meta: fm.success ? fm.data : null,
        body: content,
        bodyLine: start > 0 ? raw.slice(0, start).split("\n").length - 1 : 0,
        tree,
        parseError,
        toc: tree ? collectHeadings(tree) : [],
      };
    })
    .sort((a, b) => (a.meta?.order ?? 0) - (b.meta?.order ?? 0));
}

/** Reads and validates `root/content/glossary.yaml`. */
export function readGlossary(root = process.cwd()): GlossaryFile {
  return parseGlossary(parse(readFileSync(path.join(root, "content", "glossary.yaml"), "utf8")));
}

/** Where a glossary `slug#anchor` reference points, with the chapter and heading titles; null if it does not exist. */
export function resolveSection(chapters: CorpusChapter[], ref: string) {
  const [slug, anchor] = ref.split("#");
  const chapter = chapters.find((c) => c.slug === slug);
  const heading = chapter?.toc.find((t) => t.id === anchor);
  if (!chapter || !heading) return null;
  return { href: `/chapters/${slug}#${anchor}`, chapter: chapter.meta?.title ?? slug, order: chapter.meta?.order ?? 0, heading: heading.text };
}
