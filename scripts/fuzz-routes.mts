// Every route the app serves, read from the file system the way Next's App Router reads it:
// `app/**/route.ts` (with the HTTP methods it exports) and `app/**/page.tsx` (GET).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface RouteInfo {
  /** URL pattern with Next's segment syntax, e.g. `/api/quizzes/[slug]/attempts`. */
  pattern: string;
  kind: "route" | "page";
  methods: string[];
  file: string;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The HTTP methods a route module exports (function, const or re-export forms). */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s*(?:const\s*)?\{([^}]*)\}/g))
    for (const part of m[1].split(","))
      found.add(
        part
          .split(/\s+as\s+/)
          .pop()!
          .trim()
          .split(/\s|:/)[0],
      );
  return METHODS.filter((x) => found.has(x));
}

/** Routes under `appDir`; route groups `(x)` and private folders `_x` follow Next's rules. */
export function listRoutes(appDir = "app"): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith("_")) continue;
        walk(p, e.name.startsWith("(") && e.name.endsWith(")") ? segments : [...segments, e.name]);
      } else if (/^route\.(ts|tsx|js)$/.test(e.name)) {
        out.push({ pattern: "/" + segments.join("/"), kind: "route", methods: exportedMethods(readFileSync(p, "utf8")), file: p });
      } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(e.name)) {
        out.push({ pattern: "/" + segments.join("/"), kind: "page", methods: ["GET"], file: p });
      }
    }
  };
  walk(appDir, []);
  return out.sort((a, b) => a.pattern.localeCompare(b.pattern));
}
