// The production nginx config (`npm run start:cached`) routing real requests: which come from the lesson
// files on disk, which from the app, which from the submission host. The app and the submission host are
// small node:http servers that say who answered, so each assertion names the path a request took.
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeGenerations, writeLessonFiles } from "../lesson-cache.mts";
import { findNginx, productionTemplates, renderNginx, startNginx, testNginx } from "./render.mts";

const PAGE = "<!DOCTYPE html><html lang=ko><body><h1>3장 로그</h1></body></html>";
const CSP = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function stub(name: string): Server {
  return createServer((req, res) => {
    if (req.url === "/chapters/03-log" && req.headers.rsc !== "1") {
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "s-maxage=31536000",
        "x-content-type-options": "nosniff",
        "content-security-policy": CSP,
      });
      res.end(PAGE);
      return;
    }
    res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" });
    res.end(`${name} ${req.method} ${req.url} rsc=${req.headers.rsc ?? ""}`);
  });
}

async function listen(server: Server): Promise<number> {
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const s = createServer();
  const port = await listen(s);
  await new Promise((r) => s.close(r));
  return port;
}

const nginx = findNginx();

describe.runIf(nginx !== null)("the start:cached nginx config", () => {
  const app = stub("app");
  const submit = stub("submit");
  let prefix = "";
  let child: ChildProcess | null = null;
  let base = "";

  beforeAll(async () => {
    prefix = mkdtempSync(path.join(os.tmpdir(), "nginx-routing-"));
    const [appPort, submitPort, port] = [await listen(app), await listen(submit), await freePort()];
    base = `http://127.0.0.1:${port}`;
    renderNginx({
      prefix,
      templates: productionTemplates(),
      vars: {
        LISTEN: `127.0.0.1:${port}`,
        UPSTREAM_SERVERS: `    server 127.0.0.1:${appPort};`,
        SUBMIT_SERVERS: `    server 127.0.0.1:${submitPort};`,
        STATIC_DIR: path.join(prefix, "static"),
        BUILD_ID: "test",
        CONTENT_HASH: "test",
      },
    });
    const lessons = await writeLessonFiles(prefix, `http://127.0.0.1:${appPort}`, ["/chapters/03-log"]);
    expect(lessons.written).toEqual(["/chapters/03-log"]);
    writeGenerations(prefix);
    testNginx(nginx!, prefix);
    child = startNginx(nginx!, prefix);
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${base}/chapters/03-log`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 30_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
    app.close();
    submit.close();
    rmSync(prefix, { recursive: true, force: true });
  });

  it("serves a prerendered lesson from its file, gzipped for a browser, with the page's own headers", async () => {
    const res = await fetch(`${base}/chapters/03-log`, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-cache")).toBe("STATIC");
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toBe(PAGE); // fetch decodes the gzip twin

    const raw = await fetch(`${base}/chapters/03-log`, { headers: { "accept-encoding": "identity" } });
    expect(raw.headers.get("content-encoding")).toBeNull();
    expect(await raw.text()).toBe(PAGE);
  });

  it("sends a client navigation (RSC: 1) to the app, never the HTML file", async () => {
    const res = await fetch(`${base}/chapters/03-log?_rsc=abc`, { headers: { rsc: "1", "next-router-state-tree": "%5B%5D" } });
    expect(await res.text()).toBe("app GET /chapters/03-log?_rsc=abc rsc=1");
    expect(res.headers.get("x-cache")).not.toBe("STATIC");
  });

  it("serves the file for a request whose RSC header is not exactly 1, as the app itself would", async () => {
    const res = await fetch(`${base}/chapters/03-log`, { headers: { rsc: "0", "accept-encoding": "gzip" } });
    expect(res.headers.get("x-cache")).toBe("STATIC");
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(await res.text()).toBe(PAGE);
  });

  it("sends quiz submissions to the submission host and other API calls to the app", async () => {
    const sub = await fetch(`${base}/api/quizzes/03-log/attempts`, { method: "POST", body: "{}" });
    expect(await sub.text()).toBe("submit POST /api/quizzes/03-log/attempts rsc=");
    const api = await fetch(`${base}/api/progress`);
    expect(await api.text()).toBe("app GET /api/progress rsc=");
    const me = await fetch(`${base}/me`);
    expect(await me.text()).toBe("app GET /me rsc=");
  });

  it("refuses an API body over 64 KB itself with a Korean JSON 413", async () => {
    const res = await fetch(`${base}/api/progress`, { method: "POST", body: "x".repeat(70 * 1024) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "요청 본문이 너무 큽니다." });
  });
});
