/**
 * Certainty-based marking as Moodle defines it (question_cbm): the learner rates each answer 1–3;
 * a right answer earns 1/2/3 times its fraction, a wrong one (fraction ≈ 0) costs 0/−2/−6.
 */
export type Confidence = 1 | 2 | 3;

/** Moodle's CBM mark table. */
export const CBM_MARKS: Record<Confidence, { right: number; wrong: number; label: string }> = {
  1: { right: 1, wrong: 0, label: "확신 낮음 (67% 미만)" },
  2: { right: 2, wrong: -2, label: "확신 중간 (67% 이상)" },
  3: { right: 3, wrong: -6, label: "확신 높음 (80% 이상)" },
};

/** Moodle's default when no confidence is given. */
export const DEFAULT_CONFIDENCE: Confidence = 1;
// question_utils::MARK_TOLERANCE: fractions at or below this count as wrong.
const MARK_TOLERANCE = 0.00000005;

/** The CBM mark for a fraction answered with a confidence (−6..3). */
export function cbmMark(fraction: number, confidence: Confidence = DEFAULT_CONFIDENCE): number {
  const row = CBM_MARKS[confidence];
  return fraction <= MARK_TOLERANCE ? row.wrong : row.right * fraction;
}

/** Totals over an attempt: sum of CBM marks, and the average per question that Moodle reports. */
export function cbmSummary(marks: readonly number[]): { total: number; average: number; max: number } {
  const total = marks.reduce((s, m) => s + m, 0);
  return { total, average: marks.length ? total / marks.length : 0, max: 3 * marks.length };
}
