import { describe, expect, it } from "vitest";
import { signAttemptToken, verifyAttemptToken, type AttemptClaims } from "./attempt-token";

const SECRET = "test-secret-that-is-at-least-32-bytes-long";
const T0 = new Date("2026-03-02T09:00:00Z");
const claims: AttemptClaims = { aid: "attempt-0001", sub: "u:learner", qv: ["v1", "v2"], seed: 1234, iat: T0.getTime(), lim: 600 };
const after = (s: number) => new Date(T0.getTime() + s * 1000);
const ctx = (now = after(60)) => ({ secret: SECRET, now, sub: "u:learner" });

describe("attempt tokens", () => {
  it("round-trip their claims when signed by this server", () => {
    expect(verifyAttemptToken(signAttemptToken(claims, SECRET), ctx())).toEqual({ ok: true, claims });
  });

  it("reject a token whose payload was changed", () => {
    const [, sig] = signAttemptToken(claims, SECRET).split(".");
    const longer = Buffer.from(JSON.stringify({ v: 1, ...claims, lim: 99_999 })).toString("base64url");
    const r = verifyAttemptToken(`${longer}.${sig}`, ctx());
    expect(r).toMatchObject({ ok: false, error: "forged" });
    if (!r.ok) expect(r.message).toContain("서명");
  });

  it("reject a token signed with another secret", () => {
    const r = verifyAttemptToken(signAttemptToken(claims, "another-secret-that-is-32-bytes-long!!"), ctx());
    expect(r).toMatchObject({ ok: false, error: "forged" });
  });

  it("reject garbage with a Korean message, without throwing", () => {
    for (const bad of [null, 42, "", "abc", "a.b.c", "..", `${"x".repeat(20_000)}`]) {
      const r = verifyAttemptToken(bad, ctx());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/[가-힣]/);
    }
  });

  it("reject a submission after the time limit and its grace", () => {
    const token = signAttemptToken(claims, SECRET);
    expect(verifyAttemptToken(token, ctx(after(600 + 30))).ok).toBe(true);
    const r = verifyAttemptToken(token, ctx(after(600 + 31)));
    expect(r).toMatchObject({ ok: false, error: "expired" });
    if (!r.ok) expect(r.message).toContain("제한 시간");
  });

  it("expire an untimed attempt after a day", () => {
    const token = signAttemptToken({ ...claims, lim: null }, SECRET);
    expect(verifyAttemptToken(token, ctx(after(23 * 3600))).ok).toBe(true);
    expect(verifyAttemptToken(token, ctx(after(25 * 3600)))).toMatchObject({ ok: false, error: "expired" });
  });

  it("reject a replay of an attempt already submitted", () => {
    const token = signAttemptToken(claims, SECRET);
    const r = verifyAttemptToken(token, { ...ctx(), isSubmitted: (id) => id === claims.aid });
    expect(r).toMatchObject({ ok: false, error: "replayed" });
    if (!r.ok) expect(r.message).toContain("이미 제출");
  });

  it("reject another learner's token", () => {
    const r = verifyAttemptToken(signAttemptToken(claims, SECRET), { ...ctx(), sub: "u:someone-else" });
    expect(r).toMatchObject({ ok: false, error: "wrong-learner" });
  });
});
