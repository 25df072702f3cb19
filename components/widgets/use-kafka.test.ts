import { describe, expect, it } from "vitest";
import vectors from "@/lib/kafka/__fixtures__/kafka-test-vectors.json";
import { keyPartition } from "./use-kafka";

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
