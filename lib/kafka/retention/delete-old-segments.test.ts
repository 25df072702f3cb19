import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { appendRecords } from "../log/append";
import { createLogState } from "../log/config";
import { logSize } from "../log/lookup";
import { batchSizeInBytes } from "../log/record-size";
import { updateHighWatermark } from "../log/reducer";
import type { LogInit, LogState, RecordInput } from "../log/types";
import { deleteOldSegments } from "./delete-old-segments";
import type { RetentionConfig } from "./types";

const cases = vectors.retention_and_roll_scenarios.cases;
const scenario = (name: string) => cases.find((c) => c.test === name)!;

const NOW = 1_700_000_000_000; // MockTime starts at the real clock, far after timestamp 10
const unlimited: RetentionConfig = { retentionMs: -1, retentionBytes: -1, checkIntervalMs: 300_000, initialDelayMs: 30_000 };

function mk(init: LogInit): LogState {
  const r = createLogState({ nowMs: NOW, highWatermarkFollowsLogEnd: false, ...init });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function fill(log: LogState, n: number, rec: (i: number) => RecordInput): LogState {
  let l = log;
  for (let i = 0; i < n; i++) {
    const r = appendRecords(l, [rec(i)]);
    if (!r.ok) throw new Error(r.error.message);
    l = r.value.log;
  }
  return updateHighWatermark(l, l.logEndOffset); // the Kafka tests call log.updateHighWatermark(log.logEndOffset)
}

/** Parses "5r" / "10r" / "15r" from the fixture into bytes. */
const inR = (v: string | number | undefined, r: number) => (typeof v === "string" ? Number(v.replace("r", "")) * r : (v as number));

// TestUtils.singletonRecords("test".getBytes, timestamp = ...) and the keyed variant used for compacted topics.
const unkeyed = (ts: number): RecordInput => ({ value: "test", timestamp: ts });
const keyed = (ts: number): RecordInput => ({ key: "test", value: "test", timestamp: ts });

describe("deleteOldSegments (retention_and_roll_scenarios)", () => {
  it("shouldDeleteSizeBasedSegments: 15 records, 5r segments, retention.bytes 10r → 2 segments, start 5", () => {
    const c = scenario("shouldDeleteSizeBasedSegments");
    const r = batchSizeInBytes([unkeyed(0)]);
    const log = fill(mk({ segmentBytes: inR(c.segmentBytes, r) }), c.records!, () => unkeyed(NOW));
    expect(log.segments.map((s) => s.baseOffset)).toEqual([0, 5, 10]);
    const out = deleteOldSegments(log, { ...unlimited, retentionBytes: inR(c.retentionBytes, r) });
    expect(out.log.segments.length).toBe(c.segmentsAfter);
    expect(out.log.logStartOffset).toBe(c.logStartOffsetAfter_derived);
    expect(out.run.deleted.map((d) => d.reason)).toEqual(["retention.bytes"]);
  });

  it("shouldNotDeleteSizeBasedSegmentsWhenUnderRetentionSize: retention.bytes 15r keeps all 3", () => {
    const c = scenario("shouldNotDeleteSizeBasedSegmentsWhenUnderRetentionSize");
    const r = batchSizeInBytes([unkeyed(0)]);
    const log = fill(mk({ segmentBytes: inR(c.segmentBytes, r) }), c.records!, () => unkeyed(NOW));
    const out = deleteOldSegments(log, { ...unlimited, retentionBytes: inR(c.retentionBytes, r) });
    expect(out.log.segments.length).toBe(c.segmentsAfter);
  });

  it("shouldDeleteTimeBasedSegmentsReadyToBeDeleted: all 3 expired → roll an empty segment at 15, delete 3", () => {
    const c = scenario("shouldDeleteTimeBasedSegmentsReadyToBeDeleted");
    const r = batchSizeInBytes([unkeyed(0)]);
    const log = fill(mk({ segmentBytes: inR(c.segmentBytes, r) }), c.records!, () => unkeyed(c.recordTimestamp as number));
    const out = deleteOldSegments(log, { ...unlimited, retentionMs: c.retentionMs! });
    expect(out.log.segments.length).toBe(c.segmentsAfter);
    expect(out.run.rolledEmptySegment).toBe(true);
    expect(out.log.segments[0].baseOffset).toBe(15);
    expect(out.log.segments[0].size).toBe(0);
    expect(out.log.logStartOffset).toBe(15);
  });

  it("shouldNotDeleteTimeBasedSegmentsWhenNoneReadyToBeDeleted: fresh records stay", () => {
    const c = scenario("shouldNotDeleteTimeBasedSegmentsWhenNoneReadyToBeDeleted");
    const r = batchSizeInBytes([unkeyed(0)]);
    const log = fill(mk({ segmentBytes: inR(c.segmentBytes, r) }), c.records!, () => unkeyed(NOW));
    expect(deleteOldSegments(log, { ...unlimited, retentionMs: c.retentionMs! }).log.segments.length).toBe(c.segmentsAfter);
  });

  it("shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete / ...WhenCleanupPolicyIsCompactAndDelete", () => {
    for (const name of [
      "shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete",
      "shouldDeleteSegmentsReadyToBeDeletedWhenCleanupPolicyIsCompactAndDelete",
    ]) {
      const c = scenario(name);
      const r = batchSizeInBytes([keyed(0)]);
      const policy = c.cleanupPolicy as "compact" | "compact,delete";
      const log = fill(mk({ segmentBytes: 5 * r, cleanupPolicy: policy }), c.records!, () => keyed(c.recordTimestamp as number));
      expect(log.segments.length).toBe(3);
      expect(deleteOldSegments(log, { ...unlimited, retentionMs: c.retentionMs! }).log.segments.length).toBe(c.segmentsAfter);
    }
  });

  it("testCannotDeleteSegmentsAtOrAboveHighWatermark: never past the HW, ends with one empty segment at 100", () => {
    const c = scenario("testCannotDeleteSegmentsAtOrAboveHighWatermark");
    let log = mk({ segmentBytes: c.segmentBytes as number, segmentIndexBytes: 1000 });
    for (let i = 0; i < c.records!; i++) {
      const r = appendRecords(log, [{ value: `test${i}`, timestamp: NOW - 1000 }]);
      if (!r.ok) throw new Error(r.error.message);
      log = r.value.log;
    }
    expect(log.segments.length).toBeGreaterThan(5);
    expect([log.highWatermark, log.logStartOffset, log.logEndOffset]).toEqual([0, 0, 100]);
    const cfg = { ...unlimited, retentionMs: c.retentionMs! };
    for (let hw = 0; hw <= 100; hw++) {
      log = deleteOldSegments(updateHighWatermark(log, hw), cfg).log;
      expect(log.highWatermark).toBe(hw);
      expect(log.logStartOffset).toBeLessThanOrEqual(hw);
      expect(log.segments[0].baseOffset).toBeLessThanOrEqual(hw);
      expect(log.segments[0].baseOffset).toBeGreaterThanOrEqual(log.logStartOffset);
      for (const seg of log.segments.slice(1)) expect(seg.baseOffset).toBeGreaterThan(hw);
    }
    expect(log.logStartOffset).toBe(100);
    expect(log.segments.length).toBe(1);
    expect(log.segments[0].size).toBe(0);
  });

  it("testDeleteOldSegments: nothing is eligible without a high watermark; HW = LEO and all expired → 1 segment", () => {
    scenario("testDeleteOldSegments");
    const r = batchSizeInBytes([unkeyed(0)]);
    let log = mk({ segmentBytes: 5 * r });
    for (let i = 0; i < 20; i++) {
      const a = appendRecords(log, [unkeyed(NOW - 10_000)]);
      if (a.ok) log = a.value.log;
    }
    const cfg = { ...unlimited, retentionMs: 1000 };
    expect(deleteOldSegments(log, cfg).log.segments.length).toBe(log.segments.length);
    expect(deleteOldSegments(updateHighWatermark(log, log.logEndOffset), cfg).log.segments.length).toBe(1);
  });
});

describe("fixture coverage", () => {
  it("checks every retention_and_roll_scenarios case (the two roll cases live in log/roll.test.ts)", () => {
    const covered = [
      "shouldDeleteSizeBasedSegments",
      "shouldNotDeleteSizeBasedSegmentsWhenUnderRetentionSize",
      "shouldDeleteTimeBasedSegmentsReadyToBeDeleted",
      "shouldNotDeleteTimeBasedSegmentsWhenNoneReadyToBeDeleted",
      "shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete",
      "shouldDeleteSegmentsReadyToBeDeletedWhenCleanupPolicyIsCompactAndDelete",
      "testCannotDeleteSegmentsAtOrAboveHighWatermark",
      "testDeleteOldSegments",
      "testSizeBasedLogRoll",
      "testTimeBasedLogRollDuringAppend",
    ];
    expect(cases.map((c) => c.test).sort()).toEqual([...covered].sort());
  });
});

describe("deleteOldSegments details", () => {
  const r = batchSizeInBytes([unkeyed(0)]);

  it("keeps the active segment when only older segments expired", () => {
    let log = fill(mk({ segmentBytes: 5 * r }), 10, () => unkeyed(0));
    log = fill(log, 2, () => unkeyed(NOW));
    const out = deleteOldSegments(log, { ...unlimited, retentionMs: 10_000 });
    expect(out.log.segments.map((s) => s.baseOffset)).toEqual([10]);
    expect(out.run.rolledEmptySegment).toBe(false);
  });

  it("uses the LARGEST timestamp in a segment: one future record keeps its whole segment (and the ones after it)", () => {
    // segment.ms is huge so the far-future timestamp does not trigger a time-based roll itself.
    let log = fill(mk({ segmentBytes: 5 * r, segmentMs: 10 * NOW }), 4, () => unkeyed(0));
    log = fill(log, 1, () => unkeyed(NOW + 1_000_000));
    log = fill(log, 6, () => unkeyed(0));
    const out = deleteOldSegments(log, { ...unlimited, retentionMs: 10_000 });
    expect(out.log.segments.length).toBe(3); // stops at the first undeletable segment
    expect(out.log.logStartOffset).toBe(0);
  });

  it("renames deleted segment files and their producer snapshots to .deleted", () => {
    const log = fill(mk({ segmentBytes: 5 * r }), 15, () => unkeyed(NOW));
    const out = deleteOldSegments(log, { ...unlimited, retentionBytes: 10 * r });
    expect(out.log.pendingDeletes.map((p) => p.file)).toEqual([
      "00000000000000000000.log.deleted",
      "00000000000000000000.index.deleted",
      "00000000000000000000.timeindex.deleted",
    ]);
    const out2 = deleteOldSegments(out.log, { ...unlimited, retentionBytes: 5 * r });
    expect(out2.log.pendingDeletes.map((p) => p.file)).toContain("00000000000000000005.snapshot.deleted");
    expect(out2.log.pendingDeletes.every((p) => p.deleteAtMs === NOW + 60_000)).toBe(true);
    expect(logSize(out2.log)).toBe(5 * r);
  });

  it("deletes segments below a log start offset moved by DeleteRecords, whatever the policy", () => {
    const log = fill(mk({ segmentBytes: 5 * r, cleanupPolicy: "compact" }), 15, () => ({ key: "k", value: "v", timestamp: NOW }));
    const out = deleteOldSegments({ ...log, logStartOffset: 7 }, unlimited);
    expect(out.log.segments.map((s) => s.baseOffset)).toEqual([5, 10]);
    expect(out.run.deleted.map((d) => d.reason)).toEqual(["log-start-offset"]);
    expect(out.log.logStartOffset).toBe(7);
  });
});
