import fc from "fast-check";
import { expectStepNeverThrows } from "../__testing__/reducer-contracts";
import { describe, expect, it } from "vitest";
import { createLogState } from "./config";
import { stepLog } from "./reducer";
import type { LogEvent, LogState } from "./types";

const eventArb: fc.Arbitrary<LogEvent> = fc.oneof(
  fc.record({
    type: fc.constant("append" as const),
    records: fc.array(
      fc.record({
        key: fc.option(fc.string({ maxLength: 4 })),
        value: fc.option(fc.string({ maxLength: 8 })),
        timestamp: fc.integer({ min: 0, max: 100_000 }),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.constant({ type: "roll" as const }),
  fc.integer({ min: 0, max: 5000 }).map((d) => ({ type: "tick" as const, nowMs: d })),
  fc.integer({ min: -5, max: 50 }).map((o) => ({ type: "setHighWatermark" as const, offset: o })),
);

function run(seed: number, events: LogEvent[]): LogState {
  const r = createLogState({ segmentBytes: 400, segmentMs: 2000, segmentJitterMs: 700, seed, highWatermarkFollowsLogEnd: false });
  if (!r.ok) throw new Error(r.error.message);
  let s = r.value;
  let now = 0;
  for (const e of events) {
    // ticks are relative in the generator so time only moves forward
    const ev = e.type === "tick" ? { type: "tick" as const, nowMs: (now += e.nowMs) } : e;
    s = stepLog(s, ev);
  }
  return s;
}

describe("log reducer", () => {
  it("is deterministic: same seed and events give a deep-equal state", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(eventArb, { minLength: 10, maxLength: 40, size: "max" }), (seed, events) => {
        expect(run(seed, events)).toEqual(run(seed, events));
        const r = createLogState({ segmentBytes: 400, seed });
        if (!r.ok) throw new Error(r.error.message);
        let s = r.value;
        for (const e of events) {
          if (e.type === "tick") continue;
          const before = JSON.stringify(s);
          const next = stepLog(s, e);
          expect(JSON.stringify(s)).toBe(before); // stepping never mutates its input
          s = next;
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps offsets dense, segments ordered and the LEO = last offset + 1", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(eventArb, { minLength: 10, maxLength: 40, size: "max" }), (seed, events) => {
        const s = run(seed, events);
        const offsets = s.segments.flatMap((seg) => seg.batches.flatMap((b) => b.records.map((r) => r.offset)));
        offsets.forEach((o, i) => expect(o).toBe(i));
        expect(s.logEndOffset).toBe(offsets.length);
        for (let i = 1; i < s.segments.length; i++) expect(s.segments[i].baseOffset).toBeGreaterThanOrEqual(s.segments[i - 1].baseOffset);
        for (const seg of s.segments) expect(seg.size).toBeLessThanOrEqual(400);
        expect(JSON.parse(JSON.stringify(s))).toEqual(s);
      }),
      { numRuns: 60 },
    );
  });

  it("records UNKNOWN_EVENT for an unknown event and otherwise leaves the state unchanged", () => {
    const r = createLogState({});
    if (!r.ok) throw new Error();
    const s = stepLog(r.value, { type: "explode" } as unknown as LogEvent);
    expect(s.lastError?.code).toBe("UNKNOWN_EVENT");
    expect({ ...s, lastError: null }).toEqual(r.value);
    expect(stepLog(r.value, null as unknown as LogEvent).lastError?.code).toBe("UNKNOWN_EVENT");
  });

  it("refuses to move the clock backwards", () => {
    const r = createLogState({ nowMs: 100 });
    if (!r.ok) throw new Error();
    expect(stepLog(r.value, { type: "tick", nowMs: 50 }).lastError?.code).toBe("INVALID_EVENT");
  });

  it("rejects invalid configurations with a Korean message", () => {
    for (const bad of [
      { segmentBytes: 0 },
      { segmentBytes: -5 },
      { partition: -1 },
      { segmentMs: 0 },
      { cleanupPolicy: "purge" as never },
    ]) {
      const r = createLogState(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe("INVALID_CONFIG");
        expect(/[가-힣]/.test(r.error.message)).toBe(true);
      }
    }
  });
});

describe("stepLog robustness", () => {
  it("never throws on malformed events and reports them in lastError", () => {
    const created = createLogState({});
    if (!created.ok) throw new Error(created.error.message);
    expectStepNeverThrows(created.value, stepLog);
  });
});
