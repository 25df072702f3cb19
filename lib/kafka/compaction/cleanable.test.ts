import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { appendRecords, rollSegment } from "../log/append";
import { createLogState } from "../log/config";
import { activeSegment, logSize } from "../log/lookup";
import { updateHighWatermark } from "../log/reducer";
import type { LogInit, LogState } from "../log/types";
import { cleanableOffsets, grabLogToClean, isCleanable, makeLogToClean } from "./cleanable";
import { resolveCompactionConfig } from "./config";

const cases = vectors.compaction_copied.cases;
const vector = (name: string) => {
  const c = cases.find((x) => x.test === name);
  if (!c) throw new Error(`missing vector ${name}`);
  return c;
};

function mk(init: LogInit): LogState {
  const r = createLogState({ cleanupPolicy: "compact", highWatermarkFollowsLogEnd: false, ...init });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** records(log.logEndOffset, log.logEndOffset, ts) as in LogCleanerManagerTest. */
function appendNext(log: LogState, ts: number): LogState {
  const k = String(log.logEndOffset);
  const r = appendRecords(log, [{ key: k, value: k, timestamp: ts }]);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.log;
}

function untilSegments(log: LogState, n: number, ts: number): LogState {
  let l = log;
  while (l.segments.length < n) l = appendNext(l, ts);
  return l;
}

const cfg = (over: Record<string, number> = {}) => {
  const r = resolveCompactionConfig(over);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("cleanable offsets (compaction_copied)", () => {
  it("testCleanableOffsetsActiveSegment: HW = LEO → [0, active segment base)", () => {
    vector("testCleanableOffsetsActiveSegment");
    let log = untilSegments(mk({ segmentBytes: 1024 }), 8, 0);
    log = updateHighWatermark(log, log.logEndOffset);
    const o = cleanableOffsets(log, 0, 0, cfg());
    expect(o.firstDirtyOffset).toBe(0);
    expect(o.firstUncleanableDirtyOffset).toBe(activeSegment(log).baseOffset);
  });

  it("testCleanableOffsetsForNone: HW = 50 below the active segment → uncleanable at the last stable offset", () => {
    vector("testCleanableOffsetsForNone");
    let log = untilSegments(mk({ segmentBytes: 1024 }), 8, 0);
    log = updateHighWatermark(log, 50);
    expect(activeSegment(log).baseOffset).toBeGreaterThan(50);
    expect(cleanableOffsets(log, 0, 0, cfg()).firstUncleanableDirtyOffset).toBe(50);
  });

  it("testCleanableOffsetsForTime: min.compaction.lag.ms stops at the segment that was active at t0", () => {
    vector("testCleanableOffsetsForTime");
    const lag = 60 * 60 * 1000;
    const t0 = 1_000_000;
    let log = untilSegments(mk({ segmentBytes: 1024, nowMs: t0 }), 4, t0);
    const activeAtT0 = activeSegment(log).baseOffset;
    const t1 = t0 + lag + 1;
    log = untilSegments(log, 8, t1);
    log = updateHighWatermark(log, log.logEndOffset);
    const o = cleanableOffsets(log, 0, t1, cfg({ minCompactionLagMs: lag }));
    expect(o.firstDirtyOffset).toBe(0);
    expect(o.firstUncleanableDirtyOffset).toBe(activeAtT0);
  });

  it("testCleanableOffsetsForShortTime: all records older than the lag → the active segment base", () => {
    vector("testCleanableOffsetsForShortTime");
    const lag = 60 * 60 * 1000;
    const t0 = 1_000_000;
    let log = untilSegments(mk({ segmentBytes: 1024, nowMs: t0 }), 8, t0);
    log = updateHighWatermark(log, log.logEndOffset);
    const o = cleanableOffsets(log, 0, t0 + lag + 1, cfg({ minCompactionLagMs: lag }));
    expect(o.firstUncleanableDirtyOffset).toBe(activeSegment(log).baseOffset);
  });
});

describe("fixture coverage", () => {
  it("checks every compaction_copied case (cleaning cases live in clean.test.ts)", () => {
    expect(cases.map((c) => c.test)).toEqual([
      "testCleanableOffsetsActiveSegment",
      "testCleanableOffsetsForNone",
      "testCleanableOffsetsForTime",
      "testCleanableOffsetsForShortTime",
      "testLogToCleanWithUncleanableSection",
      "testLogToClean",
      "testCleaningWithDeletes",
      "testCleanTombstone",
      "shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete / compacted keyless records",
    ]);
  });
});

describe("dirty ratio (compaction_copied)", () => {
  function oneRecordSegments(n: number): LogState {
    let log = mk({});
    for (let i = 0; i < n; i++) {
      log = appendNext(log, 0);
      log = rollSegment(log);
    }
    return updateHighWatermark(log, log.logEndOffset);
  }

  it("testLogToCleanWithUncleanableSection: clean = seg0+seg1, cleanable = seg2+seg3", () => {
    vector("testLogToCleanWithUncleanableSection");
    const log = oneRecordSegments(6);
    const s = log.segments;
    const ltc = makeLogToClean(log, s[2].baseOffset, s[4].baseOffset);
    expect(ltc.cleanBytes).toBe(s[0].size + s[1].size);
    expect(ltc.cleanableBytes).toBe(s[2].size + s[3].size);
    expect(ltc.totalBytes).toBe(ltc.cleanBytes + ltc.cleanableBytes);
    expect(ltc.cleanableRatio).toBeCloseTo(ltc.cleanableBytes / (ltc.cleanBytes + ltc.cleanableBytes));
  });

  it("testLogToClean: totalBytes = log size − active segment size (the active segment is in neither part)", () => {
    vector("testLogToClean");
    let log = oneRecordSegments(4);
    log = appendNext(log, 0); // the active segment now holds data
    log = updateHighWatermark(log, log.logEndOffset);
    const ltc = makeLogToClean(log, 0, activeSegment(log).baseOffset);
    expect(activeSegment(log).size).toBeGreaterThan(0);
    expect(ltc.totalBytes).toBe(logSize(log) - activeSegment(log).size);
  });

  it("is cleanable only when the ratio is STRICTLY above min.cleanable.dirty.ratio", () => {
    const log = oneRecordSegments(4); // 4 equal segments + empty active
    const half = makeLogToClean(log, log.segments[2].baseOffset, activeSegment(log).baseOffset);
    expect(half.cleanableRatio).toBe(0.5);
    expect(isCleanable(half, { minCleanableDirtyRatio: 0.5 })).toBe(false);
    expect(isCleanable(half, { minCleanableDirtyRatio: 0.49 })).toBe(true);
  });

  it("cleans a log below the ratio once max.compaction.lag.ms is exceeded", () => {
    let log = mk({ nowMs: 0 });
    for (let i = 0; i < 4; i++) {
      const r = appendRecords(log, [{ key: String(i), value: "v", timestamp: 1000 }]);
      if (r.ok) log = rollSegment(r.value.log);
    }
    log = updateHighWatermark(log, log.logEndOffset);
    const dirtyFrom = log.segments[3].baseOffset; // only one of four segments dirty → ratio 0.25
    const low = grabLogToClean(log, dirtyFrom, 10_000, cfg({ minCleanableDirtyRatio: 0.5 }));
    expect(low.cleanableRatio).toBe(0.25);
    expect(isCleanable(low, { minCleanableDirtyRatio: 0.5 })).toBe(false);
    const lagged = grabLogToClean(log, dirtyFrom, 10_000, cfg({ minCleanableDirtyRatio: 0.5, maxCompactionLagMs: 5000 }));
    expect(lagged.maxCompactionDelayMs).toBe(4000); // (10 000 − 5 000) − first batch timestamp 1 000
    expect(isCleanable(lagged, { minCleanableDirtyRatio: 0.5 })).toBe(true);
  });
});
