import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("accepts the password it hashed and rejects a different one", async () => {
    const hash = await hashPassword("카프카-비밀번호1");
    expect(hash.startsWith("scrypt$16384$8$1$")).toBe(true);
    expect(await verifyPassword("카프카-비밀번호1", hash)).toBe(true);
    expect(await verifyPassword("카프카-비밀번호2", hash)).toBe(false);
  });

  it("salts every hash so equal passwords give different hashes", async () => {
    expect(await hashPassword("same-password")).not.toBe(await hashPassword("same-password"));
  });

  it("treats composed and decomposed Hangul as the same password", async () => {
    const composed = "한글암호".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  it("never matches a malformed stored hash", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "scrypt$16384$8$1$AAAA$short")).toBe(false);
  });
});
