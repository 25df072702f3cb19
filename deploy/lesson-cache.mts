// The lesson cache of `npm run start:cached` (docs/decisions/0008): prerendered pages written to disk
// with their gzip twins, and a proxy cache keyed by a generation read from `<prefix>/generations.map`.
// A purge deletes a page's files, bumps its generation and reloads nginx (SIGHUP, graceful), so the next
// request for that page is fetched from the app again.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

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
    for (const uri of [`/chapters/${chapterSlug}`, "/"]) {
      g.pages[uri] = (g.pages[uri] ?? 0) + 1;
      removeLessonFile(prefix, uri);
    }
  } else {
    g.all++;
    g.pages = {};
    rmSync(path.join(prefix, "lessons"), { recursive: true, force: true });
  }
  writeGenerations(prefix, g);
  return reloadNginx(prefix);
}

/** Tells a running nginx of this prefix to reload (SIGHUP); false when none is running. */
export function reloadNginx(prefix: string): { reloaded: boolean } {
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

const fileOf = (prefix: string, uri: string) => path.join(prefix, "lessons", uri === "/" ? "index.html" : `${uri}.html`);

function removeLessonFile(prefix: string, uri: string) {
  for (const f of [fileOf(prefix, uri), `${fileOf(prefix, uri)}.gz`]) rmSync(f, { force: true });
}

// Headers that describe one response's bytes or connection, or next's own cache; nginx sets its own.
const NOT_COPIED = new Set([
  "date",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "content-type",
  "etag",
  "last-modified",
  "vary",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
  "set-cookie",
]);

/** The app's headers for a page as nginx `add_header` lines, or null when a value cannot be copied safely. */
function headerLines(res: Response): string[] | null {
  const lines: string[] = [];
  for (const [name, value] of res.headers) {
    if (NOT_COPIED.has(name)) continue;
    if (/[$"\\\r\n]/.test(value)) return null;
    lines.push(`add_header ${name} "${value}" always;`);
  }
  return lines.sort();
}

/**
 * Fetches each prerendered lesson from the app (`upstream`, e.g. http://127.0.0.1:3001) and writes it
 * with a gzip twin under `<prefix>/lessons/`, plus `conf/lesson-headers.conf`. A page that is not a
 * cacheable HTML 200, or whose headers differ from the others, is left to the proxy cache.
 */
export async function writeLessonFiles(
  prefix: string,
  upstream: string,
  uris: string[],
): Promise<{ written: string[]; skipped: string[] }> {
  const written: string[] = [];
  const skipped: string[] = [];
  // Prerendered pages carry their own CSP hashes in their HTML (ADR 0033), so every lesson has the same
  // headers and one shared set serves them all; a page whose headers differ is left to the proxy cache.
  let common: string | null = null;
  for (const uri of uris) {
    const res = await fetch(upstream + uri, { headers: { "accept-encoding": "identity" } });
    const body = Buffer.from(await res.arrayBuffer());
    const cc = res.headers.get("cache-control") ?? "";
    const lines = headerLines(res);
    const cacheable =
      res.status === 200 &&
      /text\/html/.test(res.headers.get("content-type") ?? "") &&
      !res.headers.has("set-cookie") &&
      !/private|no-store|no-cache/.test(cc);
    if (!cacheable || !lines || (common !== null && common !== lines.join("\n"))) {
      skipped.push(uri);
      removeLessonFile(prefix, uri);
      continue;
    }
    common = lines.join("\n");
    const file = fileOf(prefix, uri);
    mkdirSync(path.dirname(file), { recursive: true });
    // Each file appears whole (rename), the .gz before the page that try_files checks.
    writeFileSync(`${file}.gz.tmp`, gzipSync(body, { level: 9 }));
    renameSync(`${file}.gz.tmp`, `${file}.gz`);
    writeFileSync(`${file}.tmp`, body);
    renameSync(`${file}.tmp`, file);
    written.push(uri);
  }
  mkdirSync(path.join(prefix, "conf"), { recursive: true });
  writeFileSync(path.join(prefix, "conf", "lesson-headers.conf"), (common ?? "") + "\n");
  writeFileSync(path.join(prefix, "upstream.json"), JSON.stringify({ upstream, uris }));
  return { written, skipped };
}

/** Rewrites the lesson files from the app recorded at start (after a purge), then reloads nginx. */
export async function rewarmLessons(prefix = defaultNginxPrefix()): Promise<{ written: string[]; skipped: string[]; reloaded: boolean }> {
  const state = path.join(prefix, "upstream.json");
  if (!existsSync(state)) return { written: [], skipped: [], reloaded: false };
  const { upstream, uris } = JSON.parse(readFileSync(state, "utf8")) as { upstream: string; uris: string[] };
  const r = await writeLessonFiles(prefix, upstream, uris);
  return { ...r, ...reloadNginx(prefix) };
}
