import { describe, expect, it } from "vitest";
import fc from "fast-check";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { murmur2, partitionForKey, serializeInteger, serializeString, toPositive, tryPartitionForKey } from "./murmur2";

const fromHex = (h: string) => Uint8Array.from((h.match(/../g) ?? []).map((x) => parseInt(x, 16)));

describe("murmur2 (UtilsTest.testMurmur2 vectors)", () => {
  it.each(vectors.murmur2_copied.vectors)("hashes $input to $murmur2", ({ input, inputBytesHex, murmur2: expected }) => {
    expect(Array.from(serializeString(input))).toEqual(Array.from(fromHex(inputBytesHex)));
    expect(murmur2(fromHex(inputBytesHex))).toBe(expected);
  });

  it('hashes the empty key to 275646681 ("" is hashed, not sticky)', () => {
    expect(murmur2(new Uint8Array())).toBe(275646681);
  });

  it("always returns a signed 32-bit integer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const h = murmur2(b);
        return Number.isInteger(h) && h >= -(2 ** 31) && h < 2 ** 31;
      }),
    );
  });
});

describe("partitionForKey", () => {
  it.each(vectors.partitionForKey_copied_from_comment.vectors)(
    "puts string key $key on partition $partition of $numPartitions",
    ({ key, numPartitions, partition }) => {
      expect(partitionForKey(key, numPartitions)).toBe(partition);
    },
  );

  it("uses x & 0x7fffffff rather than Math.abs", () => {
    expect(toPositive(-1)).toBe(2147483647);
    expect(toPositive(-(2 ** 31))).toBe(0);
    // murmur2("21") is negative: the & mask and Math.abs disagree.
    const h = murmur2(serializeString("21"));
    expect(toPositive(h)).not.toBe(Math.abs(h));
  });

  it("encodes Korean keys as UTF-8 (3 bytes per syllable)", () => {
    expect(serializeString("카프카").length).toBe(9);
    expect(partitionForKey("카프카", 6)).toBe(toPositive(murmur2(serializeString("카프카"))) % 6);
  });

  it("serializes integer keys as 4 big-endian bytes, not as text", () => {
    expect(Array.from(serializeInteger(1))).toEqual([0, 0, 0, 1]);
    expect(Array.from(serializeInteger(-1))).toEqual([255, 255, 255, 255]);
    const r = tryPartitionForKey({ type: "int", value: 1 }, 12);
    expect(r).toEqual({ ok: true, value: toPositive(murmur2(Uint8Array.of(0, 0, 0, 1))) % 12 });
  });

  it("always lands in [0, numPartitions)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 1000 }), (k, n) => {
        const p = partitionForKey(k, n);
        return p >= 0 && p < n;
      }),
    );
  });

  it("returns a Korean error instead of crashing for invalid partition counts", () => {
    for (const bad of [0, -3, 2.5, Number.NaN]) {
      const r = tryPartitionForKey("k", bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/파티션 수/);
    }
    expect(tryPartitionForKey({ type: "int", value: 2 ** 40 }, 3).ok).toBe(false);
  });
});
