import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { CHAPTERS_DIR } from "../content/chapters";
import { tocOf } from "../content/headings";
import type { TocEntry } from "../content/frontmatter";

const cache = new Map<string, Promise<TocEntry[]>>();

/** A chapter's headings with the same anchors its page renders (reads the file; never compiles MDX). */
export function chapterToc(slug: string): Promise<TocEntry[]> {
  let p = cache.get(slug);
  if (!p) {
    p = readFile(path.join(CHAPTERS_DIR, slug, "index.mdx"), "utf8")
      .then((src) => tocOf(matter(src).content))
      .catch(() => []);
    cache.set(slug, p);
  }
  return p;
}
