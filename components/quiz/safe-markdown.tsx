import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

// Raw HTML never reaches the output: it is turned into plain text before rendering (so an author's
// `<script>` shows as the characters they typed), rehype-sanitize is the second fence, and URLs
// other than http(s), mailto, relative and fragments are emptied.
type MdNode = { type: string; children?: MdNode[] };
function htmlAsText() {
  const walk = (node: MdNode) => {
    if (node.type === "html") node.type = "text";
    node.children?.forEach(walk);
  };
  return (tree: MdNode) => walk(tree);
}

function safeUrl(url: string): string {
  const kept = defaultUrlTransform(url);
  return /^(https?:|mailto:|\/|#|\.)/i.test(kept) || !/^[a-z][a-z0-9+.-]*:/i.test(kept) ? kept : "";
}

const inlineComponents: Components = {
  p: ({ children }) => <>{children}</>,
};

const codeClass = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800";

const blockComponents: Components = {
  code: ({ children }) => <code className={codeClass}>{children}</code>,
  a: ({ href, children }) => (
    <a href={href} className="text-sky-700 underline dark:text-sky-400" rel="noopener noreferrer">
      {children}
    </a>
  ),
};

/**
 * Renders authored Markdown (prompts, options, explanations) safely: no raw HTML, no scripts, no
 * `javascript:` links. `inline` drops the paragraph wrapper for use inside labels and legends.
 */
export function SafeMarkdown({ text, inline = false }: { text: string; inline?: boolean }) {
  return (
    <Markdown
      remarkPlugins={[remarkGfm, htmlAsText]}
      rehypePlugins={[rehypeSanitize]}
      urlTransform={safeUrl}
      components={inline ? { ...blockComponents, ...inlineComponents } : blockComponents}
    >
      {text}
    </Markdown>
  );
}
