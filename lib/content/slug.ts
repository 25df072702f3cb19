import GithubSlugger from "github-slugger";

/**
 * Anchor ids for one document: GitHub's slugger (keeps Hangul, drops punctuation, numbers repeats
 * as `-1`, `-2`). One instance per chapter, so the table of contents and the rendered headings,
 * which both come from `collectHeadings`, always agree.
 */
export function createSlugger(): (text: string) => string {
  const slugger = new GithubSlugger();
  return (text) => slugger.slug(text.normalize("NFC")) || "section";
}

/** A single heading's anchor when the document has no other heading with the same text. */
export function headingId(text: string): string {
  return createSlugger()(text);
}
