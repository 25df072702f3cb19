/** Flattens React-ish children (strings, numbers, arrays, elements) to their text. */
export function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (typeof node === "object" && "props" in node) return textOf((node as { props: { children?: unknown } }).props.children);
  return "";
}

/** A heading's anchor id: keeps Hangul, letters and digits, joins words with '-'. */
export function headingId(text: string): string {
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/[`*_~]/g, "")
      .replace(/[^\p{L}\p{N}\s.-]/gu, "")
      .trim()
      .replace(/[\s.]+/g, "-")
      .replace(/-+/g, "-")
      .replace(/^-|-$/g, "") || "section"
  );
}
