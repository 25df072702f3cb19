import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { CHAPTERS_DIR } from "../content/chapters";
import { extractToc, type TocEntry } from "../content/frontmatter";
import { headingId } from "../content/slug";

const cache = new Map<string, Promise<TocEntry[]>>();

/** A chapter's headings with the same anchors its page renders (reads the file; never compiles MDX). */
export function chapterToc(slug: string): Promise<TocEntry[]> {
  let p = cache.get(slug);
  if (!p) {
    p = readFile(path.join(CHAPTERS_DIR, slug, "index.mdx"), "utf8")
      .then((src) => extractToc(matter(src).content, headingId))
      .catch(() => []);
    cache.set(slug, p);
  }
  return p;
}
