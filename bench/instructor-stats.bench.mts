/**
 * Item analysis at 100,000 attempts × 6 questions (30,000 learners and some anonymous attempts) on a
 * fresh SQLite (or TEST_DATABASE_URL) database. Prints, never asserts, each figure against the
 * from-scratch computation measured in the same run (every attempt read and Moodle's batch formulas):
 * the very first view (builds the stored sums), the first view in a fresh process (reads the stored
 * row), a warm view, and a fresh process after 100 new attempts.
 * Run: npx tsx bench/instructor-stats.bench.mts   (ATTEMPTS=… for another size)
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { createDb } from "../lib/db/client";
import { createAuthoredQuestion } from "../lib/db/bank";
import { quizItemStats, quizItemStatsFromScratch } from "../lib/db/instructor-stats";
import { createTestDatabase } from "../lib/testing/test-database";

const later = () => new Date(Date.now() + 3_600_000);
async function time(fn: () => Promise<unknown>) {
  const s = performance.now();
  await fn();
  return performance.now() - s;
}

// Child mode: a fresh process (nothing in memory) times its first statistics view.
if (process.argv[2] === "--child") {
  const db = createDb(process.argv[3]);
  await db.$queryRawUnsafe("SELECT 1"); // connect outside the timing, as a running server has
  const ms = await time(() => quizItemStats(db, process.argv[4], "first", later()));
  await db.$disconnect();
  console.log(JSON.stringify({ ms }));
  process.exit(0);
}

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 100_000);
const QUESTIONS = 6;
const LEARNERS = Math.ceil(ATTEMPTS * 0.3);
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
const BATCH = 2_000;
for (let b = 0; b < LEARNERS; b += BATCH)
  await db.user.createMany({
    data: Array.from({ length: Math.min(BATCH, LEARNERS - b) }, (_, i) => ({ id: `bench-u${b + i}`, email: `u${b + i}@bench.example`, name: "학생", passwordHash: "x" })),
  });
async function seedAttempts(n: number, start: number, at: (i: number) => Date) {
  for (let b = 0; b < n; b += BATCH) {
    const attempts: { id: string; quizId: string; chapterSlug: string; score: number; maxScore: number; submittedAt: Date; userId: string | null }[] = [];
    const responses: { attemptId: string; questionVersionId: string; score: number; correct: boolean; answer: string }[] = [];
    for (let i = b; i < Math.min(n, b + BATCH); i++) {
      const id = `bench-${start + i}`;
      const ability = rand();
      const marks: number[] = versions.map((_, q) => (rand() < ability + q * 0.05 ? 1 : 0));
      const score = marks.reduce((s, m) => s + m, 0);
      const userId = rand() < 0.1 ? null : `bench-u${Math.floor(rand() * LEARNERS)}`;
      attempts.push({ id, quizId, chapterSlug: quizId, score, maxScore: QUESTIONS, submittedAt: at(start + i), userId });
      marks.forEach((m, q) => responses.push({ attemptId: id, questionVersionId: versions[q], score: m, correct: m === 1, answer: JSON.stringify(m ? "a" : "b") }));
    }
    // Not in one transaction: on a loaded machine a 12,000-row batch outlives Prisma's 5 s transaction timeout.
    await db.attempt.createMany({ data: attempts });
    await db.response.createMany({ data: responses });
  }
}

const t0 = Date.parse("2026-01-01T00:00:00Z");
const t = performance.now();
await seedAttempts(ATTEMPTS, 0, (i) => new Date(t0 + i * 10));
const engine = url.startsWith("file:") ? "SQLite" : "PostgreSQL";
// A running database has planner statistics (autovacuum, or SQLite's ANALYZE); right after a bulk load it has none.
await db.$executeRawUnsafe("ANALYZE");
console.log(`seeded ${ATTEMPTS} attempts × ${QUESTIONS} responses, ${LEARNERS} learners, in ${((performance.now() - t) / 1000).toFixed(1)} s (${engine})`);

function freshProcess(): number {
  const r = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", url, quizId], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`child failed:\n${r.stdout}\n${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split("\n").pop()!) as { ms: number }).ms;
}

const scratch = await time(() => quizItemStatsFromScratch(db, quizId, "first"));
const build = await time(() => quizItemStats(db, quizId, "first", later()));
const fresh = [freshProcess(), freshProcess(), freshProcess()];
const warm: number[] = [];
for (let i = 0; i < 5; i++) warm.push(await time(() => quizItemStats(db, quizId, "first", later())));
await seedAttempts(100, ATTEMPTS, (i) => new Date(t0 + i * 10));
const fresh100 = freshProcess();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [
  ["from scratch (reference)", scratch],
  ["very first view (builds stored sums)", build],
  ["fresh process, first view (median of 3)", median(fresh)],
  ["warm view, nothing new (median of 5)", median(warm)],
  ["fresh process after 100 new attempts", fresh100],
] as const;
console.log(`${engine}, ${ATTEMPTS} attempts (shared machine: absolute times vary with load; read the ratios)`);
for (const [name, ms] of rows) console.log(`${name.padEnd(42)} ${ms.toFixed(1).padStart(9)} ms   ${(ms / scratch).toFixed(4).padStart(8)}× from scratch`);
await db.$disconnect();
if (process.env.KEEP_DB) console.log(`kept ${url}`);
else await cleanup();
