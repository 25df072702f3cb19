import { describe, expect, it } from "vitest";
import { assembleExam, seededShuffle, type PoolQuestion } from "./exam-assembly";

const pool: PoolQuestion[] = [
  { id: "q1", concepts: ["isr", "acks"] },
  { id: "q2", concepts: ["isr"] },
  { id: "q3", concepts: ["acks"] },
  { id: "q4", concepts: ["compaction"] },
  { id: "q5", concepts: ["compaction", "tombstone"] },
  { id: "q6", concepts: ["partitioner"] },
  { id: "q7", concepts: ["partitioner"] },
  { id: "q8", concepts: ["isr"] },
];
const ids = (qs: PoolQuestion[]) => qs.map((q) => q.id);
const conceptsOf = (qs: PoolQuestion[]) => new Set(qs.flatMap((q) => q.concepts));

describe("course exam assembly", () => {
  it("gives the same exam for the same seed and history", () => {
    const a = assembleExam({ pool, previousAttempts: [], size: 5, seed: 42 });
    const b = assembleExam({ pool, previousAttempts: [], size: 5, seed: 42 });
    expect(ids(a)).toEqual(ids(b));
  });

  it("covers every concept at least once when the size allows, for any seed", () => {
    for (let seed = 0; seed < 200; seed++) {
      const exam = assembleExam({ pool, previousAttempts: [], size: 4, seed });
      expect(conceptsOf(exam)).toEqual(new Set(["isr", "acks", "compaction", "tombstone", "partitioner"]));
      expect(new Set(ids(exam)).size).toBe(4);
    }
  });

  it("balances concepts after covering them: no concept asked twice while another was asked once less", () => {
    const flat = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, concepts: [`c${i % 4}`] }));
    for (let seed = 0; seed < 50; seed++) {
      const exam = assembleExam({ pool: flat, previousAttempts: [], size: 8, seed });
      const counts = new Map<string, number>();
      for (const q of exam) counts.set(q.concepts[0], (counts.get(q.concepts[0]) ?? 0) + 1);
      expect([...counts.values()]).toEqual([2, 2, 2, 2]);
    }
  });

  it("does not repeat questions across a learner's attempts until the pool is used up", () => {
    const first = ids(assembleExam({ pool, previousAttempts: [], size: 3, seed: 1 }));
    const second = ids(assembleExam({ pool, previousAttempts: [first], size: 3, seed: 2 }));
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    const third = ids(assembleExam({ pool, previousAttempts: [first, second], size: 3, seed: 3 }));
    // Two fresh questions remain; the third is borrowed from the earlier rounds.
    const fresh = pool.map((q) => q.id).filter((id) => !first.includes(id) && !second.includes(id));
    expect(fresh.every((id) => third.includes(id))).toBe(true);
    expect(third).toHaveLength(3);
  });

  it("starts a new round once every question has been asked", () => {
    const all = pool.map((q) => q.id);
    const exam = assembleExam({ pool, previousAttempts: [all], size: 8, seed: 9 });
    expect(new Set(ids(exam))).toEqual(new Set(all));
  });

  it("returns the whole pool when asked for more than it holds", () => {
    expect(assembleExam({ pool, previousAttempts: [], size: 50, seed: 3 })).toHaveLength(pool.length);
    expect(assembleExam({ pool: [], previousAttempts: [], size: 5, seed: 3 })).toEqual([]);
  });

  it("shuffles by seed without losing or duplicating items", () => {
    const s = seededShuffle([1, 2, 3, 4, 5, 6], "seed");
    expect([...s].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seededShuffle([1, 2, 3, 4, 5, 6], "seed")).toEqual(s);
  });
});
