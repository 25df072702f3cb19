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

/** `{ pages: { "/chapters/01-x": ["sha256-…"] }, notFound: [...], common: [...] }` */
export interface CspManifest {
  pages: Record<string, string[]>;
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
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS for two years once the public origin is https (AUTH_URL); never on plain http. */
export const hstsHeader = (authUrl: string | undefined) =>
  authUrl?.startsWith("https://") ? "max-age=63072000; includeSubDomains" : null;
