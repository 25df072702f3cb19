import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { appendRecords, appendRecordsAt, rollSegment } from "./append";
import { createLogState } from "./config";
import { batchSizeInBytes } from "./record-size";
import { stepLog } from "./reducer";
import type { LogInit, LogState, RecordInput } from "./types";

const scenarios = vectors.retention_and_roll_scenarios.cases;
const byTest = (name: string) => scenarios.find((c) => c.test === name)!;

function mk(init: LogInit): LogState {
  const r = createLogState(init);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function append(log: LogState, rec: RecordInput | RecordInput[]): LogState {
  const r = appendRecords(log, Array.isArray(rec) ? rec : [rec]);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.log;
}

const test = (timestamp?: number): RecordInput => ({ value: "test", timestamp });
/** r = size of one single-record batch (TestUtils.singletonRecords("test")). */
const r = batchSizeInBytes([test()]);

describe("segment rolling on append", () => {
  it("models a single-record 'test' batch as 72 bytes (61-byte header + 11-byte record)", () => {
    expect(r).toBe(72);
  });

  it("puts exactly 5 records per segment when segment.bytes = 5r", () => {
    let log = mk({ segmentBytes: 5 * r });
    for (let i = 0; i < 15; i++) log = append(log, test(10));
    expect(log.segments.map((s) => [s.baseOffset, s.batches.length])).toEqual([
      [0, 5],
      [5, 5],
      [10, 5],
    ]);
  });

  it("rolls by size as in testSizeBasedLogRoll (segment.bytes = 10(r-1), 11 appends → 2 segments)", () => {
    const c = byTest("testSizeBasedLogRoll");
    let log = mk({ segmentBytes: 10 * (r - 1) });
    for (let i = 0; i < c.appendedRecords!; i++) log = append(log, test(0));
    expect(log.segments.length).toBe(c.segmentsAfter);
    expect(log.lastRoll?.reason).toBe("segment.bytes");
  });

  it("replays testTimeBasedLogRollDuringAppend step by step (record time, wall clock fallback, no empty roll)", () => {
    const c = byTest("testTimeBasedLogRollDuringAppend");
    const segmentMs = c.segmentMs!;
    let now = 1_000_000;
    let log = mk({ segmentMs, nowMs: now });
    const sleep = (ms: number) => {
      now += ms;
      log = stepLog(log, { type: "tick", nowMs: now });
    };
    expect(log.segments.length).toBe(1);
    sleep(segmentMs + 1);
    log = append(log, test());
    expect(log.segments.length).toBe(1); // never roll into an empty segment
    log = append(log, test());
    expect(log.segments.length).toBe(2); // wall clock since creation > segment.ms
    for (const n of [3, 4]) {
      sleep(segmentMs + 1);
      log = append(log, test());
      expect(log.segments.length).toBe(n);
    }
    const timestamp = now + segmentMs + 1;
    log = append(log, test(timestamp));
    expect(log.segments.length).toBe(4); // first batch had no timestamp → wall clock, which has not advanced
    sleep(segmentMs + 1);
    log = append(log, test(timestamp));
    expect(log.segments.length).toBe(5);
    sleep(segmentMs + 1);
    log = append(log, test(timestamp));
    expect(log.segments.length).toBe(5); // same record timestamp as the segment's first batch
    log = append(log, test(now));
    expect(log.segments.length).toBe(6); // record time now far beyond the first batch
    sleep(segmentMs + 1);
    log = stepLog(log, { type: "append", records: [] });
    expect(log.segments.length).toBe(6); // an empty append never rolls
    expect(log.lastError).toBeNull();
  });

  it("never rolls an idle log, however much time passes", () => {
    let log = mk({ segmentMs: 1000 });
    log = append(log, test(0));
    log = stepLog(log, { type: "tick", nowMs: 10_000_000 });
    expect(log.segments.length).toBe(1);
  });

  it("subtracts a seeded jitter from segment.ms, identically for the same seed", () => {
    const roll = (seed: number) => {
      let log = mk({ segmentMs: 1000, segmentJitterMs: 500, seed });
      log = append(log, test(0));
      const jitter = log.segments[0].rollJitterMs;
      log = append(log, test(1000 - jitter + 1));
      return { jitter, segments: log.segments.length };
    };
    expect(roll(7)).toEqual(roll(7));
    expect(roll(7).segments).toBe(2);
    expect(roll(7).jitter).toBeGreaterThanOrEqual(0);
    expect(roll(7).jitter).toBeLessThan(500);
  });

  it("a compacted topic rolls by min(segment.ms, max.compaction.lag.ms) (LogConfig.maxSegmentMs); a delete topic ignores the lag", () => {
    const keyed = (timestamp: number): RecordInput => ({ key: "k", value: "v", timestamp });
    const rollsAfter = (cleanupPolicy: "compact" | "delete") => {
      let log = mk({ cleanupPolicy, segmentMs: 604_800_000, maxCompactionLagMs: 1000 });
      log = append(log, keyed(0));
      log = append(log, keyed(1001));
      return log.segments.length;
    };
    expect(rollsAfter("compact")).toBe(2);
    expect(rollsAfter("delete")).toBe(1);
    let log = mk({ cleanupPolicy: "compact", maxCompactionLagMs: 1000 });
    log = append(append(log, keyed(0)), keyed(1000)); // not yet: strictly more than the bound
    expect(log.segments.length).toBe(1);
    expect(mk({ cleanupPolicy: "compact", maxCompactionLagMs: 1000 }).config.maxCompactionLagMs).toBe(1000);
  });

  it("rolls when the offset index is full (AbstractIndex.isFull: entries >= maxEntries)", () => {
    // 36 index bytes = 4 offset entries; one timestamp for all → a single time index entry (not full: 3 − 1).
    let log = mk({ segmentIndexBytes: 36, indexIntervalBytes: 0 });
    for (let i = 0; i < 8; i++) log = append(log, test(5));
    expect(log.lastRoll?.reason).toBe("index-full");
    expect(log.segments[0].offsetIndex).toHaveLength(4);
    expect(log.segments[0].timeIndex).toHaveLength(1);
  });

  it("rolls when the time index holds maxEntries − 1 entries (TimeIndex.isFull keeps one slot free)", () => {
    // 36 bytes = 3 time entries → full at 2; rising timestamps add one time entry per batch.
    let log = mk({ segmentIndexBytes: 36, indexIntervalBytes: 0 });
    for (let i = 0; i < 4; i++) log = append(log, test(i + 1));
    expect(log.lastRoll?.reason).toBe("index-full");
    expect(log.segments[0].timeIndex).toHaveLength(2);
    expect(log.segments[0].offsetIndex.length).toBeLessThan(4);
  });

  it("rolls when a batch's offset no longer fits a 4-byte relative offset, at max(first offset, LEO)", () => {
    let log = append(mk({}), test(0));
    const far = 2 ** 31 + 5;
    const res = appendRecordsAt(log, far, [test(0)]);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    log = res.value.log;
    expect(res.value.rolled).toBe("offset-overflow");
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, far]);
    expect(log.logEndOffset).toBe(far + 1);
  });

  it("takes a producer snapshot named after each new segment's base offset", () => {
    let log = mk({ segmentBytes: 2 * r });
    for (let i = 0; i < 5; i++) log = append(log, test(0));
    expect(log.snapshots).toEqual([2, 4]);
  });

  it("starts an explicit roll at the LEO and recreates (not duplicates) an empty active segment", () => {
    let log = append(mk({}), test(0));
    log = rollSegment(log);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 1]);
    log = rollSegment(log);
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 1]);
    expect(log.logEndOffset).toBe(1);
  });

  it("rejects a batch larger than segment.bytes with RECORD_LIST_TOO_LARGE", () => {
    const res = appendRecords(mk({ segmentBytes: 50 }), [test(0)]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.kafkaError).toBe("RECORD_LIST_TOO_LARGE");
  });

  it("rejects a keyless record on a compacted topic (INVALID_RECORD; CORRUPT_MESSAGE in 2.x)", () => {
    const r4 = appendRecords(mk({ cleanupPolicy: "compact" }), [test(0)]);
    expect(!r4.ok && r4.error.kafkaError).toBe("INVALID_RECORD");
    const r2 = appendRecords(mk({ cleanupPolicy: "compact,delete", profile: "kafka-2.x" }), [test(0)]);
    expect(!r2.ok && r2.error.kafkaError).toBe("CORRUPT_MESSAGE");
    const keyed = appendRecords(mk({ cleanupPolicy: "compact" }), [{ key: "k", value: null }]);
    expect(keyed.ok).toBe(true);
  });
});
