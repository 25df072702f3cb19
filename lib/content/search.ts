import { toString } from "mdast-util-to-string";
import type { CorpusChapter } from "./corpus";
import type { GlossaryFile } from "./glossary";

/** One searchable unit: a chapter section (heading to next heading) or a glossary term. */
export interface SearchDoc {
  href: string;
  /** Where it lives: "5장 토픽, 파티션, 그리고 컨슈머 그룹" or "용어집". */
  where: string;
  title: string;
  text: string;
}

export interface SearchIndex {
  version: 1;
  docs: SearchDoc[];
}

interface Node {
  type: string;
  depth?: number;
  children?: Node[];
}

/** Splits every chapter into its `##`/`###` sections (text only) and adds the glossary, for the static index. */
export function buildSearchIndex(chapters: CorpusChapter[], glossary: GlossaryFile): SearchIndex {
  const docs: SearchDoc[] = [];
  for (const c of chapters) {
    if (!c.tree || !c.meta) continue;
    const where = `${c.meta.order}장 ${c.meta.title}`;
    let current: SearchDoc = { href: `/chapters/${c.slug}`, where, title: c.meta.title, text: c.meta.summary };
    let headingIndex = 0;
    for (const node of (c.tree as Node).children ?? []) {
      if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
        docs.push(current);
        const h = c.toc[headingIndex++];
        current = { href: `/chapters/${c.slug}#${h.id}`, where, title: h.text, text: "" };
        continue;
      }
      // Expressions are comments or placeholders; ESM never appears (the content check forbids it).
      if (node.type === "mdxFlowExpression" || node.type === "mdxjsEsm") continue;
      const text = toString(node).replace(/\s+/g, " ").trim();
      if (text) current.text += (current.text ? " " : "") + text;
    }
    docs.push(current);
  }
  for (const t of glossary.terms)
    docs.push({ href: `/glossary#${t.id}`, where: "용어집", title: `${t.term} (${t.english})`, text: t.definition });
  return { version: 1, docs };
}

/** Lower-cased NFC text, so 'ISR' finds 'isr' and composed Hangul matches however it was typed. */
export function normalize(s: string): string {
  return s.normalize("NFC").toLowerCase();
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  /** Text around the first match, and the match's position inside it (for highlighting). */
  snippet: { before: string; match: string; after: string };
}

const SNIPPET = 48;

/**
 * Every query word must occur in the section (substring match: Korean particles stick to the word,
 * so '파티션' must find '파티션을', and config or error names like `min.insync.replicas` stay whole).
 * Title matches count most, then glossary entries, then how often the words occur.
 */
export function searchIndex(index: SearchIndex, query: string, limit = 30): SearchHit[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits: SearchHit[] = [];
  for (const doc of index.docs) {
    const title = normalize(doc.title);
    const text = normalize(doc.text);
    let score = 0;
    let ok = true;
    for (const w of words) {
      const inTitle = title.includes(w);
      const count = countOf(text, w);
      if (!inTitle && !count) {
        ok = false;
        break;
      }
      score += (inTitle ? 20 : 0) + Math.min(count, 10);
    }
    if (!ok) continue;
    if (doc.where === "용어집") score += 5;
    hits.push({ doc, score, snippet: snippetOf(doc, text, words[0]) });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

function countOf(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

function snippetOf(doc: SearchDoc, normalized: string, word: string): SearchHit["snippet"] {
  // Lower-casing keeps lengths for the characters chapters use, so positions carry over to the original.
  const at = normalized.indexOf(word);
  if (at < 0) return { before: doc.text.slice(0, SNIPPET * 2), match: "", after: "" };
  const start = Math.max(0, at - SNIPPET);
  return {
    before: (start > 0 ? "…" : "") + doc.text.slice(start, at),
    match: doc.text.slice(at, at + word.length),
    after: doc.text.slice(at + word.length, at + word.length + SNIPPET) + (at + word.length + SNIPPET < doc.text.length ? "…" : ""),
  };
}
