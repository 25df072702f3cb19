import { readFileSync } from "node:fs";
import { NextResponse, type NextRequest } from "next/server";
import { badPath, decodable } from "./lib/server/bad-path";
import { CSP_MANIFEST, hstsHeader, pageCsp, staticPageHeaderCsp, type CspManifest } from "./lib/server/security-headers";

// Loaded once per process; absent only when `next build` ran without the post-build step.
let manifest: CspManifest | null | undefined;
function cspManifest(): CspManifest | null {
  if (manifest !== undefined) return manifest;
  try {
    manifest = JSON.parse(readFileSync(CSP_MANIFEST, "utf8")) as CspManifest;
  } catch {
    console.warn(`[csp] ${CSP_MANIFEST}가 없습니다: npm run build로 빌드하세요. 인라인 스크립트를 허용하는 약한 정책을 씁니다.`);
    manifest = null;
  }
  return manifest;
}

/**
 * Adds the page CSP (ADR 0006) and, behind https, HSTS. Prerendered pages carry their build-time
 * inline-script hashes in their own meta policy and get a short shared header, so they stay static
 * (ADR 0033); pages rendered per request get a fresh nonce, which Next applies to its own scripts when
 * it sees it in the request's CSP header.
 */
export function proxy(req: NextRequest) {
  if (req.nextUrl.pathname.includes("%") && !decodable(req.nextUrl.pathname)) return badPath(req);
  if (req.nextUrl.pathname.startsWith("/api/")) return NextResponse.next(); // only here for the check above
  if (process.env.NODE_ENV === "development") return NextResponse.next(); // dev needs eval for React's tooling
  const https = (process.env.AUTH_URL ?? "").startsWith("https://") || req.nextUrl.protocol === "https:";
  const m = cspManifest();
  const path = req.nextUrl.pathname.replace(/\/$/, "") || "/";
  const staticHashes = m?.pages[path];
  let csp: string;
  let res: NextResponse;
  if (!m) {
    csp = pageCsp({ hashes: [], https }).replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    res = NextResponse.next();
  } else if (staticHashes) {
    // The page's HTML carries its hashes in a meta policy (ADR 0033); an older build's header carries them.
    csp = m.policyInPage ? staticPageHeaderCsp(https) : pageCsp({ hashes: staticHashes, https });
    res = NextResponse.next();
  } else {
    const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
    csp = pageCsp({ hashes: [...m.common, ...m.notFound], nonce, https });
    const headers = new Headers(req.headers);
    headers.set("content-security-policy", csp);
    res = NextResponse.next({ request: { headers } });
  }
  res.headers.set("content-security-policy", csp);
  const hsts = hstsHeader(process.env.AUTH_URL);
  if (hsts) res.headers.set("strict-transport-security", hsts);
  return res;
}

export const config = {
  // Pages, and API paths only when they hold a percent sign (to refuse undecodable ones): static assets
  // and API routes carry their headers from next.config.mjs, and the submission path stays proxy-free.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)" }, { source: "/api/(.*%.*)" }],
};
