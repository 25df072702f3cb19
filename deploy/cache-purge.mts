// Purging the lesson cache of `npm run start:cached` (docs/decisions/0008). nginx keys every lesson by
// a generation read from `<prefix>/generations.map`; a purge bumps a generation and reloads nginx
// (SIGHUP, graceful), so the next request for that page is fetched from the app again.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The prefix directory `npm run start:cached` uses unless NGINX_PREFIX says otherwise. */
export function defaultNginxPrefix(): string {
  return path.resolve(process.env.NGINX_PREFIX ?? ".nginx/cached");
}

interface Generations {
  all: number;
  pages: Record<string, number>;
}

function statePath(prefix: string) {
  return path.join(prefix, "generations.json");
}

function read(prefix: string): Generations {
  const p = statePath(prefix);
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as Generations) : { all: 1, pages: {} };
}

/** Writes the generations map nginx includes (creating it on first start). */
export function writeGenerations(prefix: string, g: Generations = read(prefix)): void {
  writeFileSync(statePath(prefix), JSON.stringify(g));
  const lines = [`default ${g.all};`, ...Object.entries(g.pages).map(([uri, n]) => `${JSON.stringify(uri)} ${g.all}.${n};`)];
  writeFileSync(path.join(prefix, "generations.map"), lines.join("\n") + "\n");
}

/**
 * Drops cached lessons: one chapter (its page and the course outline) when `chapterSlug` is given,
 * otherwise every lesson. Returns whether a running nginx was told to reload. Safe to call when the
 * cached setup is not running (plain `npm start`): it then only records the new generation.
 */
export function purgeLessons(chapterSlug?: string, prefix = defaultNginxPrefix()): { reloaded: boolean } {
  if (!existsSync(prefix)) return { reloaded: false };
  const g = read(prefix);
  if (chapterSlug) {
    if (!/^[a-z0-9-]{1,100}$/.test(chapterSlug)) throw new Error(`not a chapter slug: ${chapterSlug}`);
    for (const uri of [`/chapters/${chapterSlug}`, "/"]) g.pages[uri] = (g.pages[uri] ?? 0) + 1;
  } else {
    g.all++;
    g.pages = {};
  }
  writeGenerations(prefix, g);
  const pidFile = path.join(prefix, "nginx.pid");
  if (!existsSync(pidFile)) return { reloaded: false };
  const pid = Number(readFileSync(pidFile, "utf8").trim());
  try {
    process.kill(pid, "SIGHUP");
    return { reloaded: true };
  } catch {
    return { reloaded: false }; // stale pid file: nginx is not running, nothing is cached
  }
}
