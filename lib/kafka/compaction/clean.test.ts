import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { appendRecords, rollSegment } from "../log/append";
import { createLogState } from "../log/config";
import { activeSegment, allRecords, readRecords } from "../log/lookup";
import { updateHighWatermark } from "../log/reducer";
import type { LogInit, LogState, RecordInput } from "../log/types";
import { makeLogToClean } from "./cleanable";
import { cleanLog, groupSegmentsBySize } from "./clean";
import { createCompactionState } from "./config";
import { stepCompaction } from "./reducer";
import type { CompactionEvent, CompactionInit, CompactionState } from "./types";

const vector = (name: string) => {
  const c = vectors.compaction_copied.cases.find((x) => x.test.startsWith(name));
  if (!c) throw new Error(`missing vector ${name}`);
  return c;
};

const DAY = 86_400_000;

function mk(init: LogInit = {}): LogState {
  const r = createLogState({ cleanupPolicy: "compact", ...init });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function add(log: LogState, recs: RecordInput[]): LogState {
  const r = appendRecords(log, recs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.log;
}

/** cleaner.clean(LogToClean(tp, log, firstDirty, activeSegment.baseOffset)) at `now`. */
function clean(log: LogState, firstDirty: number, now: number, deleteRetentionMs = DAY) {
  return cleanLog(log, makeLogToClean(log, firstDirty, activeSegment(log).baseOffset), now, { deleteRetentionMs });
}

const pairs = (log: LogState) => allRecords(log).map((r) => [r.offset, r.key, r.value]);

describe("cleaning (compaction_copied)", () => {
  it("testCleaningWithDeletes: after tombstones for even keys and a cleaning, no deleted key keeps a value", () => {
    vector("testCleaningWithDeletes");
    let log = mk({ segmentBytes: 1024 });
    for (let i = 0; i < 60; i++) log = add(log, [{ key: String(i % 20), value: `v${i}`, timestamp: 0 }]);
    for (let k = 0; k < 20; k += 2) log = add(log, [{ key: String(k), value: null, timestamp: 0 }]);
    log = rollSegment(log);
    const out = clean(log, 0, 0);
    const withValue = allRecords(out.log)
      .filter((r) => r.value !== null)
      .map((r) => Number(r.key));
    expect(withValue.filter((k) => k % 2 === 0)).toEqual([]);
    expect(withValue.sort((a, b) => a - b)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
  });

  it("testCleanTombstone: the horizon comes from the cleaner's clock, not the record timestamp", () => {
    vector("testCleanTombstone");
    const now = 1_000_000_000;
    let log = mk({ nowMs: now });
    log = add(log, [{ key: "0", value: "0", timestamp: now + DAY + 10_000 }]);
    log = rollSegment(log);
    log = clean(log, 0, now).log;
    log = add(log, [{ key: "0", value: null, timestamp: now - DAY - 10_000 }]);
    log = rollSegment(log);
    log = clean(log, 1, now).log;
    log = add(log, [{ key: "1", value: "1", timestamp: now }]);
    log = rollSegment(log);
    log = clean(log, 2, now).log;
    expect(log.segments[0].batches[0].lastOffset).toBe(1); // "The tombstone should be retained."
    expect(log.segments[0].batches[0].deleteHorizonMs).toBe(now + DAY);
  });

  it("rewrites a tombstone batch with the delete horizon as base timestamp, so its size changes (KIP-534)", () => {
    let log = mk({ nowMs: 0 });
    log = add(log, [{ key: "a", value: null, timestamp: 0 }]);
    log = rollSegment(log);
    expect(log.segments[0].batches[0].size).toBe(61 + 8); // timestampDelta 0: one varint byte
    const out = clean(log, 0, 1000, 5000).log;
    const batch = out.segments[0].batches[0];
    expect(batch.deleteHorizonMs).toBe(6000);
    // timestampDelta = 0 − 6000 → zig-zag 11999 → two varint bytes: the record and batch grow by one byte.
    expect(batch.records[0].size).toBe(9);
    expect(batch.size).toBe(61 + 9);
    expect(out.segments[0].size).toBe(61 + 9);
  });

  it("stamps a tombstone on the first cleaning that sees it and removes it on a later cleaning after the horizon", () => {
    let log = mk({ nowMs: 0 });
    log = add(log, [{ key: "a", value: "1", timestamp: 0 }]);
    log = add(log, [{ key: "a", value: null, timestamp: 0 }]);
    log = rollSegment(log);
    const first = clean(log, 0, 1000, 5000);
    expect(pairs(first.log)).toEqual([[1, "a", null]]);
    expect(first.summary.tombstonesStamped).toBe(1);
    // Re-clean the same range (LogCleanerTest.runTwoPassClean): before the horizon the tombstone stays…
    const early = clean(first.log, 0, 5999, 5000);
    expect(pairs(early.log)).toEqual([[1, "a", null]]);
    // …and the first cleaning at/after cleanerTime + delete.retention.ms removes it.
    const late = clean(first.log, 0, 6000, 5000);
    expect(pairs(late.log)).toEqual([]);
    expect(late.summary.tombstonesRemoved).toBe(1);
  });

  it("never renumbers offsets, preserves order, and a read of a removed offset returns the next one", () => {
    let log = mk({});
    ["a", "b", "a", "c", "b", "a"].forEach((k, i) => (log = add(log, [{ key: k, value: `${k}${i}`, timestamp: 0 }])));
    log = updateHighWatermark(rollSegment(log), log.logEndOffset);
    const out = clean(log, 0, 0);
    expect(pairs(out.log)).toEqual([
      [3, "c", "c3"],
      [4, "b", "b4"],
      [5, "a", "a5"],
    ]);
    const read = readRecords(out.log, 1);
    expect(read.ok && read.value.records[0].offset).toBe(3);
  });

  it("leaves the active segment alone, so an older value can coexist with a newer one there", () => {
    let log = mk({});
    log = add(log, [{ key: "k", value: "old", timestamp: 0 }]);
    log = add(log, [{ key: "k", value: "older-dup", timestamp: 0 }]);
    log = rollSegment(log);
    log = add(log, [{ key: "k", value: "new", timestamp: 0 }]);
    const out = clean(log, 0, 0);
    expect(pairs(out.log)).toEqual([
      [1, "k", "older-dup"],
      [2, "k", "new"],
    ]);
  });

  it("merges small cleaned segments while they fit segment.bytes (groupSegmentsBySize)", () => {
    let log = mk({ segmentBytes: 400 });
    for (let i = 0; i < 12; i++) log = add(log, [{ key: "same", value: `v${i}`, timestamp: 0 }]);
    log = rollSegment(log);
    expect(log.segments.map((x) => x.baseOffset)).toEqual([0, 5, 10, 12]);
    // Groups are formed from the sizes BEFORE cleaning: three full segments don't fit together yet.
    const first = clean(log, 0, 0);
    expect(first.summary.groups).toEqual([[0], [5], [10]]);
    // Next cleaning: the emptied segments 0 and 5 and the one-record segment 10 merge into one.
    let next = add(first.log, [{ key: "other", value: "x", timestamp: 0 }]);
    next = rollSegment(next);
    const second = clean(next, first.endOffset, 0);
    expect(second.summary.groups).toEqual([[0, 5, 10, 12]]);
    expect(pairs(second.log)).toEqual([
      [11, "same", "v11"],
      [12, "other", "x"],
    ]);
    // A full group can't take more: groups respect the size limit.
    expect(
      groupSegmentsBySize(log.segments.slice(0, -1), 400, 1 << 20, log.logEndOffset).every((g) => g.reduce((n, s) => n + s.size, 0) <= 400),
    ).toBe(true);
  });

  it("renames the replaced segment files to .deleted and writes .cleaned files", () => {
    let log = mk({});
    log = add(log, [{ key: "x", value: "1", timestamp: 0 }]);
    log = rollSegment(log);
    const out = clean(log, 0, 0);
    expect(out.summary.cleanedFiles).toEqual(["00000000000000000000.log.cleaned"]);
    expect(out.log.pendingDeletes.map((p) => p.file)).toContain("00000000000000000000.log.deleted");
  });
});

function mkState(init: CompactionInit): CompactionState {
  const r = createCompactionState(init);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("compaction reducer", () => {
  it("rejects a keyless record with the Kafka error name and message", () => {
    vector("shouldNotDeleteSegmentsWhenPolicyDoesNotIncludeDelete / compacted keyless records");
    const s = stepCompaction(mkState({}), { type: "append", records: [{ value: "no key" }] });
    expect(s.lastError?.kafkaError).toBe("INVALID_RECORD");
    expect(s.lastError?.message).toContain("Compacted topic cannot accept message without key");
    expect(s.log.logEndOffset).toBe(0);
  });

  it("cleans on the cleaner's schedule only when the dirty ratio is above the threshold", () => {
    let s = mkState({ segmentBytes: 300 });
    const evs: CompactionEvent[] = [];
    for (let i = 0; i < 20; i++) evs.push({ type: "append", records: [{ key: String(i % 3), value: "v", timestamp: 0 }] });
    s = evs.reduce(stepCompaction, s);
    s = stepCompaction(s, { type: "tick", nowMs: 0 });
    expect(s.cleanings).toBe(1);
    expect(s.lastCheck?.cleanable).toBe(true);
    const cp = s.checkpoint;
    s = stepCompaction(s, { type: "tick", nowMs: 15_000 });
    expect(s.cleanings).toBe(1); // nothing dirty any more → backoff
    expect(s.checkpoint).toBe(cp);
  });

  it("compacts first and then applies retention for compact,delete, as the cleaner thread does", () => {
    // Ten values of one key: compaction leaves one record, so the size-based retention that runs
    // after it finds the log under retention.bytes and deletes nothing. Retention first would
    // have deleted the oldest segments.
    let s = mkState({ cleanupPolicy: "compact,delete", segmentBytes: 300, retentionBytes: 400, nowMs: 0 });
    for (let i = 0; i < 10; i++) s = stepCompaction(s, { type: "append", records: [{ key: "k", value: `v${i}`, timestamp: 0 }] });
    s = stepCompaction(s, { type: "tick", nowMs: 15_000 });
    expect(s.cleanings).toBe(1);
    expect(s.lastRetentionRun?.deleted ?? []).toEqual([]);
    expect(s.log.logStartOffset).toBe(0);
  });

  it("deletes expired segments for compact,delete", () => {
    let s = mkState({ cleanupPolicy: "compact,delete", segmentBytes: 300, retentionMs: 1000, nowMs: 0 });
    for (let i = 0; i < 10; i++) s = stepCompaction(s, { type: "append", records: [{ key: String(i), value: "v", timestamp: 0 }] });
    s = stepCompaction(s, { type: "tick", nowMs: 15_000 });
    expect(s.lastRetentionRun?.deleted.length).toBeGreaterThan(0);
    expect(s.log.logStartOffset).toBe(10);
  });

  it("records UNKNOWN_EVENT for an unknown event", () => {
    const s = mkState({});
    expect(stepCompaction(s, { type: "compactAll" } as unknown as CompactionEvent).lastError?.code).toBe("UNKNOWN_EVENT");
  });

  it("rejects invalid compaction settings", () => {
    for (const bad of [
      { minCleanableDirtyRatio: 1.5 },
      { deleteRetentionMs: -1 },
      { cleanupPolicy: "delete" as const },
      { segmentBytes: 0 },
    ]) {
      const r = createCompactionState(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("INVALID_CONFIG");
    }
  });
});
