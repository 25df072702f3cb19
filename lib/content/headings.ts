import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import type { TocEntry } from "./frontmatter";
import { createSlugger } from "./slug";

interface HeadingNode {
  type: "heading";
  depth: number;
  children: unknown[];
  data?: { hProperties?: Record<string, unknown> };
}

/**
 * Gives every heading of an MDX tree its anchor id (as `data.hProperties.id`, which becomes the
 * rendered element's id) and returns the `##`/`###` ones as the table of contents.
 */
export function collectHeadings(tree: unknown): TocEntry[] {
  const slug = createSlugger();
  const toc: TocEntry[] = [];
  visit(tree as Parameters<typeof visit>[0], "heading", (node) => {
    const h = node as unknown as HeadingNode;
    const text = toString(h).trim();
    const id = slug(text);
    h.data = { ...h.data, hProperties: { ...h.data?.hProperties, id } };
    if (h.depth === 2 || h.depth === 3) toc.push({ id, text, depth: h.depth });
  });
  return toc;
}

/** Remark plugin for the chapter compiler: ids on headings, the TOC handed to `onToc`. */
export function remarkHeadingIds(onToc: (toc: TocEntry[]) => void) {
  // The transformer must return nothing: a returned value would replace the tree.
  return () => (tree: unknown) => {
    onToc(collectHeadings(tree));
  };
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Parses an MDX body (no frontmatter) into its mdast tree, the same way the compiler reads it. */
export function parseMdx(body: string): unknown {
  return parser.runSync(parser.parse(body));
}

/** The table of contents of an MDX body, without compiling it (content check, search index). */
export function tocOf(body: string): TocEntry[] {
  return collectHeadings(parseMdx(body));
}
