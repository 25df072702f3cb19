import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { writeGenerations, purgeLessons } from "../deploy/lesson-cache.mts";
import { fillTemplate, findNginx, productionTemplates, renderNginx } from "../deploy/nginx/render.mts";

const dirs: string[] = [];
const tempPrefix = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), "nginx-test-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("nginx templates", () => {
  it("refuse a placeholder without a value instead of rendering it empty", () => {
    expect(fillTemplate("listen {{LISTEN}};", { LISTEN: "80" })).toBe("listen 80;");
    expect(() => fillTemplate("root {{ROOT}};", {})).toThrow(/ROOT/);
  });

  it.runIf(findNginx() !== null)("render the production config into a prefix that nginx -t accepts", () => {
    const prefix = tempPrefix();
    renderNginx({
      prefix,
      templates: productionTemplates(),
      vars: { LISTEN: "127.0.0.1:1", UPSTREAM_SERVERS: "server 127.0.0.1:2;", SUBMIT_SERVERS: "server 127.0.0.1:3;", STATIC_DIR: prefix, BUILD_ID: "b", CONTENT_HASH: "c" },
    });
    writeGenerations(prefix);
    spawnSync("sh", ["-c", `: > ${prefix}/conf/lesson-headers.conf`]);
    const r = spawnSync(findNginx()!, ["-t", "-p", prefix, "-c", `${prefix}/conf/nginx.conf`, "-e", `${prefix}/logs/error.log`], {
      encoding: "utf8",
    });
    expect(r.stderr).toMatch(/test is successful/);
  });
});

describe("lesson cache purge", () => {
  it("bumps one chapter's generation (and the outline's) or every lesson's", () => {
    const prefix = tempPrefix();
    writeGenerations(prefix);
    expect(purgeLessons("03-log", prefix)).toEqual({ reloaded: false });
    const map = readFileSync(path.join(prefix, "generations.map"), "utf8");
    expect(map).toContain('"/chapters/03-log" 1.1;');
    expect(map).toContain('"/" 1.1;');
    purgeLessons(undefined, prefix);
    expect(readFileSync(path.join(prefix, "generations.map"), "utf8")).toBe("default 2;\n");
  });

  it("rejects something that is not a chapter slug", () => {
    const prefix = tempPrefix();
    writeGenerations(prefix);
    expect(() => purgeLessons("../etc", prefix)).toThrow(/slug/);
  });
});
