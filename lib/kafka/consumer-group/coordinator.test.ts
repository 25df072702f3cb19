import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { coordinatorPartition, javaStringHashCode, transactionCoordinatorPartition, utilsAbs } from "./hash";

const v = vectors.coordinatorPartition;

describe("group coordinator partition (Utils.abs(hashCode) % partitions)", () => {
  it.each(v.vectors)("puts '$id' on partition $partition of $numPartitions", (e) => {
    expect(javaStringHashCode(e.id)).toBe(e.javaStringHashCode);
    expect(utilsAbs(e.javaStringHashCode)).toBe(e.utilsAbs);
    expect(coordinatorPartition(e.id, e.numPartitions)).toBe(e.partition);
  });

  it.each(v.utilsAbs_copied.vectors)("Utils.abs(%i) = %i", (input, expected) => {
    expect(utilsAbs(input)).toBe(expected);
  });

  it("maps 'polygenelubricants' (hashCode = Integer.MIN_VALUE) to partition 0, not -48", () => {
    expect(javaStringHashCode("polygenelubricants")).toBe(-2147483648);
    expect(coordinatorPartition("polygenelubricants")).toBe(0);
  });

  it("defaults to 50 partitions and hashes emoji as two UTF-16 code units", () => {
    expect(coordinatorPartition("my-group")).toBe(12);
    expect(javaStringHashCode("😀")).toBe(0xd83d * 31 + 0xde00);
    expect(transactionCoordinatorPartition("my-transactional-id")).toBe(46);
  });
});
