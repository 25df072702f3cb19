// Renders this project's nginx configs from deploy/nginx/*.template into a prefix directory of its own
// (config, pid, logs, temp and cache dirs), so nginx runs as the current user without touching /etc or /var.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TEMPLATE_DIR = path.dirname(new URL(import.meta.url).pathname);

/** Absolute path of the nginx binary, or null when it is not installed. */
export function findNginx(): string | null {
  for (const p of ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]) if (existsSync(p)) return p;
  const r = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** The nginx binary; prints how to install it and exits non-zero when it is missing. */
export function requireNginx(): string {
  const bin = findNginx();
  if (bin) return bin;
  console.error("nginx가 설치되어 있지 않습니다. Debian/Ubuntu에서는 다음으로 설치하세요:\n  apt-get install -y nginx");
  process.exit(2);
}

/** True when this nginx was built with the brotli filter (Debian's package is not). */
export function nginxHasBrotli(bin: string): boolean {
  const v = spawnSync(bin, ["-V"], { encoding: "utf8" });
  return /brotli/i.test(v.stderr + v.stdout) || existsSync("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so");
}

/** Fills `{{NAME}}` placeholders; an unknown placeholder is an error, not an empty string. */
export function fillTemplate(text: string, vars: Record<string, string>): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`nginx template: no value for {{${name}}}`);
    return vars[name];
  });
}

/** The templates of the `npm run start:cached` config, by the name each is rendered to. */
export function productionTemplates(): Record<string, string> {
  return Object.fromEntries(
    ["nginx.conf", "lesson-cache.conf", "lesson-static.conf"].map((n) => [n, path.join(TEMPLATE_DIR, `${n}.template`)]),
  );
}

export interface RenderOptions {
  /** The prefix directory (absolute), e.g. `<project>/.nginx/cached`. */
  prefix: string;
  /** Template files to render into `<prefix>/conf/`, by output name (e.g. `nginx.conf`). */
  templates: Record<string, string>;
  vars: Record<string, string>;
}

/** Renders the templates plus the shared ones into `<prefix>/conf/` and creates the runtime dirs. */
export function renderNginx({ prefix, templates, vars }: RenderOptions): string {
  for (const d of ["conf", "logs", "tmp", "cache"]) mkdirSync(path.join(prefix, d), { recursive: true });
  const me = userInfo();
  const all: Record<string, string> = {
    PREFIX: prefix,
    WORKERS: "auto",
    MIME_TYPES: existsSync("/etc/nginx/mime.types") ? "/etc/nginx/mime.types" : path.join(TEMPLATE_DIR, "mime.types"),
    // A root master would hand its workers to `nobody`, who cannot write this prefix.
    USER_DIRECTIVE: me.uid === 0 ? `user ${me.username};` : "",
    ...vars,
  };
  const files: Record<string, string> = {
    "common.conf": path.join(TEMPLATE_DIR, "common.conf.template"),
    "http-common.conf": path.join(TEMPLATE_DIR, "http-common.conf.template"),
    ...templates,
  };
  for (const [name, file] of Object.entries(files)) {
    writeFileSync(path.join(prefix, "conf", name), fillTemplate(readFileSync(file, "utf8"), all));
  }
  return path.join(prefix, "conf", "nginx.conf");
}

/** Checks a rendered config with `nginx -t`; throws with nginx's own message when it is wrong. */
export function testNginx(bin: string, prefix: string): void {
  const r = spawnSync(bin, nginxArgs(prefix, ["-t", "-q"]), { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`nginx -t failed:\n${r.stderr}`);
}

function nginxArgs(prefix: string, extra: string[] = []): string[] {
  return ["-p", prefix, "-c", path.join(prefix, "conf", "nginx.conf"), "-e", path.join(prefix, "logs", "error.log"), ...extra];
}

/** Starts nginx in the foreground (daemon off), so the caller owns the process. */
export function startNginx(bin: string, prefix: string): ChildProcess {
  return spawn(bin, nginxArgs(prefix), { stdio: ["ignore", "inherit", "inherit"] });
}

const COMPRESSIBLE = /\.(js|mjs|css|json|svg|txt|html|map|xml|wasm)$/;

/**
 * Mirrors a directory with a `.gz` beside every compressible file (gzip level 9), for `gzip_static`.
 * Skips the work when the mirror of this build already exists.
 */
export function precompressTree(src: string, dest: string): { files: number; bytes: number; gzBytes: number } {
  const stats = { files: 0, bytes: 0, gzBytes: 0 };
  const done = path.join(dest, ".complete");
  if (existsSync(done)) return JSON.parse(readFileSync(done, "utf8"));
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(src, rel), { withFileTypes: true })) {
      const r = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        mkdirSync(path.join(dest, r), { recursive: true });
        walk(r);
        continue;
      }
      const body = readFileSync(path.join(src, r));
      writeFileSync(path.join(dest, r), body);
      stats.files++;
      stats.bytes += body.length;
      if (COMPRESSIBLE.test(entry.name) && body.length > 256) {
        const gz = gzipSync(body, { level: 9 });
        writeFileSync(path.join(dest, r) + ".gz", gz);
        stats.gzBytes += gz.length;
      }
    }
  };
  mkdirSync(dest, { recursive: true });
  walk("");
  writeFileSync(done, JSON.stringify(stats));
  return stats;
}

/** A short hash of every file under the given directories (names and bytes), for cache keys. */
export function treeHash(dirs: string[]): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return h.digest("hex").slice(0, 12);
}
