// `npm run test:fuzz`: seeded malformed requests against every route and page of a fresh app (its own
// SQLite database, loopback). Every answer must be below 500; a JSON 4xx must carry a Korean `error`;
// the server's memory must stay bounded. Prints what it found; exits 1 on any violation.
//   --requests N (10000)  --seed S (1)  --concurrency C (8)  --port P (3102)  --rss-growth-mb M (400)
//   --url http://…        fuzz an app that is already running instead (memory then not sampled
//                         unless it listens on loopback)
//   --case N              print case N of this seed and send only it
import { randomBytes } from "node:crypto";
import http from "node:http";
import { encode } from "@auth/core/jwt";
import { createDb } from "../lib/db/client";
import { createTestDatabase } from "../lib/testing/test-database";
import { pidListeningOn, sampleRss } from "../bench/lib/rss.mts";
import { correctAnswers, quizSlugs } from "../bench/lib/quiz-body.mts";
import { startApp, type Started } from "../bench/lib/servers.mts";
import { createStudent, signIn } from "../bench/lib/session.mts";
import { makeCases, type FuzzCase, type FuzzContext } from "./fuzz-cases.mts";
import { listRoutes } from "./fuzz-routes.mts";
import { flag, opt } from "../bench/lib/args.mts";

const requests = Number(opt("requests", "10000"));
const seed = Number(opt("seed", "1"));
const concurrency = Number(opt("concurrency", "8"));
const port = Number(opt("port", "3102"));
// The app runs with --max-semi-space-size=64 (scripts/start.mts, ADR 0029): under this load its young
// generation alone grows RSS by up to ~150 MB more than V8's default would (1,500 requests: 183 MB growth
// with 16 MB semi-spaces, 227–328 MB with 64 MB). The limit still catches what it is for: a body read
// whole before the cap once grew the server by 1.15 GB.
const rssGrowthMb = Number(opt("rss-growth-mb", "400"));
const onlyCase = flag("case") ? Number(opt("case", "0")) : null;

let app: Started | undefined;
let cleanup = async () => {};
let origin = opt("url", "");
const secret = randomBytes(32).toString("base64url");
const t0 = Date.now();

const cookieName = "authjs.session-token";
async function context(databaseUrl: string | null): Promise<FuzzContext> {
  const slugs = quizSlugs();
  const questionIds = slugs.flatMap((s) => Object.keys(correctAnswers(s)));
  const cookies: FuzzContext["cookies"] = {
    none: "",
    forged: `${cookieName}=${randomBytes(150).toString("base64url")}`,
    garbage: `a=b; ;;==; ${cookieName}=%%%; =x; ${"c".repeat(50)}=`,
    huge: `${cookieName}=${"A".repeat(7000)}`,
    valid: "",
    deletedUser: "",
    expired: "",
  };
  if (databaseUrl) {
    const live = await createStudent(databaseUrl, "fuzz");
    const gone = await createStudent(databaseUrl, "fuzz-deleted");
    cookies.valid = await signIn(origin, live.email, live.password);
    cookies.deletedUser = await signIn(origin, gone.email, gone.password);
    const db = createDb(databaseUrl);
    await db.user.delete({ where: { id: gone.id } });
    await db.$disconnect();
    const token = { sub: live.id, email: live.email, name: "fuzz", role: "student" };
    cookies.expired = `${cookieName}=${await encode({ token, secret, salt: cookieName, maxAge: -3600 })}`;
  }
  return { origin, slugs, questionIds, cookies };
}

interface Outcome {
  c: FuzzCase;
  status: number;
  error?: string;
  json?: boolean;
  koreanError?: boolean;
  snippet?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
function send(c: FuzzCase): Promise<Outcome> {
  return new Promise((resolve) => {
    const body = c.hugeBytes ? Buffer.alloc(c.hugeBytes, 0x7b) : c.body;
    const u = new URL(origin);
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method: c.method,
        path: c.path,
        headers: { ...c.headers, ...(body ? { "content-length": body.length } : {}) },
        agent,
        timeout: 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (d: Buffer) => {
          if (size < 64 * 1024) chunks.push(d);
          size += d.length;
        });
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const json = /application\/json/.test(String(res.headers["content-type"] ?? ""));
          let koreanError: boolean | undefined;
          if (json) {
            try {
              const e = (JSON.parse(text) as { error?: unknown }).error;
              koreanError = typeof e === "string" && /[가-힣]/.test(e);
            } catch {
              koreanError = false;
            }
          }
          resolve({ c, status: res.statusCode ?? 0, json, koreanError, snippet: text.slice(0, 160) });
        });
        res.on("error", (e) => resolve({ c, status: 0, error: e.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout (20 s)")));
    req.on("error", (e) => {
      // A server may answer 413 and close before the whole body is sent: that is not a failure.
      resolve({ c, status: 0, error: (e as NodeJS.ErrnoException).code ?? e.message });
    });
    req.end(body);
  });
}

try {
  let databaseUrl: string | null = null;
  if (!origin) {
    const db = await createTestDatabase(undefined, "kafka_course_fuzz");
    databaseUrl = db.url;
    cleanup = db.cleanup;
    console.log(`앱 시작 (127.0.0.1:${port}, ${db.url})…`);
    app = await startApp(port, { databaseUrl: db.url, authSecret: secret });
    origin = `http://127.0.0.1:${port}`;
  }
  const ctx = await context(databaseUrl);
  const routes = listRoutes();
  const cases = makeCases(routes, ctx, seed, onlyCase !== null ? onlyCase + 1 : requests);
  const todo = onlyCase !== null ? [cases[onlyCase]] : cases;
  if (onlyCase !== null) console.log(JSON.stringify({ ...todo[0], body: todo[0].body?.toString("utf8").slice(0, 2000) }, null, 2));
  console.log(`경로 ${routes.length}개 (+ 없는 경로), 요청 ${todo.length}개, seed ${seed}, 동시 ${concurrency}`);

  const pid = pidListeningOn(Number(new URL(origin).port));
  const rss = pid ? sampleRss(pid) : null;
  const outcomes: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < todo.length) {
        const c = todo[next++];
        outcomes.push(await send(c));
        if (outcomes.length % 1000 === 0) console.log(`  ${outcomes.length}/${todo.length}`);
      }
    }),
  );
  const mem = rss?.stop();

  // Connection errors on huge bodies are the server refusing early; elsewhere they are failures.
  // A HEAD answer has no body, so it cannot carry the Korean message.
  const violations = outcomes.filter(
    (o) =>
      o.status >= 500 ||
      (o.status === 0 && !(o.c.hugeBytes && /EPIPE|ECONNRESET/.test(o.error ?? ""))) ||
      (o.status >= 400 && o.status < 500 && o.json && !o.koreanError && o.c.method !== "HEAD"),
  );
  const byClass = new Map<string, number>();
  const byRoute = new Map<string, Map<string, number>>();
  for (const o of outcomes) {
    const cls = o.status === 0 ? `conn:${o.error}` : `${Math.floor(o.status / 100)}xx`;
    byClass.set(cls, (byClass.get(cls) ?? 0) + 1);
    const m = byRoute.get(o.c.route) ?? new Map<string, number>();
    m.set(cls, (m.get(cls) ?? 0) + 1);
    byRoute.set(o.c.route, m);
  }
  console.log(`\n응답 분포: ${[...byClass].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  for (const [route, m] of [...byRoute].sort()) console.log(`  ${route.padEnd(34)} ${[...m].map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const kinds = new Map<string, { n: number; example: Outcome }>();
  for (const v of violations) {
    const why = v.status >= 500 ? `${v.status}` : v.status === 0 ? `connection ${v.error}` : `${v.status} JSON without a Korean error`;
    const key = `${v.c.method} ${v.c.route} → ${why}`;
    const k = kinds.get(key) ?? { n: 0, example: v };
    k.n++;
    kinds.set(key, k);
  }
  if (kinds.size) {
    console.log(`\n위반 ${violations.length}건 (종류 ${kinds.size}):`);
    for (const [key, { n, example }] of [...kinds].sort((a, b) => b[1].n - a[1].n)) {
      console.log(
        `  ${n.toString().padStart(5)} × ${key}\n          e.g. --seed ${seed} --case ${example.c.index}: ${example.c.label.join(" ")} ${example.snippet ? `→ ${example.snippet.replace(/\s+/g, " ").slice(0, 100)}` : ""}`,
      );
    }
  }
  let memoryOk = true;
  if (mem) {
    memoryOk = mem.peakMb - mem.startMb <= rssGrowthMb;
    console.log(
      `\n서버 메모리(RSS): 시작 ${mem.startMb.toFixed(0)} MB, 최대 ${mem.peakMb.toFixed(0)} MB, 끝 ${mem.endMb.toFixed(0)} MB (증가 한도 ${rssGrowthMb} MB: ${memoryOk ? "지킴" : "넘음"})`,
    );
  }
  const fives = outcomes.filter((o) => o.status >= 500).length;
  console.log(`\n${outcomes.length}건, 5xx ${fives}건, 위반 ${violations.length}건, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  process.exitCode = violations.length || !memoryOk ? 1 : 0;
} finally {
  agent.destroy();
  await app?.stop();
  await cleanup();
}
// Nothing may keep the run alive once it has reported (e.g. a server holding its inherited stdout).
process.exit(process.exitCode ?? 0);
