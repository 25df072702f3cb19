/** Exam scoring policy: the pass mark and how several attempts become one course grade. */

/** The default pass mark: 70 % of the maximum score. */
export const DEFAULT_PASS_RATIO = 0.7;

/** True when a score reaches the pass mark (a ratio 0..1). Pure. */
export function isPassing(score: number, maxScore: number, passRatio = DEFAULT_PASS_RATIO): boolean {
  if (maxScore <= 0) return false;
  // Rounded so 7/10 passes at 0.7 despite floating point.
  return Math.round((score / maxScore) * 1e9) >= Math.round(passRatio * 1e9);
}

/** How several attempts count, as Moodle's quiz grading methods. */
export type GradingPolicy = "highest" | "first" | "last" | "average";

export const GRADING_POLICY_LABEL: Record<GradingPolicy, string> = {
  highest: "최고 점수",
  first: "첫 응시",
  last: "마지막 응시",
  average: "평균",
};

export interface ScoredAttempt {
  score: number;
  maxScore: number;
  submittedAt: Date;
}

/** The course grade (ratio 0..1) of a learner's submitted attempts under a policy; null with none. Pure. */
export function overallGrade(attempts: readonly ScoredAttempt[], policy: GradingPolicy): number | null {
  const ratios = [...attempts]
    .filter((a) => a.maxScore > 0)
    .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())
    .map((a) => a.score / a.maxScore);
  if (!ratios.length) return null;
  switch (policy) {
    case "highest":
      return Math.max(...ratios);
    case "first":
      return ratios[0];
    case "last":
      return ratios[ratios.length - 1];
    case "average":
      return ratios.reduce((s, r) => s + r, 0) / ratios.length;
  }
}
