/** What a results page shows: per-concept strengths and weaknesses and where to re-read them. */

export interface ReportAnswer {
  concepts: readonly string[];
  score: number;
  chapterSlug: string;
}

export interface ConceptResult {
  concept: string;
  asked: number;
  earned: number;
  ratio: number;
  /** The chapter most of this concept's questions came from. */
  chapterSlug: string;
}

/** A concept at or above this share of points is a strength, below it a weakness (the pass mark). */
export const STRENGTH_RATIO = 0.7;

/** Points per concept over an attempt's answers, weakest first (ties by name). Pure. */
export function conceptBreakdown(answers: readonly ReportAnswer[]): ConceptResult[] {
  const acc = new Map<string, { asked: number; earned: number; chapters: Map<string, number> }>();
  for (const a of answers)
    for (const c of new Set(a.concepts)) {
      let e = acc.get(c);
      if (!e) acc.set(c, (e = { asked: 0, earned: 0, chapters: new Map() }));
      e.asked++;
      e.earned += a.score;
      e.chapters.set(a.chapterSlug, (e.chapters.get(a.chapterSlug) ?? 0) + 1);
    }
  return [...acc]
    .map(([concept, e]) => ({
      concept,
      asked: e.asked,
      earned: Math.round(e.earned * 1000) / 1000,
      ratio: e.earned / e.asked,
      chapterSlug: [...e.chapters].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0],
    }))
    .sort((a, b) => a.ratio - b.ratio || a.concept.localeCompare(b.concept));
}

/** Splits a breakdown into strengths and weaknesses at STRENGTH_RATIO. Pure. */
export function strengthsAndWeaknesses(results: readonly ConceptResult[]) {
  return {
    weaknesses: results.filter((r) => r.ratio < STRENGTH_RATIO),
    strengths: results.filter((r) => r.ratio >= STRENGTH_RATIO).reverse(),
  };
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9가-힣]/g, "");

/**
 * The chapter heading to re-read for a concept: the first heading whose text contains the concept's
 * words (`min-insync-replicas` matches "acks와 min.insync.replicas"), else null (link the chapter). Pure.
 */
export function sectionForConcept(concept: string, toc: readonly { id: string; text: string }[]): string | null {
  const whole = squash(concept);
  const hit = toc.find((h) => squash(h.text).includes(whole));
  if (hit) return hit.id;
  // Then by the concept's longest word of four letters or more (`isr-shrink` → "ISR(In-Sync Replicas)").
  const words = concept.split("-").filter((w) => w.length >= 4 || w === "isr" || w === "acks").sort((a, b) => b.length - a.length);
  for (const w of words) {
    const h = toc.find((t) => squash(t.text).includes(w));
    if (h) return h.id;
  }
  return null;
}
