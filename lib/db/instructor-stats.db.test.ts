import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "./index";
import { createAuthoredQuestion } from "./bank";
import { quizItemStats, resetItemStats, statsCsv } from "./instructor-stats";
import { sharedFixture } from "../testing/shared-fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const csv = (file: string) => {
  const [head, ...rows] = readFileSync(file, "utf8").trim().split(/\r?\n/);
  const cols = head.split(",");
  return rows.map((r) => Object.fromEntries(r.split(",").map((v, i) => [cols[i], Number(v)])));
};
const LATER = new Date(Date.now() + 60_000); // every attempt so far counts as settled

async function quizWithQuestions(n: number) {
  const quizId = `70-${unique()}`;
  const ids: { id: string; versionId: string }[] = [];
  for (let i = 0; i < n; i++)
    ids.push(
      await createAuthoredQuestion(db, {
        chapterSlug: quizId,
        authorId: null,
        status: "published",
        question: {
          type: "single",
          concepts: [i % 2 ? "odd" : "even"],
          prompt: `문제 ${i + 1}`,
          options: [
            { id: "a", text: "가" },
            { id: "b", text: "나" },
          ],
          answer: "a",
          explanation: "가",
        },
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

beforeEach(() => resetItemStats());

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
});
