import { visit } from "unist-util-visit";

/** The tag the compiler wraps each run of static prose in (never written by authors). */
export const PROSE_SEGMENT = "ProseSegment";

interface Node {
  type: string;
  name?: string | null;
  children?: Node[];
  attributes?: unknown[];
  position?: { start: { line: number } };
}

// Top-level nodes that are module code, not content: they stay outside every segment.
const MODULE_NODES = new Set(["mdxjsEsm", "yaml", "toml"]);

/**
 * Splits a chapter at its live widgets: every run of top-level content between two widgets becomes
 * one `<ProseSegment index="n">` (n = 0, 1, …), and the widgets stay between them at the top level.
 * The page renders each segment as static HTML and only the widgets as client islands (ADR 0032).
 * A widget anywhere but the top level would end up dead inside static HTML, so it is refused.
 * Returns the number of segments.
 */
export function splitProse(tree: unknown, isIsland: (tag: string) => boolean): number {
  const root = tree as Node;
  for (const top of root.children ?? []) {
    for (const child of top.children ?? []) {
      visit(child as Parameters<typeof visit>[0], (raw) => {
        const n = raw as unknown as Node;
        if ((n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") && n.name && isIsland(n.name))
          throw new Error(`<${n.name}> (line ${n.position?.start.line ?? "?"}) must stand on its own at the top level of a chapter, not inside another element`);
      });
    }
  }
  const out: Node[] = [];
  let run: Node[] = [];
  let count = 0;
  const flush = () => {
    if (!run.length) return;
    out.push({
      type: "mdxJsxFlowElement",
      name: PROSE_SEGMENT,
      attributes: [{ type: "mdxJsxAttribute", name: "index", value: String(count++) }],
      children: run,
    });
    run = [];
  };
  for (const n of root.children ?? []) {
    if (MODULE_NODES.has(n.type)) out.push(n);
    else if (n.type === "mdxJsxFlowElement" && n.name && isIsland(n.name)) {
      flush();
      out.push(n);
    } else run.push(n);
  }
  flush();
  root.children = out;
  return count;
}

/** Remark plugin for the chapter compiler: {@link splitProse}, the segment count handed to `onSegments`. */
export function remarkProseSegments(isIsland: (tag: string) => boolean, onSegments: (count: number) => void) {
  return () => (tree: unknown) => {
    onSegments(splitProse(tree, isIsland));
  };
}
