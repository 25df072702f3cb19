import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hstsHeader, inlineScriptHashes, pageCsp } from "./security-headers";

const sha = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;

describe("page CSP", () => {
  it("hashes exactly the inline scripts of a page, not external ones", () => {
    const html = `<script>a()</script><script src="/_next/x.js"></script><script id="_R_">b()</script><script async src="/y.js"></script>`;
    expect(inlineScriptHashes(html)).toEqual([sha("a()"), sha("b()")]);
  });

  it("allows this origin's files and the listed hashes or nonce, never inline code in general", () => {
    const csp = pageCsp({ hashes: ["sha256-abc"], nonce: "n0nce", https: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(script).toBe("script-src 'self' 'sha256-abc' 'nonce-n0nce'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp({ hashes: [], https: true })).toContain("upgrade-insecure-requests");
  });

  it("sends HSTS only when the public origin is https", () => {
    expect(hstsHeader("https://kafka.example.com")).toMatch(/^max-age=\d+/);
    expect(hstsHeader("http://localhost:3000")).toBeNull();
    expect(hstsHeader(undefined)).toBeNull();
  });
});
