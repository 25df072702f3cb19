import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hstsHeader, inlineScriptHashes, pageCsp, staticPageHeaderCsp, withCspMeta } from "./security-headers";

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

describe("a prerendered page's own policy", () => {
  const page = `<!DOCTYPE html><html lang="ko"><head><meta charSet="utf-8"/><script src="/_next/a.js" async=""></script><script>theme()</script></head><body><script>self.__next_f.push([1])</script></body></html>`;
  const metaPolicy = (html: string) => /<meta http-equiv="Content-Security-Policy" content="([^"]*)"\/>/.exec(html)?.[1] ?? "";

  it("sits right after the charset, before every script, and allows exactly the page's inline scripts", () => {
    const { html, hashes } = withCspMeta(page);
    expect(hashes).toEqual([sha("theme()"), sha("self.__next_f.push([1])")]);
    expect(html.indexOf('<meta http-equiv="Content-Security-Policy"')).toBe(html.indexOf('<meta charSet="utf-8"/>') + 23);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
    const policy = metaPolicy(html);
    expect(policy).toContain(`script-src 'self' '${sha("theme()")}' '${sha("self.__next_f.push([1])")}'`);
    expect(policy).toContain("script-src-attr 'none'");
    expect(policy.split("; ").find((d) => d.startsWith("script-src "))).not.toContain("unsafe-inline");
    // A meta policy cannot carry frame-ancestors; the header does.
    expect(policy).not.toContain("frame-ancestors");
  });

  it("is rewritten, not repeated, when the build step runs twice", () => {
    const once = withCspMeta(page).html;
    const twice = withCspMeta(once).html;
    expect(twice).toBe(once);
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
  });

  it("refuses a page whose first script comes before its head", () => {
    expect(() => withCspMeta(`<script>x()</script><html><head></head></html>`)).toThrow(/head/);
  });

  it("leaves the header with only what a meta policy cannot say, restricting no script", () => {
    expect(staticPageHeaderCsp(false)).toBe("object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    expect(staticPageHeaderCsp(true)).toContain("upgrade-insecure-requests");
    expect(staticPageHeaderCsp(false)).not.toMatch(/default-src|script-src/);
  });

  it("adds up, meta and header together, to the policy a dynamic page gets in its header", () => {
    const { html, hashes } = withCspMeta(page);
    const together = new Set([...metaPolicy(html).split("; "), ...staticPageHeaderCsp(true).split("; ")]);
    expect(together).toEqual(new Set(pageCsp({ hashes, https: true }).split("; ")));
  });
});
