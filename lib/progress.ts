/** The progress facts a completion figure is derived from. */
export interface ProgressFacts {
  readAt: string | null;
  bestScore: number | null;
  maxScore: number | null;
}

/** Chapter completion 0..1: reading to the end is half, the best quiz score ratio the other half. */
export function chapterCompletion(p: ProgressFacts | null): number {
  if (!p) return 0;
  const read = p.readAt ? 0.5 : 0;
  const quiz = p.bestScore != null && p.maxScore ? (p.bestScore / p.maxScore) * 0.5 : 0;
  return read + quiz;
}
