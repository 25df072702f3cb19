import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "./index";
import { createDb } from "./client";
import { createAuthoredQuestion, saveQuestionVersion } from "./bank";
import { forgetItemStats, quizItemStats, quizItemStatsFromScratch, statsCsv, type QuizStats } from "./instructor-stats";
import { sharedFixture } from "../testing/shared-fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const csv = (file: string) => {
  const [head, ...rows] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const cols = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], Number(v)])));
};
const LATER = new Date(Date.now() + 60_000); // every attempt so far counts as settled

const question = (i: number) => ({
  type: "single" as const,
  concepts: [i % 2 ? "odd" : "even"],
  prompt: `문제 ${i + 1}`,
  options: [
    { id: "a", text: "가" },
    { id: "b", text: "나" },
  ],
  answer: "a",
  explanation: "가",
});

async function quizWithQuestions(n: number) {
  const quizId = `70-${unique()}`;
  const ids: { id: string; versionId: string }[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      await createAuthoredQuestion(db, {
        chapterSlug: quizId,
        authorId: null,
        status: "published",
        question: question(i),
      }),
    );
  return { quizId, ids };
}

let clock = Date.parse("2026-01-01T00:00:00Z");
async function addAttempt(quizId: string, ids: { versionId: string }[], marks: number[], userId: string | null = null, at?: Date) {
  const score = marks.reduce((s, m) => s + m, 0);
  await db.attempt.create({
    data: {
      quizId,
      chapterSlug: quizId,
      userId,
      score,
      maxScore: marks.length,
      submittedAt: at ?? new Date((clock += 1000)),
      responses: { create: marks.map((m, q) => ({ questionVersionId: ids[q].versionId, score: m, correct: m === 1, answer: JSON.stringify(m >= 0.5 ? "a" : "b") })) },
    },
  });
}

/** Both reports with every figure rounded to 9 decimals, so running sums and batch formulas compare exactly. */
function rounded(s: QuizStats) {
  return JSON.parse(JSON.stringify(s, (_k, v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v)));
}

// A second client stands in for a second app instance on PostgreSQL (its own connection pool). On
// SQLite a second client in the same process would block the event loop on the file lock while the
// first waits to commit, so both "instances" share the one client and race between their queries.
const onPostgres = /^postgres/.test(process.env.DATABASE_URL ?? "");
const other = onPostgres ? createDb(process.env.DATABASE_URL!) : db;
afterAll(() => (onPostgres ? other.$disconnect() : undefined));

describe("item analysis from the database", () => {
  it("matches Moodle's figures on its 25-attempt fixture, to four decimals", async () => {
    const attempts = csv(sharedFixture("moodle-stats-results00.csv"));
    const expected = csv(sharedFixture("moodle-stats-qstats00.csv"));
    const { quizId, ids } = await quizWithQuestions(7);
    for (const a of attempts) await addAttempt(quizId, ids, [1, 2, 3, 4, 5, 6, 7].map((s) => a[`slots.${s}.mark`]));
    const stats = await quizItemStats(db, quizId, "all", LATER);
    expect(stats.attempts).toBe(25);
    stats.items.forEach((item, q) => {
      expect(item.facility).toBeCloseTo(expected[q].facility, 4);
      expect(item.sd).toBeCloseTo(expected[q].sd, 4);
      expect(item.discriminationIndex).toBeCloseTo(expected[q].discriminationindex, 4);
      expect(item.discriminativeEfficiency).toBeCloseTo(expected[q].discriminativeefficiency, 4);
    });
    // Every question in the fixture discriminates negatively: all are flagged.
    expect(stats.items.every((i) => i.flags.some((f) => f.code === "negative-discrimination"))).toBe(true);
  });

  it("counts each learner's first attempt by default and every attempt on request", async () => {
    const { quizId, ids } = await quizWithQuestions(2);
    const user = await db.user.create({ data: { email: `st-${unique()}@example.com`, name: "학생", passwordHash: "x" } });
    await addAttempt(quizId, ids, [0, 0], user.id);
    await addAttempt(quizId, ids, [1, 1], user.id);
    await addAttempt(quizId, ids, [1, 0], null);
    const first = await quizItemStats(db, quizId, "first", LATER);
    const all = await quizItemStats(db, quizId, "all", LATER);
    expect(first.attempts).toBe(2);
    expect(first.items[0].facility).toBeCloseTo(0.5);
    expect(all.attempts).toBe(3);
    expect(all.items[0].facility).toBeCloseTo(2 / 3);
    expect(all.items[0].options.map((o) => [o.id, o.count])).toEqual([
      ["a", 2],
      ["b", 1],
    ]);
    expect(all.concepts).toEqual([
      { concept: "even", questions: 1, facility: 2 / 3 },
      { concept: "odd", questions: 1, facility: 1 / 3 },
    ]);
  });

  it("keeps up as attempts arrive, including ones submitted a moment ago", async () => {
    const { quizId, ids } = await quizWithQuestions(2);
    await addAttempt(quizId, ids, [1, 1]);
    expect((await quizItemStats(db, quizId, "all", LATER)).attempts).toBe(1);
    await addAttempt(quizId, ids, [0, 1]);
    expect((await quizItemStats(db, quizId, "all", LATER)).attempts).toBe(2);
    // Not yet settled: seen in this view, folded in later, never counted twice.
    const now = new Date();
    await addAttempt(quizId, ids, [0, 0], null, now);
    const fresh = await quizItemStats(db, quizId, "all", now);
    expect(fresh.attempts).toBe(3);
    expect(fresh.items[0].facility).toBeCloseTo(1 / 3);
    expect((await quizItemStats(db, quizId, "all", now)).attempts).toBe(3);
    expect((await quizItemStats(db, quizId, "all", new Date(now.getTime() + 60_000))).attempts).toBe(3);
  });

  it("exports CSV with a BOM and neutralises spreadsheet formulas", async () => {
    const { quizId, ids } = await quizWithQuestions(1);
    await db.questionVersion.update({ where: { id: ids[0].versionId }, data: { body: JSON.stringify({ ...JSON.parse((await db.questionVersion.findUniqueOrThrow({ where: { id: ids[0].versionId } })).body), prompt: '=HYPERLINK("x")' }) } });
    await addAttempt(quizId, ids, [1]);
    const out = statsCsv(await quizItemStats(db, quizId, "all", LATER));
    expect(out.startsWith("\uFEFF문제 id,")).toBe(true);
    expect(out).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it("keeps the sums in the database: a fresh process answers from them without rescanning the attempts", async () => {
    const { quizId, ids } = await quizWithQuestions(2);
    await addAttempt(quizId, ids, [1, 0]);
    await addAttempt(quizId, ids, [1, 1]);
    expect((await quizItemStats(db, quizId, "all", LATER)).attempts).toBe(2);
    const row = await db.itemStatsState.findUniqueOrThrow({ where: { quizId } });
    const last = await db.attempt.findFirstOrThrow({ where: { quizId }, orderBy: [{ submittedAt: "desc" }, { id: "desc" }] });
    expect([row.throughAt?.getTime(), row.throughId]).toEqual([last.submittedAt.getTime(), last.id]);
    // Another client (a new process has nothing in memory) sees the stored figures even once the
    // attempts are gone: proof it read the sums, not the attempts. Forgetting them rebuilds from the rows.
    await db.attempt.deleteMany({ where: { quizId } });
    const fresh = await quizItemStats(other, quizId, "all", LATER);
    expect(fresh.attempts).toBe(2);
    expect(fresh.items[0].facility).toBe(1);
    await forgetItemStats(db, quizId);
    expect((await quizItemStats(other, quizId, "all", LATER)).attempts).toBe(0);
  });

  it("equals a from-scratch recomputation after any sequence of attempts, new versions and two instances folding at once", async () => {
    const { quizId, ids } = await quizWithQuestions(3);
    const users = await Promise.all([1, 2].map((i) => db.user.create({ data: { email: `st${i}-${unique()}@example.com`, name: "학생", passwordHash: "x" }, select: { id: true } })));
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const marks = [0, 1 / 3, 0.5, 1];
    let at = Date.parse("2026-03-01T00:00:00Z");
    const current = ids.map((x) => ({ ...x }));
    for (let step = 0; step < 24; step++) {
      // Several attempts, sometimes with equal timestamps (the watermark orders ties by id).
      // (A step's first attempt is always later than everything before: an attempt behind the
      // watermark would be a commit older than the settle window, which the app never produces.)
      for (let k = Math.floor(rand() * 6), first = true; k >= 0; k--, first = false) {
        if (first || rand() < 0.7) at += 1000;
        const who = rand() < 0.2 ? null : users[Math.floor(rand() * users.length)].id;
        await addAttempt(quizId, current, current.map(() => marks[Math.floor(rand() * marks.length)]), who, new Date(at));
      }
      if (step % 7 === 3) {
        const q = 1 + (step % 2);
        const saved = await saveQuestionVersion(db, current[q].id, { ...question(q), id: current[q].id, prompt: `고친 문제 ${step}` }, { chapterSlug: quizId });
        current[q].versionId = saved.versionId;
      }
      // Two instances view at once; some of the newest attempts are still inside the settle window.
      const now = new Date(at + Math.floor(rand() * 8_000));
      if (rand() < 0.4) continue; // let a few steps' attempts pile up into one fold
      for (const scope of ["first", "all"] as const) {
        const [a, b] = await Promise.all([quizItemStats(db, quizId, scope, now), quizItemStats(other, quizId, scope, now)]);
        const expected = rounded(await quizItemStatsFromScratch(db, quizId, scope));
        expect(rounded(a)).toEqual(expected);
        expect(rounded(b)).toEqual(expected);
      }
    }
    const final = await quizItemStats(db, quizId, "first", LATER);
    expect(final.items.length).toBeGreaterThan(3); // old and new versions each have their own row
    expect(rounded(final)).toEqual(rounded(await quizItemStatsFromScratch(db, quizId, "first")));
  });
});
