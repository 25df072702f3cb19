import { z } from "zod";

/** Frontmatter every chapter's index.mdx must carry. */
export const chapterFrontmatterSchema = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  order: z.number().int().min(1),
  objectives: z.array(z.string().trim().min(1)).min(1),
});

export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>;

export interface ChapterMeta extends ChapterFrontmatter {
  slug: string;
}

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

/** Finds `import`/`export` statements, which chapters must not contain (tags come from the registry). */
export function findModuleStatements(body: string): string[] {
  const found: string[] = [];
  let inFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence && /^(import|export)\s/.test(line)) found.push(line.trim());
  }
  return found;
}

/** Lists the JSX tag names (capitalised) an MDX body uses outside code. */
export function usedTags(body: string): string[] {
  const tags = new Set<string>();
  let inFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    for (const m of line.replace(/`[^`]*`/g, "").matchAll(/<([A-Z][A-Za-z0-9]*)/g)) tags.add(m[1]);
  }
  return [...tags].sort();
}
