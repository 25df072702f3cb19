/**
 * Item statistics at 100,000 attempts × 20 questions (prints, never asserts):
 *   (a) the batch `itemStatistics` and (b) keeping running sums attempt by attempt, then reading them,
 *   each beside a plain-loop baseline in the same run that only sums every mark once.
 * Run: npx tsx bench/item-stats.bench.ts
 */
import { performance } from "node:perf_hooks";
import { addAttempt, emptyRunningStats, itemStatistics, statisticsFromRunning } from "../lib/quiz/item-stats";

const ATTEMPTS = 100_000;
const QUESTIONS = 20;
const MARKS = [0, 0.25, 0.5, 1];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, runs = 5): number {
  fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return median(out);
}

let x = 0x9e3779b9;
const rows = Array.from({ length: ATTEMPTS }, () =>
  Array.from({ length: QUESTIONS }, () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return MARKS[(x >>> 0) % MARKS.length];
  }),
);
const maxMarks = Array(QUESTIONS).fill(1);

let sink = 0;
const baseline = time(() => {
  let s = 0;
  for (const r of rows) for (let q = 0; q < QUESTIONS; q++) s += r[q];
  sink += s;
});
const batch = time(() => (sink += itemStatistics(rows, maxMarks).length));
const running = time(() => {
  const state = emptyRunningStats(maxMarks);
  for (const r of rows) addAttempt(state, r);
  sink += statisticsFromRunning(state).length;
});
const state = emptyRunningStats(maxMarks);
for (const r of rows) addAttempt(state, r);
const oneMore = time(() => {
  addAttempt(state, rows[0]);
  sink += statisticsFromRunning(state).length;
}, 101);

console.log(`${ATTEMPTS} attempts × ${QUESTIONS} questions`);
console.log(`  plain loop summing every mark once: ${baseline.toFixed(1)} ms`);
console.log(`  itemStatistics (batch):             ${batch.toFixed(1)} ms → ${(batch / baseline).toFixed(1)}× baseline`);
console.log(`  running sums, all attempts:         ${running.toFixed(1)} ms → ${(running / baseline).toFixed(1)}× baseline`);
console.log(`  one more attempt + fresh figures:   ${oneMore.toFixed(3)} ms → ${(oneMore / batch).toFixed(5)}× a batch rescan`);
if (sink < 0) console.log(sink);
