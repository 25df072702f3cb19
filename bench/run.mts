// `npm run bench`: every figure of the production-readiness and weight targets, each beside a
// baseline measured in the same run, in one table; JSON into bench/RESULTS.md. Loopback only.
//   --lighthouse          also Lighthouse mobile per chapter (median of three by default; slow)
//   --instances N         next start processes behind nginx (default 2)
//   --seconds S           length of each load run (default 10)
//   --only a,b            lesson,submission,engine,weight,lighthouse (default all but lighthouse)
//   --ports-from P        nginx on P, next start on P+1, P+2…, floor, submission host and the from-disk
//                         baseline after them (default 8102, 3112, 3122, 3102, 3132, 8103)
//   --lighthouse-chapters a,b   only these chapters (default every chapter)
//   --lighthouse-theme t  light (default) or dark (prefers-color-scheme: dark)
//   --lighthouse-runs N   runs per chapter (default 3; the median is reported)
//   --lighthouse-reports D  keep every run's full Lighthouse JSON in directory D
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHmac } from "node:crypto";
import { createTestDatabase } from "../lib/testing/test-database";
import { firstLoadJs } from "./lib/first-load-js.mts";
import { hasCommand, hey, wrk, type LoadResult } from "./lib/load-tools.mts";
import { pidsListening, withCpu } from "./lib/cpu.mts";
import { correctAnswers } from "./lib/quiz-body.mts";
import { startCached, startProcess, waitForHttp, type Started } from "./lib/servers.mts";
import { createStudent, signIn } from "./lib/session.mts";
import { startStaticNginx } from "./lib/static-nginx.mts";
import { fmt, ratio, renderTable, type Row } from "./lib/table.mts";
import { engineRows } from "./lib/engine-rows.mts";
import { lighthouseRows } from "./lib/lighthouse.mts";
import { flag, opt } from "./lib/args.mts";

const seconds = Number(opt("seconds", "10"));
const instances = Number(opt("instances", "2"));
const only = new Set(opt("only", "lesson,submission,engine,weight").split(","));
if (flag("lighthouse")) only.add("lighthouse");

const portsFrom = Number(opt("ports-from", "0"));
const PORTS = portsFrom
  ? {
      nginx: portsFrom,
      apps: Array.from({ length: instances }, (_, i) => portsFrom + 1 + i),
      floor: portsFrom + 1 + instances,
      submit: portsFrom + 2 + instances,
      disk: portsFrom + 3 + instances,
    }
  : { nginx: 8102, apps: [3112, 3122].slice(0, instances), floor: 3102, submit: 3132, disk: 8103 };
const BROWSER_AE = "gzip, deflate, br";
const chapters = readdirSync(".next/server/app/chapters")
  .filter((f) => f.endsWith(".html"))
  .map((f) => f.slice(0, -5))
  .sort();
// The heaviest prerendered chapter by default: the hardest page for every server measured.
const htmlBytes = (slug: string) => statSync(path.join(".next/server/app/chapters", `${slug}.html`)).size;
const lessonSlug = opt(
  "chapter",
  chapters.reduce((a, b) => (htmlBytes(b) > htmlBytes(a) ? b : a)),
);
const quizSlug = opt("quiz", lessonSlug);

for (const tool of ["wrk", "hey", "nginx"]) {
  if (!hasCommand(tool) && !existsSync(`/usr/sbin/${tool}`)) {
    console.error(`${tool}이(가) 없습니다: apt-get install -y ${tool}`);
    process.exit(2);
  }
}
if (!existsSync(".next/BUILD_ID")) {
  console.error("빌드가 없습니다: 먼저 npm run build");
  process.exit(2);
}

const rows: Row[] = [];
const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  instances,
  seconds,
};
const started: Started[] = [];
const stopAll = async () => {
  for (const s of started.splice(0).reverse()) await s.stop();
};
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
const t0 = Date.now();
const step = (what: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${what}`);

const summary = (r: LoadResult & { cpuUsPerRequest?: number }) => ({
  rps: r.rps,
  ...(r.cpuUsPerRequest !== undefined ? { cpuUsPerRequest: Math.round(r.cpuUsPerRequest) } : {}),
  p50Ms: r.p50Ms,
  p99Ms: r.p99Ms,
  requests: r.requests,
  non2xx: r.non2xx,
  errors: r.errors,
});
const lessonLoad = (url: string, s = Math.min(seconds, 8)) => wrk({ url, headers: { "accept-encoding": BROWSER_AE } }, { connections: 100, seconds: s });
const median = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
};
const LESSON_ROUNDS = 3;

const tmp = path.join(os.tmpdir(), `kafka-course-bench-${process.pid}`);
const prefixRoot = path.resolve(".nginx");
try {
  type Measured = LoadResult & { cpuUsPerRequest?: number };
  const lesson: { next?: LoadResult; cached?: Measured; disk?: Measured; rounds?: { cached: Measured; disk: Measured }[] } = {};
  const sub: { appClosed?: Measured; appOpen?: Measured; floorClosed?: Measured; floorOpen?: Measured } = {};
  const body = JSON.stringify({ answers: correctAnswers(quizSlug) });

  if (only.has("lesson") || only.has("submission")) {
    step(`start:cached (nginx :${PORTS.nginx} → next start ${PORTS.apps.map((p) => `:${p}`).join(", ")})`);
    const db = await createTestDatabase(undefined, "kafka_course_bench");
    const app = await startCached(PORTS.nginx, PORTS.apps, path.join(prefixRoot, "bench-cached"), {
      databaseUrl: db.url,
      authSecret: randomBytes(32).toString("base64url"),
      extraEnv: { SUBMIT_PORTS: String(PORTS.submit) },
    });
    started.push(app);
    const origin = `http://127.0.0.1:${PORTS.nginx}`;
    if (only.has("lesson")) {
      // The cache and its baseline run side by side under the same conditions (the app processes idle
      // behind both), alternating, before anything loads the app: the ratio is the median of the rounds.
      step(`lesson /chapters/${lessonSlug}: nginx cache and nginx from disk (:${PORTS.disk}) alternating, ${LESSON_ROUNDS} rounds`);
      const disk = await startStaticNginx(PORTS.disk, path.join(prefixRoot, "bench-static"), [lessonSlug]);
      started.push(disk);
      const each = Math.max(2, Math.round(Math.min(seconds, 8) / 2));
      const cachedPids = pidsListening([PORTS.nginx]);
      const diskPids = pidsListening([PORTS.disk]);
      lesson.rounds = [];
      for (let i = 0; i < LESSON_ROUNDS; i++) {
        const d = withCpu(diskPids, () => lessonLoad(`http://127.0.0.1:${PORTS.disk}/chapters/${lessonSlug}`, each));
        const c = withCpu(cachedPids, () => lessonLoad(`${origin}/chapters/${lessonSlug}`, each));
        lesson.rounds.push({ cached: c, disk: d });
      }
      const pick = (k: "cached" | "disk") => {
        const runs = lesson.rounds!.map((r) => r[k]);
        const rps = median(runs.map((r) => r.rps));
        return { ...runs.find((r) => r.rps === rps)!, rps, cpuUsPerRequest: median(runs.map((r) => r.cpuUsPerRequest ?? NaN)) };
      };
      lesson.cached = pick("cached");
      lesson.disk = pick("disk");
      await started.pop()!.stop();
      step(`lesson /chapters/${lessonSlug}: next start`);
      lesson.next = lessonLoad(`http://127.0.0.1:${PORTS.apps[0]}/chapters/${lessonSlug}`);
    }
    if (only.has("submission")) {
      const student = await createStudent(db.url, "bench");
      const cookie = await signIn(origin, student.email, student.password);
      const req = {
        url: `${origin}/api/quizzes/${quizSlug}/attempts`,
        method: "POST" as const,
        headers: { "content-type": "application/json", cookie, origin, "sec-fetch-site": "same-origin" },
        body,
      };
      const probe = await fetch(req.url, { method: "POST", headers: req.headers, body });
      const probeBody = (await probe.json()) as { saved?: boolean; error?: string };
      if (probe.status !== 201 || !probeBody.saved) throw new Error(`submission probe: HTTP ${probe.status} ${JSON.stringify(probeBody)}`);
      step(`submission (signed in, SQLite, stored) through start:cached: wrk -c 100, then hey -c 50 -q 10`);
      const appPids = pidsListening([PORTS.nginx, ...PORTS.apps, PORTS.submit]);
      sub.appClosed = withCpu(appPids, () => wrk(req, { connections: 100, seconds }));
      sub.appOpen = hey(req, { workers: 50, perWorkerRate: 10, seconds });
    }
    await stopAll();
    await db.cleanup();
  }

  if (only.has("submission")) {
    step(`floor: node:http + better-sqlite3 on :${PORTS.floor}`);
    const secret = randomBytes(32).toString("hex");
    const floorDb = `${tmp}-floor.db`;
    const floor = startProcess("floor", process.execPath, ["bench/floor-server.mjs"], {
      PORT: String(PORTS.floor),
      FLOOR_DB: floorDb,
      FLOOR_SECRET: secret,
      FLOOR_KEY: JSON.stringify(correctAnswers(quizSlug)),
    });
    started.push(floor);
    await waitForHttp(`http://127.0.0.1:${PORTS.floor}/`, 10_000, (r) => r.status === 401);
    const cookie = `floor=bench.${createHmac("sha256", secret).update("bench").digest("base64url")}`;
    const req = {
      url: `http://127.0.0.1:${PORTS.floor}/api/quizzes/${quizSlug}/attempts`,
      method: "POST" as const,
      headers: { "content-type": "application/json", cookie },
      body,
    };
    sub.floorClosed = withCpu(pidsListening([PORTS.floor]), () => wrk(req, { connections: 100, seconds }));
    sub.floorOpen = hey(req, { workers: 50, perWorkerRate: 10, seconds });
    await stopAll();
    for (const f of [floorDb, `${floorDb}-wal`, `${floorDb}-shm`]) rmSync(f, { force: true });
  }

  if (only.has("lesson")) {
    const g = `Lesson /chapters/${lessonSlug} (wrk -c 100, Accept-Encoding: ${BROWSER_AE})`;
    const roundRatios = (lesson.rounds ?? []).map((r) => r.cached.rps / r.disk.rps);
    const lessonRatio = roundRatios.length ? median(roundRatios) : NaN;
    rows.push(
      {
        group: g,
        figure: "next start",
        value: fmt(lesson.next?.rps, " req/s"),
        baseline: `from disk ${fmt(lesson.disk?.rps, " req/s")}`,
        ratio: ratio(lesson.next?.rps, lesson.disk?.rps),
        target: "",
      },
      {
        group: g,
        figure: `start:cached (nginx cache), median of ${LESSON_ROUNDS} alternating rounds`,
        value: fmt(lesson.cached?.rps, " req/s"),
        baseline: `from disk ${fmt(lesson.disk?.rps, " req/s")}`,
        ratio: `${lessonRatio.toFixed(2)}×`,
        target: "≥ 0.80× from disk",
        met: lessonRatio >= 0.8,
      },
      {
        group: g,
        figure: "nginx CPU per lesson (cache vs from disk)",
        value: fmt(lesson.cached?.cpuUsPerRequest, " µs", 1),
        baseline: `from disk ${fmt(lesson.disk?.cpuUsPerRequest, " µs", 1)}`,
        ratio: ratio(lesson.cached?.cpuUsPerRequest, lesson.disk?.cpuUsPerRequest),
        target: "",
      },
      {
        group: g,
        figure: "nginx from disk, gzip_static",
        value: fmt(lesson.disk?.rps, " req/s"),
        baseline: "(the baseline)",
        ratio: "1.00×",
        target: "",
      },
    );
    results.lesson = {
      next: lesson.next && summary(lesson.next),
      cached: lesson.cached && summary(lesson.cached),
      disk: lesson.disk && summary(lesson.disk),
      roundRatios: roundRatios.map((r) => Number(r.toFixed(3))),
    };
  }

  if (only.has("submission")) {
    const { appClosed: a, floorClosed: f, appOpen: ao, floorOpen: fo } = sub;
    const g = `Submission /api/quizzes/${quizSlug}/attempts (signed in, SQLite, stored)`;
    rows.push(
      {
        group: g,
        figure: `closed loop wrk -c 100, ${seconds} s`,
        value: `${fmt(a?.rps, " req/s")}, p50 ${fmt(a?.p50Ms, " ms", 1)}, p99 ${fmt(a?.p99Ms, " ms", 1)}, errors ${fmt((a?.errors ?? 0) + (a?.non2xx ?? 0))}`,
        baseline: `floor ${fmt(f?.rps, " req/s")}, p50 ${fmt(f?.p50Ms, " ms", 1)}, p99 ${fmt(f?.p99Ms, " ms", 1)}`,
        ratio: ratio(a?.rps, f?.rps),
        target: "≥ 1,000 req/s, 0 errors",
        met: (a?.rps ?? 0) >= 1000 && a?.errors === 0 && a?.non2xx === 0,
      },
      {
        group: g,
        figure: "CPU per submission (closed loop; nginx + app processes)",
        value: fmt(a?.cpuUsPerRequest, " µs"),
        baseline: `floor ${fmt(f?.cpuUsPerRequest, " µs")}`,
        ratio: ratio(a?.cpuUsPerRequest, f?.cpuUsPerRequest),
        target: "",
      },
      {
        group: g,
        figure: `open loop hey -c 50 -q 10 (500/s), ${seconds} s`,
        value: `p99 ${fmt(ao?.p99Ms, " ms", 1)}, p50 ${fmt(ao?.p50Ms, " ms", 1)}, ${fmt(ao?.rps, " req/s")}, errors ${fmt((ao?.errors ?? 0) + (ao?.non2xx ?? 0))}`,
        baseline: `floor p99 ${fmt(fo?.p99Ms, " ms", 1)}, p50 ${fmt(fo?.p50Ms, " ms", 1)}`,
        ratio: ratio(ao?.p99Ms, fo?.p99Ms),
        target: "p99 ≤ 50 ms, 0 errors",
        met: (ao?.p99Ms ?? Infinity) <= 50 && ao?.errors === 0 && ao?.non2xx === 0,
      },
    );
    results.submission = Object.fromEntries(Object.entries(sub).map(([k, v]) => [k, v && summary(v)]));
  }

  if (only.has("engine")) {
    step("engine micro-benchmarks (bench/*.bench.ts)");
    const engine = engineRows();
    rows.push(...engine.rows);
    results.engine = engine.json;
  }

  if (only.has("weight")) {
    const weights = chapters.map((slug) => ({ slug, ...firstLoadJs(path.join(".next/server/app/chapters", `${slug}.html`)) }));
    for (const w of weights) {
      rows.push({
        group: "First-load JS per chapter (gzip)",
        figure: w.slug,
        value: fmt(w.bytes / 1024, " KB", 1),
        baseline: `framework alone ${fmt(w.frameworkBytes / 1024, " KB", 1)}`,
        ratio: ratio(w.bytes, w.frameworkBytes),
        target: "≤ 150 KB",
        met: w.bytes <= 150 * 1024,
      });
    }
    results.firstLoadJs = weights;
  }

  if (only.has("lighthouse")) {
    step("Lighthouse mobile per chapter (median of the runs)");
    const lhChapters = opt("lighthouse-chapters", chapters.join(",")).split(",");
    const theme = opt("lighthouse-theme", "light") === "dark" ? "dark" : "light";
    const lh = await lighthouseRows(lhChapters, {
      port: PORTS.nginx,
      apps: PORTS.apps,
      prefix: path.join(prefixRoot, "bench-lighthouse"),
      theme,
      runs: Number(opt("lighthouse-runs", "3")),
      reports: opt("lighthouse-reports", "") || undefined,
    });
    rows.push(...lh.rows);
    results.lighthouse = lh.json;
  }
} finally {
  await stopAll();
}

const table = renderTable(rows);
console.log(`\n${table}\n`);
results.durationSeconds = Math.round((Date.now() - t0) / 1000);
writeFileSync(
  "bench/RESULTS.md",
  `# Bench results\n\nWritten by \`npm run bench\` (${results.date}, ${os.cpus().length} cores, Node ${process.version}). ` +
    `Each figure is beside a baseline measured in the same run.\n\n${table}\n\n\`\`\`json\n${JSON.stringify(results, null, 2)}\n\`\`\`\n`,
);
console.log(`bench/RESULTS.md 기록 (${results.durationSeconds} s)`);
// A server that outlived its stop would keep this process alive through its inherited stdout.
process.exit(0);
