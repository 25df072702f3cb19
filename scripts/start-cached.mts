// `npm run start:cached`: the production setup (docs/decisions/0008). Runs `npm start`'s own script
// (scripts/start.mts: environment, secret, migrations, demo accounts, build when missing) for each
// `next start` process on a loopback port, then nginx on PORT in front of them, caching lessons and
// serving /_next/static precompressed.
//   PORT          public port (default 3000)
//   APP_PORTS     internal ports, comma-separated; one `next start` per port (default PORT+1,PORT+2)
//   SUBMIT_PORTS  internal ports of the submission host (scripts/submission-host.mts), which serves quiz
//                 submissions with the same route handler on bare node:http (ADR 0029; default PORT+3)
//   NGINX_PREFIX  nginx's own directory: config, pid, logs, cache (default .nginx/cached)
import "dotenv/config";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { defaultNginxPrefix, writeGenerations, writeLessonFiles } from "../deploy/lesson-cache.mts";
import {
  nginxHasBrotli,
  precompressTree,
  productionTemplates,
  renderNginx,
  requireNginx,
  startNginx,
  testNginx,
  treeHash,
} from "../deploy/nginx/render.mts";

const nginx = requireNginx();
const port = Number(process.env.PORT ?? 3000);
const appPorts = (process.env.APP_PORTS ?? `${port + 1},${port + 2}`)
  .split(",")
  .map((p) => Number(p.trim()))
  .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
const submitPorts = (process.env.SUBMIT_PORTS ?? `${port + 3}`)
  .split(",")
  .map((p) => Number(p.trim()))
  .filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
if (!Number.isInteger(port) || appPorts.length === 0 || appPorts.includes(port) || submitPorts.length === 0 || submitPorts.some((p) => p === port || appPorts.includes(p))) {
  console.error("PORT, APP_PORTS, SUBMIT_PORTS가 올바르지 않습니다 (예: PORT=3000 APP_PORTS=3001,3002 SUBMIT_PORTS=3003).");
  process.exit(1);
}
const prefix = defaultNginxPrefix();
const children: ChildProcess[] = [];
let stopping = false;

function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 20_000).unref(); // a loaded machine can take a while to stop next
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null))).then(() => process.exit(code));
}
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stopAll(0));

function supervise(name: string, child: ChildProcess) {
  children.push(child);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`${name}이(가) 멈췄습니다 (exit ${code ?? signal}); 전체를 종료합니다.`);
    stopAll(1);
  });
}

/** One `next start` through scripts/start.mts, bound to loopback. */
function startApp(appPort: number): ChildProcess {
  const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.mts", "-H", "127.0.0.1", "--keepAliveTimeout", "75000"], {
    stdio: "inherit",
    env: { ...process.env, PORT: String(appPort) },
  });
  supervise(`앱 서버(:${appPort})`, child);
  return child;
}

/** The submission host on a loopback port (after the first app migrated the database). */
function startSubmissionHost(submitPort: number): ChildProcess {
  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  const child = spawn(process.execPath, ["--conditions", "react-server", "--import", "tsx", "scripts/submission-host.mts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(submitPort),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: nodeOptions.includes("--max-semi-space-size") ? nodeOptions : `${nodeOptions} --max-semi-space-size=64`.trim(),
    },
  });
  supervise(`제출 서버(:${submitPort})`, child);
  return child;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error("stopped");
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

process.on("uncaughtException", (e) => {
  console.error(e);
  stopAll(1);
});
process.on("unhandledRejection", (e) => {
  console.error(e);
  stopAll(1);
});

// The first instance migrates, seeds and builds when needed; the others start once it is up.
startApp(appPorts[0]);
await waitForHttp(`http://127.0.0.1:${appPorts[0]}/`, 20 * 60_000);
for (const p of appPorts.slice(1)) startApp(p);
await Promise.all(appPorts.slice(1).map((p) => waitForHttp(`http://127.0.0.1:${p}/`, 120_000)));
for (const p of submitPorts) startSubmissionHost(p);
await Promise.all(submitPorts.map((p) => waitForHttp(`http://127.0.0.1:${p}/api/quizzes/x/attempts`, 120_000)));

const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
const staticDir = path.join(prefix, "static", buildId);
const t0 = Date.now();
const pre = precompressTree(path.resolve(".next/static"), staticDir);
console.log(
  `정적 파일 사전 압축: ${pre.files}개, ${(pre.bytes / 1024).toFixed(0)} KB → gzip ${(pre.gzBytes / 1024).toFixed(0)} KB (${Date.now() - t0} ms)` +
    (nginxHasBrotli(nginx) ? "" : ", brotli 모듈 없음: gzip만 제공"),
);

// Every prerendered lesson, written to disk with its gzip twin from what the app itself serves.
const chapters = existsSync(".next/server/app/chapters")
  ? readdirSync(".next/server/app/chapters")
      .filter((f) => f.endsWith(".html"))
      .map((f) => `/chapters/${f.slice(0, -5)}`)
  : [];
const lessons = await writeLessonFiles(prefix, `http://127.0.0.1:${appPorts[0]}`, ["/", ...chapters]);
if (lessons.skipped.length) console.log(`디스크에 쓰지 않은 강의 (프록시 캐시로 제공): ${lessons.skipped.join(", ")}`);

renderNginx({
  prefix,
  templates: productionTemplates(),
  vars: {
    LISTEN: String(port),
    UPSTREAM_SERVERS: appPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n"),
    SUBMIT_SERVERS: submitPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n"),
    STATIC_DIR: staticDir,
    BUILD_ID: buildId,
    // Content files change the key even without a rebuild (e.g. a quiz published into content/).
    CONTENT_HASH: treeHash([path.resolve("content")]),
  },
});
writeGenerations(prefix);
testNginx(nginx, prefix);
supervise("nginx", startNginx(nginx, prefix));
await waitForHttp(`http://127.0.0.1:${port}/`, 30_000);

// Warm the proxy cache for whatever is not on disk, so the first learner already gets a hit.
for (const p of lessons.skipped) {
  for (const enc of ["gzip, deflate, br", ""]) {
    await fetch(`http://127.0.0.1:${port}${p}`, { headers: { "accept-encoding": enc } }).then((r) => r.arrayBuffer());
  }
}
console.log(
  `캐시 서버: http://127.0.0.1:${port} (nginx) → 앱 ${appPorts.map((p) => `127.0.0.1:${p}`).join(", ")}, 제출 ${submitPorts.map((p) => `127.0.0.1:${p}`).join(", ")}; 강의 ${lessons.written.length}개 디스크에서 제공`,
);
