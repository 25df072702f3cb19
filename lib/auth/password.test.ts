import { describe, expect, it } from "vitest";
import { randomBytes, scryptSync } from "node:crypto";
import { hashPassword, needsRehash, verifyPassword } from "./password";

// Each OWASP-strength hash takes ~0.3–2 s here (CPU shared), so the suite allows for it.
describe("password hashing", { timeout: 30_000 }, () => {
  it("accepts the password it hashed and rejects a different one", async () => {
    const hash = await hashPassword("카프카-비밀번호1");
    expect(hash.startsWith("scrypt$131072$8$1$")).toBe(true);
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

  it("still accepts a hash made with the older N=2^14 and marks it for an upgrade", async () => {
    const salt = randomBytes(16);
    const key = scryptSync("예전-비밀번호", salt, 64, { N: 16384, r: 8, p: 1 });
    const old = ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$");
    expect(await verifyPassword("예전-비밀번호", old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(await hashPassword("새-비밀번호"))).toBe(false);
  });

  it("refuses stored parameters that would ask for unbounded memory", async () => {
    expect(await verifyPassword("x", `scrypt$${2 ** 24}$8$1$AAAA$${"A".repeat(86)}==`)).toBe(false);
  });
});
