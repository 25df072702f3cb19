import { describe, expect, it } from "vitest";
import vectors from "@/lib/kafka/__fixtures__/kafka-test-vectors.json";
import { createRetentionState, stepRetention } from "../retention";
import { keyPartition } from "./key-partition";
import { segmentViews } from "./segments";

describe("key partition view used by the playground", () => {
  it("matches the partitions Kafka's own tests pre-computed", () => {
    for (const v of vectors.partitionForKey_copied_from_comment.vectors)
      expect(keyPartition(v.key, v.numPartitions).partition).toBe(v.partition);
  });

  it("shows Java's signed murmur2 and the sign-cleared value", () => {
    const v = keyPartition("21", 1);
    expect(v.hash).toBe(-973932308);
    expect(v.positive).toBe(-973932308 & 0x7fffffff);
    expect(Array.from(v.bytes)).toEqual([0x32, 0x31]);
  });

  it("hashes the empty string as a real, zero-byte key", () => {
    const v = keyPartition("", 3);
    expect(v.bytes.length).toBe(0);
    expect(v.hash).toBe(275646681);
  });

  it("agrees with the worked examples in chapter 1", () => {
    expect([keyPartition("order-42", 3).partition, keyPartition("order-42", 4).partition]).toEqual([0, 0]);
    expect([keyPartition("order-43", 3).partition, keyPartition("order-43", 4).partition]).toEqual([1, 2]);
    const korean = keyPartition("카프카", 3);
    expect(korean.bytes.length).toBe(9);
    expect([korean.partition, keyPartition("카프카", 4).partition]).toEqual([1, 3]);
  });
});

describe("segment view used by the retention playground", () => {
  it("lists segments as 20-digit files with offset ranges, the last one active", () => {
    const created = createRetentionState({
      topic: "hello.kafka",
      segmentBytes: 600,
      retentionMs: 60_000,
      checkIntervalMs: 30_000,
      nowMs: 0,
    });
    if (!created.ok) throw new Error(created.error.message);
    let s = created.value;
    for (let i = 0; i < 12; i++)
      s = stepRetention(s, {
        type: "append",
        records: [{ key: `order-${i}`, value: `{"item":"카프카 책","qty":${(i % 3) + 1}}`, timestamp: 0 }],
      });
    expect(segmentViews(s).map((v) => [v.fileName, v.baseOffset, v.lastOffset, v.records, v.active])).toEqual([
      ["00000000000000000000.log", 0, 4, 5, false],
      ["00000000000000000005.log", 5, 9, 5, false],
      ["00000000000000000010.log", 10, 11, 2, true],
    ]);
    // Time retention compares the newest record: 60 s old is not yet "older than" retention.ms.
    s = stepRetention(s, { type: "tick", nowMs: 60_000 });
    expect(s.log.logStartOffset).toBe(0);
    s = stepRetention(s, { type: "tick", nowMs: 90_000 });
    expect(segmentViews(s).map((v) => [v.fileName, v.records, v.active])).toEqual([["00000000000000000012.log", 0, true]]);
  });
});
