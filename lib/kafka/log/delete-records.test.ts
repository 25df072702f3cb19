import { describe, expect, it } from "vitest";
import { createRetentionState } from "../retention/config";
import { stepRetention } from "../retention/reducer";
import type { RetentionEvent, RetentionState } from "../retention/types";
import { createLogState } from "./config";
import { deleteRecords } from "./delete-records";
import { stepLog } from "./reducer";
import type { LogState } from "./types";

function log(init = {}): LogState {
  const r = createLogState({ segmentBytes: 200, ...init });
  if (!r.ok) throw new Error(r.error.message);
  let s = r.value;
  for (let i = 0; i < 10; i++) s = stepLog(s, { type: "append", records: [{ key: `k${i}`, value: "v", timestamp: i }] });
  return s;
}

describe("DeleteRecords (Partition.deleteRecordsOnLeader, UnifiedLog.maybeIncrementLogStartOffset)", () => {
  it("moves the log start offset; reads below it get OFFSET_OUT_OF_RANGE; the low watermark is the new start", () => {
    const r = deleteRecords(log(), 4);
    expect(r.ok && r.value.result).toEqual({ requestedOffset: 4, lowWatermark: 4 });
    const s = r.ok ? r.value.log : log();
    expect(s.logStartOffset).toBe(4);
    expect(stepLog(s, { type: "setHighWatermark", offset: 0 }).highWatermark).toBe(4);
  });

  it("−1 means the high watermark; above the high watermark or negative is OFFSET_OUT_OF_RANGE", () => {
    const s = stepLog(log({ highWatermarkFollowsLogEnd: false }), { type: "setHighWatermark", offset: 6 });
    const hw = deleteRecords(s, -1);
    expect(hw.ok && hw.value.log.logStartOffset).toBe(6);
    expect(deleteRecords(s, 7)).toMatchObject({ ok: false, error: { kafkaError: "OFFSET_OUT_OF_RANGE" } });
    expect(deleteRecords(s, -2)).toMatchObject({ ok: false, error: { kafkaError: "OFFSET_OUT_OF_RANGE" } });
  });

  it("never moves the start backwards, and refuses a compact-only topic (POLICY_VIOLATION)", () => {
    const once = stepLog(log(), { type: "deleteRecords", offset: 5 });
    expect(stepLog(once, { type: "deleteRecords", offset: 2 })).toMatchObject({ logStartOffset: 5, lastError: null });
    const compact = stepLog(log({ cleanupPolicy: "compact" }), { type: "deleteRecords", offset: 1 });
    expect(compact.lastError).toMatchObject({ kafkaError: "POLICY_VIOLATION" });
    expect(compact.logStartOffset).toBe(0);
  });

  it("the retention task then removes whole segments below the new start; a fetch below it is reset", () => {
    const made = createRetentionState({ segmentBytes: 200, retentionMs: -1 });
    if (!made.ok) throw new Error(made.error.message);
    const evs: RetentionEvent[] = [];
    for (let i = 0; i < 10; i++) evs.push({ type: "append", records: [{ key: `k${i}`, value: "v", timestamp: i }] });
    let s: RetentionState = evs.reduce(stepRetention, made.value);
    const segmentsBefore = s.log.segments.length;
    s = stepRetention(s, { type: "deleteRecords", offset: 6 });
    expect(s.log.segments.length).toBe(segmentsBefore); // the request itself deletes no file
    s = stepRetention(s, { type: "runRetention" });
    expect(s.log.segments[0].baseOffset).toBeLessThanOrEqual(6);
    expect(s.log.segments.length).toBeLessThan(segmentsBefore);
    s = stepRetention(s, { type: "fetch", offset: 2, autoOffsetReset: "earliest" });
    expect(s.lastFetch).toMatchObject({ brokerError: "OFFSET_OUT_OF_RANGE", readFrom: 6 });
  });
});
