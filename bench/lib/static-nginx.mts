// The lesson baseline: nginx serving a chapter's prerendered HTML straight from disk, precompressed
// (gzip_static), with the same shared http settings as the cached setup.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { renderNginx, requireNginx, startNginx, testNginx } from "../../deploy/nginx/render.mts";
import { waitForHttp, type Started } from "./servers.mts";

/** Starts the from-disk baseline on `port` serving `/chapters/<slug>` for every slug given. */
export async function startStaticNginx(port: number, prefix: string, slugs: string[]): Promise<Started> {
  const bin = requireNginx();
  const html = path.join(prefix, "html", "chapters");
  mkdirSync(html, { recursive: true });
  for (const slug of slugs) {
    const src = path.resolve(".next/server/app/chapters", `${slug}.html`);
    const dest = path.join(html, `${slug}.html`);
    copyFileSync(src, dest);
    writeFileSync(`${dest}.gz`, gzipSync(readFileSync(src), { level: 9 }));
  }
  renderNginx({
    prefix,
    templates: { "nginx.conf": path.resolve("bench/nginx-static.conf.template") },
    vars: { LISTEN: String(port), ROOT: path.join(prefix, "html") },
  });
  testNginx(bin, prefix);
  const child = startNginx(bin, prefix);
  const started: Started = {
    name: "nginx-from-disk",
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await done;
    },
  };
  await waitForHttp(`http://127.0.0.1:${port}/chapters/${slugs[0]}`, 10_000, (r) => r.ok);
  return started;
}
