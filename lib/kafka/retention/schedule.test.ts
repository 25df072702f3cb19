import fc from "fast-check";
import { expectStepNeverThrows } from "../__testing__/reducer-contracts";
import { describe, expect, it } from "vitest";
import { logSize } from "../log/lookup";
import { batchSizeInBytes } from "../log/record-size";
import { createRetentionState } from "./config";
import { stepRetention } from "./reducer";
import type { RetentionEvent, RetentionInit, RetentionState } from "./types";

const r = batchSizeInBytes([{ value: "test", timestamp: 0 }]);

function mk(init: RetentionInit): RetentionState {
  const s = createRetentionState(init);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

function run(s0: RetentionState, events: RetentionEvent[]): RetentionState {
  return events.reduce(stepRetention, s0);
}

const appendAt = (ts: number): RetentionEvent => ({ type: "append", records: [{ value: "test", timestamp: ts }] });

describe("retention schedule", () => {
  it("runs the first check 30 s after startup, then every log.retention.check.interval.ms", () => {
    let s = mk({ segmentBytes: 5 * r, retentionMs: 1000, checkIntervalMs: 300_000 });
    s = run(
      s,
      Array.from({ length: 12 }, () => appendAt(0)),
    );
    s = stepRetention(s, { type: "tick", nowMs: 29_999 });
    expect(s.checksRun).toBe(0);
    expect(s.log.segments.length).toBe(3);
    s = stepRetention(s, { type: "tick", nowMs: 30_000 });
    expect(s.checksRun).toBe(1);
    expect(s.log.segments.map((x) => x.baseOffset)).toEqual([12]); // everything expired → rolled + deleted
    expect(s.lastRun?.rolledEmptySegment).toBe(true);
    s = stepRetention(s, { type: "tick", nowMs: 30_000 + 3 * 300_000 });
    expect(s.checksRun).toBe(4);
  });

  it("never deletes because of an append alone", () => {
    let s = mk({ segmentBytes: 5 * r, retentionMs: 1 });
    s = run(s, [...Array.from({ length: 20 }, () => appendAt(0))]);
    expect(s.log.segments.length).toBe(4);
  });

  it("removes .deleted files file.delete.delay.ms after the deletion", () => {
    let s = mk({ segmentBytes: 5 * r, retentionMs: 1000 });
    s = run(s, [...Array.from({ length: 7 }, () => appendAt(0)), { type: "tick", nowMs: 30_000 }]);
    expect(s.log.pendingDeletes.length).toBeGreaterThan(0);
    s = stepRetention(s, { type: "tick", nowMs: 89_999 });
    expect(s.log.pendingDeletes.length).toBeGreaterThan(0);
    s = stepRetention(s, { type: "tick", nowMs: 90_000 });
    expect(s.log.pendingDeletes).toEqual([]);
    expect(s.log.lastRemovedFiles).toContain("00000000000000000000.log.deleted");
  });

  it("answers OFFSET_OUT_OF_RANGE below the log start and applies auto.offset.reset", () => {
    let s = mk({ segmentBytes: 5 * r, retentionBytes: 5 * r, retentionMs: -1 });
    s = run(s, [...Array.from({ length: 12 }, () => appendAt(0)), { type: "tick", nowMs: 30_000 }]);
    expect(s.log.logStartOffset).toBe(5);
    s = stepRetention(s, { type: "fetch", offset: 2, autoOffsetReset: "earliest" });
    expect(s.lastFetch?.brokerError).toBe("OFFSET_OUT_OF_RANGE");
    expect(s.lastFetch?.readFrom).toBe(5);
    expect(s.lastFetch?.records[0].offset).toBe(5);
    s = stepRetention(s, { type: "fetch", offset: 2, autoOffsetReset: "latest" });
    expect(s.lastFetch?.readFrom).toBe(12);
    expect(s.lastFetch?.records).toEqual([]);
    s = stepRetention(s, { type: "fetch", offset: 2, autoOffsetReset: "none" });
    expect(s.lastFetch?.readFrom).toBeNull();
    s = stepRetention(s, { type: "fetch", offset: 6 });
    expect(s.lastFetch?.brokerError).toBeNull();
  });

  it("rejects invalid retention settings with INVALID_CONFIG", () => {
    for (const bad of [{ retentionMs: -2 }, { retentionBytes: -7 }, { checkIntervalMs: 0 }, { segmentBytes: 0 }]) {
      const res = createRetentionState(bad);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe("INVALID_CONFIG");
    }
  });

  it("records UNKNOWN_EVENT for unknown events", () => {
    const s = mk({});
    const out = stepRetention(s, { type: "nope" } as unknown as RetentionEvent);
    expect(out.lastError?.code).toBe("UNKNOWN_EVENT");
    expect({ ...out, lastError: null }).toEqual(s);
  });
});

const eventArb: fc.Arbitrary<RetentionEvent> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 200_000 }).map((ts) => appendAt(ts)) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 120_000 }).map((d) => ({ type: "tick" as const, nowMs: d })) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 60 }).map((o) => ({ type: "setHighWatermark" as const, offset: o })) },
  { weight: 1, arbitrary: fc.constant({ type: "runRetention" as const }) },
  { weight: 1, arbitrary: fc.constant({ type: "roll" as const }) },
);

/** Turns relative tick deltas into absolute, increasing times. */
function absolute(events: RetentionEvent[]): RetentionEvent[] {
  let now = 0;
  return events.map((e) => (e.type === "tick" ? { type: "tick", nowMs: (now += e.nowMs) } : e));
}

describe("retention properties", () => {
  it("is deterministic for the same seed and events", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(eventArb, { minLength: 10, maxLength: 50, size: "max" }), (seed, evs) => {
        const init = {
          seed,
          segmentBytes: 4 * r,
          segmentJitterMs: 5000,
          segmentMs: 50_000,
          retentionMs: 100_000,
          retentionBytes: 8 * r,
          highWatermarkFollowsLogEnd: false,
        };
        const a = run(mk(init), absolute(evs));
        expect(a).toEqual(run(mk(init), absolute(evs)));
        expect(JSON.parse(JSON.stringify(a))).toEqual(a); // plain JSON state
        // pure: stepping never mutates its input
        let s = mk(init);
        for (const e of absolute(evs)) {
          const before = JSON.stringify(s);
          const next = stepRetention(s, e);
          expect(JSON.stringify(s)).toBe(before);
          s = next;
        }
      }),
      { numRuns: 50 },
    );
  });

  it("never deletes at/above the high watermark, and size retention leaves at least retention.bytes", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 10, maxLength: 60, size: "max" }), fc.integer({ min: 1, max: 12 }), (evs, k) => {
        let s = mk({
          segmentBytes: 3 * r,
          retentionMs: -1,
          retentionBytes: k * r,
          checkIntervalMs: 10_000,
          highWatermarkFollowsLogEnd: false,
        });
        for (const e of absolute(evs)) {
          const before = s.log;
          s = stepRetention(s, e);
          if (s.log.logStartOffset !== before.logStartOffset) {
            // Everything at or above the HW is still there.
            expect(s.log.logStartOffset).toBeLessThanOrEqual(before.highWatermark);
            const sizeBefore = logSize(before);
            if (sizeBefore >= k * r) expect(logSize(s.log)).toBeGreaterThanOrEqual(k * r);
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe("stepRetention robustness", () => {
  it("never throws on malformed events and reports them in lastError", () => {
    const created = createRetentionState({});
    if (!created.ok) throw new Error(created.error.message);
    expectStepNeverThrows(created.value, stepRetention);
  });
});
