import { describe, expect, it } from "vitest";
import { crc32c } from "./crc32c";

describe("CRC-32C (Castagnoli)", () => {
  it('gives the standard check value 0xE3069283 for "123456789"', () => {
    expect(crc32c(new TextEncoder().encode("123456789"))).toBe(0xe3069283);
  });

  it("is 0 for no bytes and honours the start/end window", () => {
    expect(crc32c(new Uint8Array())).toBe(0);
    const padded = new TextEncoder().encode("xx123456789yy");
    expect(crc32c(padded, 2, 11)).toBe(0xe3069283);
  });

  it("matches the RFC 3720 vector of 32 zero bytes (0x8A9136AA)", () => {
    expect(crc32c(new Uint8Array(32))).toBe(0x8a9136aa);
  });
});
