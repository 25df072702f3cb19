import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharedFixture } from "../testing/shared-fixtures";
import {
  addAttempt,
  emptyRunningStats,
  flagItem,
  itemStatistics,
  itemStatisticsCsv,
  optionFrequencies,
  resultsByConcept,
  runningStatsFromJSON,
  runningStatsToJSON,
  selectAttempts,
  statisticsFromRunning,
  type ItemStatistic,
} from "./item-stats";

function csv(path: string): number[][] {
  const [, ...rows] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  return rows.map((r) => r.split(",").map(Number));
}

// Moodle's quiz-statistics fixture: 25 attempts × 7 questions, marks out of 1.
const attempts = csv(sharedFixture("moodle-stats-results00.csv"));
const marks = attempts.map((r) => r.slice(1, 8));
const expected = csv(sharedFixture("moodle-stats-qstats00.csv"));
const maxMarks = Array(7).fill(1);

describe("itemStatistics against Moodle's fixture", () => {
  it("has the fixture's 25 attempts with totals that match their marks", () => {
    expect(marks).toHaveLength(25);
    for (const r of attempts) expect(r.slice(1, 8).reduce((s, m) => s + m, 0)).toBeCloseTo(r[8], 4);
  });

  const stats = itemStatistics(marks, maxMarks);
  expected.forEach(([slot, facility, sd, , , , , discriminationIndex, , discriminativeEfficiency]) => {
    it(`matches facility, sd, discrimination index and discriminative efficiency of slot ${slot} to four decimals`, () => {
      const s = stats[slot - 1];
      expect(s.facility).toBeCloseTo(facility, 4);
      expect(s.sd).toBeCloseTo(sd, 4);
      expect(s.discriminationIndex).toBeCloseTo(discriminationIndex, 4);
      expect(s.discriminativeEfficiency).toBeCloseTo(discriminativeEfficiency, 4);
    });
  });

  it("scales facility by the max mark but not sd, as Moodle does", () => {
    const doubled = itemStatistics(marks.map((r) => r.map((m) => m * 2)), Array(7).fill(2));
    expect(doubled[0].facility).toBeCloseTo(expected[0][1], 9);
    expect(doubled[0].sd).toBeCloseTo(expected[0][2] * 2, 9);
    expect(doubled[0].discriminationIndex).toBeCloseTo(expected[0][7], 9);
  });
});

describe("itemStatistics edge cases", () => {
  it("gives null spread statistics below two attempts and with no variance", () => {
    expect(itemStatistics([], [1])).toEqual([{ facility: null, sd: null, discriminationIndex: null, discriminativeEfficiency: null }]);
    expect(itemStatistics([[1, 0]], [1, 1])[0]).toEqual({ facility: 1, sd: null, discriminationIndex: null, discriminativeEfficiency: null });
    const flat = itemStatistics([[1, 0], [1, 1]], [1, 1])[0];
    expect(flat).toMatchObject({ facility: 1, sd: 0, discriminationIndex: null });
  });

  it("gives +100 discrimination when a question ranks attempts exactly as the rest of the test", () => {
    const s = itemStatistics([[0, 0], [1, 1], [0, 0], [1, 1]], [1, 1]);
    expect(s[0].discriminationIndex).toBeCloseTo(100, 9);
    expect(s[0].discriminativeEfficiency).toBeCloseTo(100, 9);
  });
});

const row = (q: number) => fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: q, maxLength: q });
const close = (a: ItemStatistic[], b: ItemStatistic[]) =>
  a.forEach((s, i) =>
    (Object.keys(s) as (keyof ItemStatistic)[]).forEach((k) => {
      const x = s[k];
      const y = b[i][k];
      if (x === null || y === null) expect([k, x]).toEqual([k, y]);
      else expect(Math.abs(x - y)).toBeLessThan(1e-6 * Math.max(1, Math.abs(y)));
    }),
  );

describe("running item statistics", () => {
  it("equal the batch computation after every attempt (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((q) => fc.array(row(q), { minLength: 0, maxLength: 40 }).map((rs) => [q, rs] as const)), ([q, rows]) => {
        const max = Array(q).fill(1);
        const state = emptyRunningStats(max);
        rows.forEach((r, i) => {
          addAttempt(state, r);
          if (i % 7 === 0 || i === rows.length - 1) close(statisticsFromRunning(state), itemStatistics(rows.slice(0, i + 1), max));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("reproduce Moodle's fixture attempt by attempt and survive a JSON round trip", () => {
    const state = emptyRunningStats(maxMarks);
    marks.slice(0, 10).forEach((r) => addAttempt(state, r));
    const restored = runningStatsFromJSON(JSON.parse(JSON.stringify(runningStatsToJSON(state))));
    marks.slice(10).forEach((r) => addAttempt(restored, r));
    close(statisticsFromRunning(restored), itemStatistics(marks, maxMarks));
  });
});

describe("instructor helpers", () => {
  it("flags negative discrimination and facility outside 0.1..0.9 in Korean", () => {
    expect(flagItem({ facility: 0.5, sd: 0.5, discriminationIndex: 30, discriminativeEfficiency: 40 })).toEqual([]);
    expect(flagItem({ facility: 0.05, sd: 0.2, discriminationIndex: -7, discriminativeEfficiency: -9 }).map((f) => f.code)).toEqual(["negative-discrimination", "too-hard"]);
    const [easy] = flagItem({ facility: 0.95, sd: 0.2, discriminationIndex: 10, discriminativeEfficiency: 20 });
    expect(easy).toEqual({ code: "too-easy", message: "정답률이 90%를 넘습니다. 학습자를 거의 구별하지 못합니다." });
    expect(flagItem({ facility: 0.1, sd: 0.3, discriminationIndex: null, discriminativeEfficiency: null })).toEqual([]);
  });

  it("flags every question of Moodle's fixture, all of which discriminate negatively", () => {
    expect(itemStatistics(marks, maxMarks).map((s) => flagItem(s).map((f) => f.code))).toEqual([
      ["negative-discrimination"],
      ["negative-discrimination"],
      ["negative-discrimination", "too-easy"],
      ["negative-discrimination"],
      ["negative-discrimination"],
      ["negative-discrimination"],
      ["negative-discrimination"],
    ]);
  });

  it("counts option picks, one per option of a multiple response, with unanswered apart", () => {
    expect(optionFrequencies(["a", ["a", "c"], null, "b", "z"], ["a", "b", "c"])).toEqual({
      options: [
        { optionId: "a", count: 2, share: 0.5 },
        { optionId: "b", count: 1, share: 0.25 },
        { optionId: "c", count: 1, share: 0.25 },
      ],
      answered: 4,
      unanswered: 1,
    });
  });

  it("sums results per concept over every question tagged with it", () => {
    expect(resultsByConcept([[1, 0, 2], [0, 1, 1]], [1, 1, 2], [["isr", "acks"], ["isr"], ["hw"]])).toEqual([
      { concept: "acks", questions: 1, facility: 0.5 },
      { concept: "hw", questions: 1, facility: 0.75 },
      { concept: "isr", questions: 2, facility: 0.5 },
    ]);
  });
});

describe("attempt selection and CSV", () => {
  it("keeps each learner's first attempt and every anonymous one, or all when asked", () => {
    const attempts = [
      { id: 1, learnerId: "u1", submittedAtMs: 30 },
      { id: 2, learnerId: "u1", submittedAtMs: 10 },
      { id: 3, learnerId: null, submittedAtMs: 20 },
      { id: 4, learnerId: null, submittedAtMs: 5 },
      { id: 5, learnerId: "u2", submittedAtMs: 40 },
    ];
    expect(selectAttempts(attempts).map((a) => a.id)).toEqual([4, 2, 3, 5]);
    expect(selectAttempts(attempts, "all")).toHaveLength(5);
  });

  it("writes CSV with a BOM, Korean headers, quoted cells, empty nulls and flags", () => {
    const csvText = itemStatisticsCsv(
      [
        { id: "q1", title: '리더 "선출", 1' },
        { id: "q2", title: "쉬움" },
      ],
      [
        { facility: 0.5, sd: 0.5, discriminationIndex: -7.06507, discriminativeEfficiency: null },
        { facility: 0.95, sd: 0.1, discriminationIndex: 12, discriminativeEfficiency: 20 },
      ],
    );
    expect(csvText.startsWith("\uFEFF문항 id,문항,정답률(facility)")).toBe(true);
    const lines = csvText.slice(1).trimEnd().split("\r\n");
    expect(lines[1]).toBe('q1,"리더 ""선출"", 1",0.5,0.5,-7.0651,,negative-discrimination');
    expect(lines[2]).toBe("q2,쉬움,0.95,0.1,12,20,too-easy");
  });
});
