/**
 * Item analysis as Moodle's quiz statistics report computes it (question/classes/statistics):
 * facility = mean mark / max mark; sd with the sample (n − 1) variance; discrimination index =
 * 100 · cov(mark, rest) / √(var mark · var rest), where rest = attempt total − this question's mark;
 * discriminative efficiency = 100 · cov(mark, rest) / covmax, covmax being the covariance of the two
 * sorted columns paired rank by rank (the largest covariance those marks could have).
 */

export interface ItemStatistic {
  /** Mean mark as a fraction of the max mark, 0..1; null when the max mark is 0 or nobody answered. */
  facility: number | null;
  /** Sample standard deviation of the mark (not scaled by the max mark); null below two attempts. */
  sd: number | null;
  /** Percent, −100..100; null when either variance is zero. */
  discriminationIndex: number | null;
  /** Percent; null when the maximum covariance is zero. */
  discriminativeEfficiency: number | null;
}

function finish(n: number, maxMark: number, sumX: number, sx2: number, sy2: number, sxy: number, sMax: number): ItemStatistic {
  const facility = n > 0 && maxMark !== 0 ? sumX / n / maxMark : null;
  if (n < 2) return { facility, sd: null, discriminationIndex: null, discriminativeEfficiency: null };
  const varX = sx2 / (n - 1);
  const varY = sy2 / (n - 1);
  const cov = sxy / (n - 1);
  const covMax = sMax / (n - 1);
  // Below this a variance is rounding noise from the running sums, not spread in the marks.
  const EPS = 1e-12;
  return {
    facility,
    sd: Math.sqrt(Math.max(0, varX)),
    discriminationIndex: varX > EPS && varY > EPS ? (100 * cov) / Math.sqrt(varX * varY) : null,
    discriminativeEfficiency: Math.abs(covMax) > EPS ? (100 * cov) / covMax : null,
  };
}

/** Per-question statistics from one row of marks per attempt (one entry per question). Pure. */
export function itemStatistics(marks: readonly (readonly number[])[], maxMarks: readonly number[]): ItemStatistic[] {
  const n = marks.length;
  const totals = new Float64Array(n);
  marks.forEach((row, i) => (totals[i] = row.reduce((s, m) => s + m, 0)));
  // Typed arrays sort numerically and in place, which keeps 100,000 attempts quick.
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  return maxMarks.map((maxMark, q) => {
    let sumX = 0;
    let sumY = 0;
    for (let i = 0; i < n; i++) {
      xs[i] = marks[i][q];
      ys[i] = totals[i] - xs[i];
      sumX += xs[i];
      sumY += ys[i];
    }
    const meanX = n ? sumX / n : 0;
    const meanY = n ? sumY / n : 0;
    let sx2 = 0;
    let sy2 = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      const dx = xs[i] - meanX;
      const dy = ys[i] - meanY;
      sx2 += dx * dx;
      sy2 += dy * dy;
      sxy += dx * dy;
    }
    xs.sort();
    ys.sort();
    let sMax = 0;
    for (let i = 0; i < n; i++) sMax += (xs[i] - meanX) * (ys[i] - meanY);
    return finish(n, maxMark, sumX, sx2, sy2, sxy, sMax);
  });
}

/**
 * Running sums for item statistics, so they stay current as attempts arrive without rescanning.
 * Covmax needs the sorted columns; marks take few distinct values, so counts per value stand in for
 * the sorted lists and the rank-by-rank pairing is a merge of two small histograms.
 */
export interface RunningItemStats {
  maxMarks: number[];
  n: number;
  sumX: number[];
  sumXX: number[];
  sumY: number[];
  sumYY: number[];
  sumXY: number[];
  /** Per question: attempts per mark value, and per rest-of-test value. */
  histX: Map<number, number>[];
  histY: Map<number, number>[];
}

/** Empty running sums for a quiz with these max marks. */
export function emptyRunningStats(maxMarks: readonly number[]): RunningItemStats {
  const zeros = () => maxMarks.map(() => 0);
  return {
    maxMarks: [...maxMarks],
    n: 0,
    sumX: zeros(),
    sumXX: zeros(),
    sumY: zeros(),
    sumYY: zeros(),
    sumXY: zeros(),
    histX: maxMarks.map(() => new Map()),
    histY: maxMarks.map(() => new Map()),
  };
}

/** Adds one attempt's marks. Mutates and returns `state` (it is a cache; copying per attempt would dominate). */
export function addAttempt(state: RunningItemStats, row: readonly number[]): RunningItemStats {
  let total = 0;
  for (let q = 0; q < state.maxMarks.length; q++) total += row[q];
  state.n += 1;
  for (let q = 0; q < state.maxMarks.length; q++) {
    const x = row[q];
    const y = total - x;
    state.sumX[q] += x;
    state.sumXX[q] += x * x;
    state.sumY[q] += y;
    state.sumYY[q] += y * y;
    state.sumXY[q] += x * y;
    state.histX[q].set(x, (state.histX[q].get(x) ?? 0) + 1);
    state.histY[q].set(y, (state.histY[q].get(y) ?? 0) + 1);
  }
  return state;
}

/** Σ x₍ᵢ₎·y₍ᵢ₎ over both columns sorted ascending, from their value counts. */
function sortedDot(hx: Map<number, number>, hy: Map<number, number>): number {
  const xs = [...hx.entries()].sort((a, b) => a[0] - b[0]);
  const ys = [...hy.entries()].sort((a, b) => a[0] - b[0]);
  let i = 0;
  let j = 0;
  let leftX = xs[0]?.[1] ?? 0;
  let leftY = ys[0]?.[1] ?? 0;
  let dot = 0;
  while (i < xs.length && j < ys.length) {
    const k = Math.min(leftX, leftY);
    dot += k * xs[i][0] * ys[j][0];
    leftX -= k;
    leftY -= k;
    if (leftX === 0 && ++i < xs.length) leftX = xs[i][1];
    if (leftY === 0 && ++j < ys.length) leftY = ys[j][1];
  }
  return dot;
}

/** The same statistics as `itemStatistics` over every attempt added so far. */
export function statisticsFromRunning(state: RunningItemStats): ItemStatistic[] {
  const n = state.n;
  return state.maxMarks.map((maxMark, q) => {
    const mx = n ? state.sumX[q] / n : 0;
    const my = n ? state.sumY[q] / n : 0;
    const sx2 = state.sumXX[q] - n * mx * mx;
    const sy2 = state.sumYY[q] - n * my * my;
    const sxy = state.sumXY[q] - n * mx * my;
    const sMax = sortedDot(state.histX[q], state.histY[q]) - n * mx * my;
    return finish(n, maxMark, state.sumX[q], sx2, sy2, sxy, sMax);
  });
}

/** Running sums as plain JSON (for storing beside the quiz). */
export function runningStatsToJSON(state: RunningItemStats): unknown {
  return { ...state, histX: state.histX.map((h) => [...h]), histY: state.histY.map((h) => [...h]) };
}

/** Reads running sums written by `runningStatsToJSON`. */
export function runningStatsFromJSON(json: ReturnType<typeof runningStatsToJSON>): RunningItemStats {
  const j = json as Omit<RunningItemStats, "histX" | "histY"> & { histX: [number, number][][]; histY: [number, number][][] };
  return { ...j, histX: j.histX.map((h) => new Map(h)), histY: j.histY.map((h) => new Map(h)) };
}

/** Facility below this: the question may be broken or its key wrong (Moodle's report hints at 10 %). */
export const FACILITY_TOO_HARD = 0.1;
/** Facility above this: the question hardly tells learners apart. */
export const FACILITY_TOO_EASY = 0.9;
/** Discrimination index (percent) below this: stronger learners do worse on it than weaker ones. */
export const DISCRIMINATION_NEGATIVE = 0;

export type ItemFlag = { code: "negative-discrimination" | "too-hard" | "too-easy"; message: string };

/** Why a question looks broken, in Korean for the instructor; empty when nothing stands out. */
export function flagItem(stat: ItemStatistic): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (stat.discriminationIndex !== null && stat.discriminationIndex < DISCRIMINATION_NEGATIVE)
    flags.push({ code: "negative-discrimination", message: "변별도가 음수입니다. 전체 점수가 높은 학습자가 오히려 더 틀립니다. 정답 키나 문항 표현을 확인하세요." });
  if (stat.facility !== null && stat.facility < FACILITY_TOO_HARD)
    flags.push({ code: "too-hard", message: `정답률이 ${Math.round(FACILITY_TOO_HARD * 100)}% 미만입니다. 너무 어렵거나 정답 키가 틀렸을 수 있습니다.` });
  if (stat.facility !== null && stat.facility > FACILITY_TOO_EASY)
    flags.push({ code: "too-easy", message: `정답률이 ${Math.round(FACILITY_TOO_EASY * 100)}%를 넘습니다. 학습자를 거의 구별하지 못합니다.` });
  return flags;
}

export interface OptionFrequency {
  optionId: string;
  count: number;
  /** Share of the attempts that answered, 0..1. */
  share: number;
}

/** How often each option was picked; a multiple-choice response counts once for each option in it. */
export function optionFrequencies(
  responses: readonly (string | readonly string[] | null | undefined)[],
  optionIds: readonly string[],
): { options: OptionFrequency[]; answered: number; unanswered: number } {
  const counts = new Map(optionIds.map((id) => [id, 0]));
  let answered = 0;
  for (const r of responses) {
    if (r === null || r === undefined) continue;
    answered += 1;
    for (const id of typeof r === "string" ? [r] : r) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  return {
    options: optionIds.map((optionId) => ({ optionId, count: counts.get(optionId)!, share: answered ? counts.get(optionId)! / answered : 0 })),
    answered,
    unanswered: responses.length - answered,
  };
}

export interface ConceptResult {
  concept: string;
  questions: number;
  /** Mean mark over the concept's questions and all attempts, as a fraction of the max marks. */
  facility: number | null;
}

/** Results per concept tag: each question counts toward every concept it is tagged with. */
export function resultsByConcept(
  marks: readonly (readonly number[])[],
  maxMarks: readonly number[],
  conceptsByQuestion: readonly (readonly string[])[],
): ConceptResult[] {
  const acc = new Map<string, { questions: number; got: number; max: number }>();
  maxMarks.forEach((maxMark, q) => {
    const got = marks.reduce((s, row) => s + row[q], 0);
    for (const c of new Set(conceptsByQuestion[q] ?? [])) {
      const a = acc.get(c) ?? { questions: 0, got: 0, max: 0 };
      a.questions += 1;
      a.got += got;
      a.max += maxMark * marks.length;
      acc.set(c, a);
    }
  });
  return [...acc.entries()]
    .map(([concept, a]) => ({ concept, questions: a.questions, facility: a.max > 0 ? a.got / a.max : null }))
    .sort((a, b) => a.concept.localeCompare(b.concept));
}

/**
 * The attempts item analysis counts: each learner's first by default (Moodle's default), or all.
 * Attempts without a learner (anonymous) each count as a first attempt.
 */
export function selectAttempts<T extends { learnerId: string | null; submittedAtMs: number }>(attempts: readonly T[], which: "first" | "all" = "first"): T[] {
  if (which === "all") return [...attempts];
  const first = new Map<string, T>();
  const anonymous: T[] = [];
  for (const a of attempts) {
    if (a.learnerId === null) anonymous.push(a);
    else if (!first.has(a.learnerId) || a.submittedAtMs < first.get(a.learnerId)!.submittedAtMs) first.set(a.learnerId, a);
  }
  return [...first.values(), ...anonymous].sort((x, y) => x.submittedAtMs - y.submittedAtMs);
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = typeof v === "number" ? String(Math.round(v * 10000) / 10000) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Item statistics as CSV, UTF-8 with a BOM so Excel reads Korean titles correctly. */
export function itemStatisticsCsv(questions: readonly { id: string; title: string }[], stats: readonly ItemStatistic[]): string {
  const header = ["문항 id", "문항", "정답률(facility)", "표준편차(sd)", "변별도(discrimination index)", "변별 효율(discriminative efficiency)", "경고"];
  const rows = questions.map((q, i) => {
    const s = stats[i];
    return [q.id, q.title, s.facility, s.sd, s.discriminationIndex, s.discriminativeEfficiency, flagItem(s).map((f) => f.code).join(" ")];
  });
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
