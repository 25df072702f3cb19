import fc from "fast-check";
import { expectReplayable, expectStepNeverThrows } from "../__testing__/reducer-contracts";
import { describe, expect, it } from "vitest";
import { allRecords } from "../log/lookup";
import type { LogRecord } from "../log/types";
import { createCompactionState } from "./config";
import { stepCompaction } from "./reducer";
import type { CompactionEvent, CompactionState } from "./types";

const keyArb = fc.constantFrom("a", "b", "c", "d", "e", "f");
const eventArb: fc.Arbitrary<CompactionEvent> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(keyArb, fc.option(fc.string({ maxLength: 6 }), { freq: 4 }), fc.integer({ min: 0, max: 500_000 }))
      .map(([key, value, timestamp]) => ({ type: "append" as const, records: [{ key, value, timestamp }] })),
  },
  { weight: 2, arbitrary: fc.constant({ type: "runCleaner" as const }) },
  { weight: 1, arbitrary: fc.constant({ type: "roll" as const }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 40_000 }).map((d) => ({ type: "tick" as const, nowMs: d })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 80 }).map((o) => ({ type: "setHighWatermark" as const, offset: o })) },
);

function absolute(events: CompactionEvent[]): CompactionEvent[] {
  let now = 0;
  return events.map((e) => (e.type === "tick" ? { type: "tick", nowMs: (now += e.nowMs) } : e));
}

function mk(seed: number, hwFollows = true): CompactionState {
  const r = createCompactionState({
    seed,
    segmentBytes: 260,
    segmentJitterMs: 3000,
    segmentMs: 100_000,
    minCleanableDirtyRatio: 0.3,
    deleteRetentionMs: 20_000,
    highWatermarkFollowsLogEnd: hwFollows,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Latest record of every key in a list of records. */
function latestByKey(records: LogRecord[]): Map<string, LogRecord> {
  const m = new Map<string, LogRecord>();
  for (const r of records) if (r.key !== null) m.set(r.key, r);
  return m;
}

describe("compaction properties", () => {
  it("is deterministic for the same seed and events", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(eventArb, { minLength: 10, maxLength: 60, size: "max" }), (seed, evs) => {
        expectReplayable(() => mk(seed), absolute(evs), stepCompaction);
      }),
      { numRuns: 50 },
    );
  });

  it("keeps the latest value of every key, never invents records, and keeps offsets strictly increasing", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 10, maxLength: 80, size: "max" }), fc.boolean(), (evs, hwFollows) => {
        let s = mk(1, hwFollows);
        for (const e of absolute(evs)) {
          const before = allRecords(s.log);
          s = stepCompaction(s, e);
          const after = allRecords(s.log);
          // strictly increasing offsets, order preserved
          for (let i = 1; i < after.length; i++) expect(after[i].offset).toBeGreaterThan(after[i - 1].offset);
          if (e.type !== "append") {
            // every surviving record existed, unchanged, before the step (its encoded size may change when
            // the rewritten batch gets a new base timestamp, e.g. the delete horizon)
            const byOffset = new Map(before.map((r) => [r.offset, r]));
            for (const r of after) expect({ ...byOffset.get(r.offset), size: 0 }).toEqual({ ...r, size: 0 });
            // the latest record of each key survives (tombstones may go once their horizon passed)
            for (const [, latest] of latestByKey(before)) {
              if (latest.value !== null) expect(after.some((r) => r.offset === latest.offset)).toBe(true);
            }
          }
        }
        // after cleaning, the cleaned range holds each key at most once
        if (s.checkpoint !== null) {
          const cleaned = allRecords(s.log).filter((r) => r.offset < s.checkpoint!);
          const keys = cleaned.map((r) => r.key);
          expect(new Set(keys).size).toBe(keys.length);
        }
      }),
      { numRuns: 120 },
    );
  }, 30_000); // 120 runs of up to 80 events; slow on a shared machine
});

describe("stepCompaction robustness", () => {
  it("never throws on malformed events and reports them in lastError", () => {
    const created = createCompactionState({});
    if (!created.ok) throw new Error(created.error.message);
    expectStepNeverThrows(created.value, stepCompaction);
  });
});
