// The page CSP and HSTS, built by proxy.ts (the headers every response gets are in next.config.mjs).

import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** The `sha256-…` CSP source of each inline script's exact text in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) out.add(`sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}`);
  return [...out];
}

/** Where the post-build step writes each prerendered page's inline-script hashes. */
export const CSP_MANIFEST = ".next/csp-manifest.json";

/** `{ pages: { "/chapters/01-x": ["sha256-…"] }, notFound: [...], common: [...], policyInPage: true }` */
export interface CspManifest {
  pages: Record<string, string[]>;
  /** The pages' HTML carries their policy in a meta element (withCspMeta); older builds lack the flag. */
  policyInPage?: boolean;
  /** Hashes of the prerendered 404 page, which any unknown path may serve. */
  notFound: string[];
  /** Hashes found on every page (the theme script in the root layout). */
  common: string[];
}

/**
 * The page CSP: scripts only from this origin plus the exact inline scripts the build emitted
 * (hashes, so static pages stay static and cacheable) or, for pages rendered per request, a nonce
 * Next puts on its own scripts. An injected inline script matches neither and does not run.
 */
export function pageCsp(opts: { hashes: string[]; nonce?: string; https: boolean }): string {
  return [...documentPolicy(opts), ...headerOnlyPolicy(opts.https)].join("; ");
}

/** The directives a `<meta http-equiv>` policy can carry: everything that governs the document's content. */
function documentPolicy(opts: { hashes: string[]; nonce?: string }): string[] {
  const script = ["'self'", ...opts.hashes.map((h) => `'${h}'`), ...(opts.nonce ? [`'nonce-${opts.nonce}'`] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "script-src-attr 'none'",
    // React style props and Tailwind's generated CSS need inline styles; they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** What only a header can say (a meta policy ignores frame-ancestors), and what depends on the request. */
function headerOnlyPolicy(https: boolean): string[] {
  return ["frame-ancestors 'none'", ...(https ? ["upgrade-insecure-requests"] : [])];
}

/**
 * Prerendered pages carry their own policy, hashes included, in a `<meta http-equiv>` the build writes
 * first in `<head>` (ADR 0033): the header then is one short line shared by every static page, which a
 * cache serves for a tenth less CPU than a kilobyte of hashes per response. This header policy never
 * restricts scripts itself, so it cannot contradict the page's; both are enforced.
 */
export function staticPageHeaderCsp(https: boolean): string {
  return ["object-src 'none'", "base-uri 'self'", "form-action 'self'", ...headerOnlyPolicy(https)].join("; ");
}

const CHARSET = '<meta charSet="utf-8"/>';
const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*"\/>/;

/**
 * Writes (or rewrites) a prerendered page's own policy as the first element of its `<head>`, before any
 * script can be parsed. Hashes are of the page's inline scripts, so rewriting is idempotent.
 */
export function withCspMeta(html: string): { html: string; hashes: string[] } {
  const hashes = inlineScriptHashes(html);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${documentPolicy({ hashes }).join("; ")}"/>`;
  if (CSP_META.test(html)) return { html: html.replace(CSP_META, meta), hashes };
  const head = html.indexOf("<head>");
  if (head < 0 || html.search(/<script/i) < head) throw new Error("no <head> before the first script: cannot place the CSP meta");
  // After the charset declaration when it opens the head, so that it stays in the first bytes.
  const at = head + 6 + (html.startsWith(CHARSET, head + 6) ? CHARSET.length : 0);
  return { html: html.slice(0, at) + meta + html.slice(at), hashes };
}

/** HSTS for two years once the public origin is https (AUTH_URL); never on plain http. */
export const hstsHeader = (authUrl: string | undefined) =>
  authUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
