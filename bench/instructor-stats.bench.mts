/**
 * Item analysis page query at 100,000 attempts × 6 questions on a fresh SQLite (or TEST_DATABASE_URL)
 * database (prints, never asserts): the first view (folds every attempt once per process), a view
 * with nothing new, and a view after 100 new attempts — beside a baseline measured in the same run,
 * one indexed `count` of the quiz's attempts.
 * Run: npx tsx bench/instructor-stats.bench.mts
 */
import { performance } from "node:perf_hooks";
import { createDb } from "../lib/db/client";
import { createAuthoredQuestion } from "../lib/db/bank";
import { quizItemStats } from "../lib/db/instructor-stats";
import { createTestDatabase } from "../lib/testing/test-database";

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 100_000);
const QUESTIONS = 6;
const { url, cleanup } = await createTestDatabase(process.env.TEST_DATABASE_URL, "kafka_course_bench_stats");
const db = createDb(url);
const quizId = "99-bench";
const versions: string[] = [];
for (let i = 0; i < QUESTIONS; i++) {
  const { versionId } = await createAuthoredQuestion(db, {
    chapterSlug: quizId,
    authorId: null,
    status: "published",
    question: { type: "single", concepts: [`c${i % 3}`], prompt: `문제 ${i}`, options: [{ id: "a", text: "가" }, { id: "b", text: "나" }], answer: "a", explanation: "가" },
  });
  versions.push(versionId);
}

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
async function seedAttempts(n: number, start: number, at: (i: number) => Date) {
  const BATCH = 2_000;
  for (let b = 0; b < n; b += BATCH) {
    const attempts: { id: string; quizId: string; chapterSlug: string; score: number; maxScore: number; submittedAt: Date; userId: null }[] = [];
    const responses: { attemptId: string; questionVersionId: string; score: number; correct: boolean; answer: string }[] = [];
    for (let i = b; i < Math.min(n, b + BATCH); i++) {
      const id = `bench-${start + i}`;
      const ability = rand();
      const marks: number[] = versions.map((_, q) => (rand() < ability + q * 0.05 ? 1 : 0));
      const score = marks.reduce((s, m) => s + m, 0);
      attempts.push({ id, quizId, chapterSlug: quizId, score, maxScore: QUESTIONS, submittedAt: at(start + i), userId: null });
      marks.forEach((m, q) => responses.push({ attemptId: id, questionVersionId: versions[q], score: m, correct: m === 1, answer: JSON.stringify(m ? "a" : "b") }));
    }
    await db.$transaction([db.attempt.createMany({ data: attempts }), db.response.createMany({ data: responses })]);
  }
}

const t0 = Date.parse("2026-01-01T00:00:00Z");
const t = performance.now();
await seedAttempts(ATTEMPTS, 0, (i) => new Date(t0 + i * 10));
console.log(`seeded ${ATTEMPTS} attempts × ${QUESTIONS} responses in ${((performance.now() - t) / 1000).toFixed(1)} s (${url.startsWith("file:") ? "SQLite" : "PostgreSQL"})`);

async function time(fn: () => Promise<unknown>) {
  const s = performance.now();
  await fn();
  return performance.now() - s;
}
const later = () => new Date(Date.now() + 3_600_000);
const baseline = await time(() => db.attempt.count({ where: { quizId } }));
const cold = await time(() => quizItemStats(db, quizId, "first", later()));
const warm: number[] = [];
for (let i = 0; i < 5; i++) warm.push(await time(() => quizItemStats(db, quizId, "first", later())));
await seedAttempts(100, ATTEMPTS, (i) => new Date(t0 + i * 10));
const after100 = await time(() => quizItemStats(db, quizId, "first", later()));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baselineWarm = median(await Promise.all([1, 2, 3].map(() => time(() => db.attempt.count({ where: { quizId } })))));
const rows = [
  ["baseline: count(attempts)", baseline],
  ["first view (folds all)", cold],
  ["view, nothing new (median of 5)", median(warm)],
  ["view after 100 new attempts", after100],
  ["baseline again (warm)", baselineWarm],
] as const;
for (const [name, ms] of rows) console.log(`${name.padEnd(36)} ${ms.toFixed(1).padStart(9)} ms   ${(ms / baselineWarm).toFixed(1).padStart(8)}× baseline`);
await db.$disconnect();
await cleanup();
