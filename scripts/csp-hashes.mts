// Post-build step (`npm run build`): hashes every inline <script> of every prerendered page and writes
// the page's own hash-based policy into it as a `<meta http-equiv>` first in <head>, so exactly those
// scripts run while pages stay static (ADR 0006, 0033). The manifest tells proxy.ts which pages carry
// their policy (they get the short shared header) and which hashes the 404 page needs.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CSP_MANIFEST, inlineScriptHashes, withCspMeta, type CspManifest } from "../lib/server/security-headers";

const APP_DIR = ".next/server/app";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith(".html") ? [p] : [];
  });
}

const manifest: CspManifest = { pages: {}, notFound: [], common: [], policyInPage: true };
for (const file of htmlFiles(APP_DIR)) {
  const rel = path.relative(APP_DIR, file).replace(/\.html$/, "").split(path.sep).join("/");
  const html = readFileSync(file, "utf8");
  // The 404 page is also what any unknown path renders per request, under a nonce header: no meta there.
  if (rel === "_not-found") manifest.notFound = inlineScriptHashes(html);
  else if (!rel.startsWith("_")) {
    const page = withCspMeta(html);
    writeFileSync(file, page.html);
    manifest.pages[rel === "index" ? "/" : `/${rel}`] = page.hashes;
  }
}
const lists = Object.values(manifest.pages);
manifest.common = lists.length ? lists[0].filter((h) => lists.every((l) => l.includes(h))) : [];
writeFileSync(CSP_MANIFEST, JSON.stringify(manifest));
console.log(`CSP: ${lists.length}개 정적 페이지의 인라인 스크립트 해시를 ${CSP_MANIFEST}에 썼습니다.`);
