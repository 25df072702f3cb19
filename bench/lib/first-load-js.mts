// First-load JS of a prerendered page: the scripts its HTML loads (plus the build's root main files),
// as gzip bytes — what a learner's browser downloads before the page is interactive.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Script URLs under /_next/static in an HTML document (module scripts; `nomodule` polyfills excluded). */
export function scriptSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attrs = m[1];
    if (/\bnomodule\b/i.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
    if (src?.startsWith("/_next/static/")) out.add(src.split("?")[0]);
  }
  return [...out];
}

/** The framework's own first-load files from `.next/build-manifest.json` (loaded by every page). */
export function rootMainFiles(nextDir = ".next"): string[] {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  return (manifest.rootMainFiles ?? []).map((f) => `/_next/${f}`);
}

/** Gzip bytes of every script a prerendered page loads, and of the framework part alone. */
export function firstLoadJs(htmlFile: string, nextDir = ".next"): { bytes: number; frameworkBytes: number; files: number } {
  const html = readFileSync(htmlFile, "utf8");
  const root = rootMainFiles(nextDir);
  const all = new Set([...scriptSources(html), ...root]);
  const size = (src: string) => {
    const f = path.join(nextDir, src.replace(/^\/_next\//, ""));
    return existsSync(f) ? gz(f) : 0;
  };
  let bytes = 0;
  for (const s of all) bytes += size(s);
  return { bytes, frameworkBytes: root.reduce((a, s) => a + size(s), 0), files: all.size };
}
