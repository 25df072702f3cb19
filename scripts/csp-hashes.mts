// Post-build step (`npm run build`): hashes every inline <script> of every prerendered page, so
// proxy.ts can send a hash-based CSP that lets exactly those run while pages stay static (ADR 0006).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CSP_MANIFEST, inlineScriptHashes, type CspManifest } from "../lib/server/security-headers";

const APP_DIR = ".next/server/app";

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? htmlFiles(p) : e.name.endsWith(".html") ? [p] : [];
  });
}

const manifest: CspManifest = { pages: {}, notFound: [], common: [] };
for (const file of htmlFiles(APP_DIR)) {
  const rel = path.relative(APP_DIR, file).replace(/\.html$/, "").split(path.sep).join("/");
  const hashes = inlineScriptHashes(readFileSync(file, "utf8"));
  if (rel === "_not-found") manifest.notFound = hashes;
  else if (!rel.startsWith("_")) manifest.pages[rel === "index" ? "/" : `/${rel}`] = hashes;
}
const lists = Object.values(manifest.pages);
manifest.common = lists.length ? lists[0].filter((h) => lists.every((l) => l.includes(h))) : [];
writeFileSync(CSP_MANIFEST, JSON.stringify(manifest));
console.log(`CSP: ${lists.length}개 정적 페이지의 인라인 스크립트 해시를 ${CSP_MANIFEST}에 썼습니다.`);
