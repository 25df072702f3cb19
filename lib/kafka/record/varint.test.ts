import { describe, expect, it } from "vitest";
import fc from "fast-check";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { encodeVarint, encodeVarlong, readVarint, readVarlong, varintSize, varlongSize } from "./varint";

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
const fromHex = (h: string) => Uint8Array.from(h.match(/../g)!.map((x) => parseInt(x, 16)));
const v = vectors.varint_zigzag_copied;

describe("zig-zag varint (ByteUtilsTest vectors)", () => {
  it.each(v.varint)("encodes varint $value as $bytesHex", ({ value, bytesHex }) => {
    expect(hex(encodeVarint(value))).toBe(bytesHex);
    expect(varintSize(value)).toBe(bytesHex.length / 2);
    expect(readVarint(fromHex(bytesHex), 0)).toEqual({ value, next: bytesHex.length / 2 });
  });

  it.each([...v.varint, ...v.varlong_additional])("encodes varlong $value as $bytesHex", ({ value, bytesHex }) => {
    expect(hex(encodeVarlong(BigInt(value)))).toBe(bytesHex);
    expect(varlongSize(value)).toBe(bytesHex.length / 2);
    expect(readVarlong(fromHex(bytesHex), 0)).toEqual({ value: BigInt(value), next: bytesHex.length / 2 });
  });

  it("rejects a varint longer than 5 bytes and a truncated one", () => {
    expect(readVarint(fromHex("ffffffffff01"), 0)).toBeNull();
    expect(readVarint(fromHex("80"), 0)).toBeNull();
  });

  it("round-trips every int32 and int64", () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (n) => readVarint(encodeVarint(n), 0)?.value === n));
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), (n) => readVarlong(encodeVarlong(n), 0)?.value === n));
  });
});
