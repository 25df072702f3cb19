import { readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { isIslandTag } from "../../components/mdx/tags";
import { chapterFrontmatterSchema, findModuleStatements, type ChapterMeta, type TocEntry } from "./frontmatter";
import { remarkHeadingIds } from "./headings";
import { readingMinutes } from "./reading";
import { remarkProseSegments } from "./segments";

export const CHAPTERS_DIR = path.join(process.cwd(), "content", "chapters");
export const SLUG = /^\d{2}-[a-z0-9-]+$/;

/** A chapter's index.mdx, or null when the slug is malformed or the chapter does not exist. */
export function readChapterSource(slug: string): string | null {
  if (!SLUG.test(slug)) return null;
  try {
    return readFileSync(path.join(CHAPTERS_DIR, slug, "index.mdx"), "utf8");
  } catch {
    return null;
  }
}

/** Frontmatter (validated) and body of a chapter's source; throws on bad frontmatter or module code. */
export function parseSource(slug: string, source: string) {
  const { data, content } = matter(source);
  const fm = chapterFrontmatterSchema.safeParse(data);
  if (!fm.success) throw new Error(`content/chapters/${slug}/index.mdx frontmatter: ${fm.error.message}`);
  const statements = findModuleStatements(content);
  if (statements.length) throw new Error(`content/chapters/${slug}/index.mdx must not import/export: ${statements[0]}`);
  return { meta: { slug, ...fm.data } satisfies ChapterMeta, body: content };
}

export interface CompiledChapter {
  meta: ChapterMeta;
  /**
   * The chapter compiled by mdx-bundler. Its top level is `<ProseSegment index>` runs of static
   * prose with the live widgets between them (`segments.ts`).
   */
  code: string;
  /** How many `ProseSegment`s the code holds. */
  segments: number;
  toc: TocEntry[];
  readingMinutes: number;
}

async function compile(slug: string, source: string): Promise<CompiledChapter> {
  const { meta, body } = parseSource(slug, source);
  const { bundleMDX } = await import("mdx-bundler");
  const remarkGfm = (await import("remark-gfm")).default;
  let toc: TocEntry[] = [];
  let segments = 0;
  const { code } = await bundleMDX({
    source,
    cwd: path.join(CHAPTERS_DIR, slug),
    mdxOptions(options) {
      // The same collector builds the TOC and sets the rendered ids: one slugger, one path.
      options.remarkPlugins = [
        ...(options.remarkPlugins ?? []),
        remarkGfm,
        remarkHeadingIds((t) => (toc = t)),
        remarkProseSegments(isIslandTag, (n) => (segments = n)),
      ];
      return options;
    },
  });
  return { meta, code, segments, toc, readingMinutes: readingMinutes(body) };
}

// One compile per source text and process: the same promise for every caller, so a component that
// suspends on it (`use`) finds it settled when React retries.
const compiled = new Map<string, Promise<CompiledChapter>>();

/**
 * Compiles one chapter with mdx-bundler (build time: chapter pages are statically generated).
 * Returns the same promise for the same source; null when there is no such chapter.
 */
export function compileChapter(slug: string): Promise<CompiledChapter> | null {
  const source = readChapterSource(slug);
  if (source === null) return null;
  const key = `${slug}\n${source}`;
  let p = compiled.get(key);
  if (!p) {
    p = compile(slug, source);
    compiled.set(key, p);
  }
  return p;
}
