import { describe, expect, it } from "vitest";
import { appendMany, appendRecords } from "./append";
import { createLogState } from "./config";
import { lookupOffset, lookupTimestamp, readRecords } from "./lookup";
import { stepLog } from "./reducer";
import type { LogInit, LogState, RecordInput } from "./types";

function mk(init: LogInit): LogState {
  const r = createLogState(init);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** 100 single-record batches of 72 bytes each, timestamps 1000 + 10·i. */
function filled(init: LogInit): LogState {
  const batches = Array.from({ length: 100 }, (_, i) => ({ records: [{ value: "test", timestamp: 1000 + 10 * i } as RecordInput] }));
  const r = appendMany(mk(init), batches);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.log;
}

describe("sparse offset and time indexes", () => {
  it("adds an index entry only after more than index.interval.bytes were appended since the last one", () => {
    const log = filled({ indexIntervalBytes: 200 });
    // 72-byte batches: bytes-since-last is 0,72,144,216 before batches 0..3 → batch 3 (position 216) gets
    // the first entry; the counter restarts at 72 after it, so every 3rd batch after that.
    const idx = log.segments[0].offsetIndex;
    expect(idx[0]).toEqual({ offset: 3, position: 216 });
    expect(idx[1]).toEqual({ offset: 6, position: 432 });
    expect(log.segments[0].timeIndex[0]).toEqual({ timestamp: 1030, offset: 3 });
  });

  it("finds an offset through the floor index entry and then scans forward", () => {
    const log = filled({ indexIntervalBytes: 200 });
    const r = lookupOffset(log, 11);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.indexEntry).toEqual({ offset: 9, position: 648 });
    expect(r.value.position).toBe(11 * 72);
    expect(r.value.scannedBatches).toBe(3); // batches 9, 10, 11
    expect(r.value.fileName).toBe("00000000000000000000.log");
  });

  it("looks up in the right segment when the log has several", () => {
    const log = filled({ segmentBytes: 720, indexIntervalBytes: 100 });
    const r = lookupOffset(log, 25);
    expect(r.ok && r.value.segmentBaseOffset).toBe(20);
    expect(r.ok && r.value.position).toBe(5 * 72);
  });

  it("finds the first record at or after a timestamp via the time index", () => {
    const log = filled({ segmentBytes: 720, indexIntervalBytes: 100 });
    expect(lookupTimestamp(log, 1255)?.offset).toBe(26);
    expect(lookupTimestamp(log, 1250)?.offset).toBe(25);
    expect(lookupTimestamp(log, 999_999)).toBeNull();
  });
});

describe("reading", () => {
  it("lets consumers read only below the high watermark while followers read to the LEO", () => {
    let log = filled({ highWatermarkFollowsLogEnd: false });
    log = stepLog(log, { type: "setHighWatermark", offset: 40 });
    const consumer = readRecords(log, 35);
    expect(consumer.ok && consumer.value.records.map((r) => r.offset)).toEqual([35, 36, 37, 38, 39]);
    const follower = readRecords(log, 95, { isolation: "log-end" });
    expect(follower.ok && follower.value.records.length).toBe(5);
  });

  it("answers OFFSET_OUT_OF_RANGE beyond the log end", () => {
    const log = filled({});
    const r = readRecords(log, 101);
    expect(!r.ok && r.error.kafkaError).toBe("OFFSET_OUT_OF_RANGE");
    expect(readRecords(log, 100).ok).toBe(true);
  });

  it("clamps a high watermark into [logStartOffset, LEO]", () => {
    let log = mk({ highWatermarkFollowsLogEnd: false });
    const a = appendRecords(log, [{ value: "x" }]);
    log = a.ok ? a.value.log : log;
    expect(stepLog(log, { type: "setHighWatermark", offset: 50 }).highWatermark).toBe(1);
  });
});
