// `npm run test:load`: load and fault runs on loopback, each bounded, each printing what it found.
// Exits 1 when any run breaks its rule.
//   students      200 concurrent students through start:cached (SQLite) for --seconds (60): every
//                 acknowledged attempt is in the database, no non-2xx
//   pg-restart    PostgreSQL restarted mid-run: each answer is a success or a clear retryable error
//                 (503 + Retry-After), and no acknowledged attempt is lost
//   sigkill       the app (SQLite) SIGKILLed during writes: integrity_check ok, nothing acknowledged lost
//   two-instances two apps on one PostgreSQL: a session and progress made through one show through the other
// Flags: --only a,b  --seconds S (students; the fault runs use a third of it, at least 10 s)
//        --clients N (200)  --users N (20 signed-in students sharing the clients)
//        --shared-postgres  restart the machine's own cluster on 127.0.0.1:5432 instead of a private one
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createTestDatabase } from "../lib/testing/test-database";
import { startPrivatePostgres, type PrivatePostgres } from "../bench/lib/private-postgres.mts";
import { correctAnswers, quizSlugs } from "../bench/lib/quiz-body.mts";
import { pidListeningOn } from "../bench/lib/rss.mts";
import { startApp, startCached, type Started } from "../bench/lib/servers.mts";
import { createStudent, signIn } from "../bench/lib/session.mts";
import { describe, missingAttempts, runSubmitters } from "../bench/lib/submitters.mts";
import { flag, opt } from "../bench/lib/args.mts";

const seconds = Number(opt("seconds", "60"));
const faultSeconds = Math.max(10, Math.round(seconds / 3));
const clients = Number(opt("clients", "200"));
const users = Number(opt("users", "20"));
const only = new Set(opt("only", "students,pg-restart,sigkill,two-instances").split(","));
const PORTS = { nginx: 8102, a: 3112, b: 3122, app: 3102 };
const slug = quizSlugs()[0];
const answers = correctAnswers(slug);
const secret = () => randomBytes(32).toString("base64url");
const failures: string[] = [];
const started: Started[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? "통과" : "실패"}: ${what}`);
  if (!ok) failures.push(what);
};

/** Signs in `n` fresh students, waiting out a 429 (rate limit) when the app answers one. */
async function signInMany(databaseUrl: string, origin: string, n: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = await createStudent(databaseUrl, `load${i}`);
    for (let tries = 0; ; tries++) {
      try {
        cookies.push(await signIn(origin, s.email, s.password));
        break;
      } catch (e) {
        if (tries >= 3) throw e;
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  }
  return cookies;
}

let pg = null as PrivatePostgres | null;
const pgBase = () => {
  if (flag("shared-postgres")) return "postgresql://postgres@127.0.0.1:5432/postgres";
  pg ??= startPrivatePostgres();
  return pg.url;
};
const restartPostgres = (): Promise<void> => {
  if (pg) return pg.restart();
  const version = readdirSync("/etc/postgresql").sort().pop()!;
  const child = spawn("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"], { stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", () => resolve()));
};

try {
  if (only.has("students")) {
    console.log(`\n[students] 학생 ${clients}명(계정 ${users}개)이 ${seconds}초 동안 제출 — start:cached, SQLite`);
    const db = await createTestDatabase(undefined, "kafka_course_load");
    const app = await startCached(PORTS.nginx, [PORTS.a, PORTS.b], ".nginx/load-cached", { databaseUrl: db.url, authSecret: secret() });
    started.push(app);
    const origin = `http://127.0.0.1:${PORTS.nginx}`;
    const cookies = await signInMany(db.url, origin, users);
    const s = await runSubmitters({ origin, slug, answers, cookies, clients, seconds });
    console.log(`  ${describe(s)}`);
    await app.stop();
    const missing = await missingAttempts(db.url, [...s.acknowledged.keys()]);
    check(
      s.acknowledged.size > 0 && missing.length === 0,
      `확인된 시도 ${s.acknowledged.size}건 모두 데이터베이스에 있음 (없음 ${missing.length})`,
    );
    const non2xx = [...s.statuses].filter(([k]) => k < 200 || k >= 300).reduce((a, [, v]) => a + v, 0);
    const conn = [...s.clientErrors.values()].reduce((a, b) => a + b, 0);
    check(non2xx === 0 && conn === 0, `2xx가 아닌 응답 ${non2xx}건, 연결 오류 ${conn}건 (기준 0)`);
    if (s.unclear.length) console.log(`  예: ${JSON.stringify(s.unclear[0])}`);
    await db.cleanup();
  }

  if (only.has("pg-restart")) {
    console.log(
      `\n[pg-restart] PostgreSQL을 ${faultSeconds}초 실행의 중간에 재시작 (${flag("shared-postgres") ? "127.0.0.1:5432" : "전용 클러스터"})`,
    );
    const db = await createTestDatabase(pgBase(), "kafka_course_load_pg");
    const app = await startApp(PORTS.app, { databaseUrl: db.url, authSecret: secret() });
    started.push(app);
    const origin = `http://127.0.0.1:${PORTS.app}`;
    const cookies = await signInMany(db.url, origin, Math.min(users, 5));
    // The restart runs beside the clients (not blocking them), once writes are flowing.
    let restarted: Promise<void> = Promise.resolve();
    const fault = {
      atAcknowledged: 30,
      run: () => {
        console.log("  확인된 시도 30건 뒤 PostgreSQL 재시작…");
        restarted = restartPostgres().then(() => console.log("  PostgreSQL 다시 올라옴"));
      },
    };
    const s = await runSubmitters({ origin, slug, answers, cookies, clients: 50, seconds: faultSeconds, retry503: true, fault });
    await restarted;
    console.log(`  ${describe(s)}`);
    await app.stop();
    const missing = await missingAttempts(db.url, [...s.acknowledged.keys()]);
    check(s.acknowledged.size > 0 && missing.length === 0, `확인된 시도 ${s.acknowledged.size}건 모두 남음 (없음 ${missing.length})`);
    check(
      s.unclear.length === 0,
      `성공 또는 503 + Retry-After 외의 응답 ${s.unclear.length}건${s.unclear.length ? ` (예: ${JSON.stringify(s.unclear[0])})` : ""}`,
    );
    await db.cleanup();
  }

  if (only.has("sigkill")) {
    console.log(`\n[sigkill] SQLite에 쓰는 중에 앱을 SIGKILL, 다시 시작 후 확인`);
    const db = await createTestDatabase(undefined, "kafka_course_load_kill");
    const authSecret = secret();
    let app = await startApp(PORTS.app, { databaseUrl: db.url, authSecret });
    started.push(app);
    const origin = `http://127.0.0.1:${PORTS.app}`;
    const cookies = await signInMany(db.url, origin, Math.min(users, 5));
    const fault = {
      atAcknowledged: 30,
      run: () => {
        const pid = pidListeningOn(PORTS.app);
        console.log(`  확인된 시도 30건 뒤 next-server(pid ${pid}) SIGKILL`);
        if (pid) process.kill(pid, "SIGKILL");
      },
    };
    const s = await runSubmitters({ origin, slug, answers, cookies, clients: 50, seconds: faultSeconds, fault });
    console.log(`  ${describe(s)}`);
    await app.stop();
    app = await startApp(PORTS.app, { databaseUrl: db.url, authSecret });
    started.push(app);
    const file = db.url.replace(/^file:/, "");
    const sqlite = new Database(file, { readonly: true });
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    sqlite.close();
    check(integrity === "ok", `PRAGMA integrity_check = ${integrity}`);
    const missing = await missingAttempts(db.url, [...s.acknowledged.keys()]);
    check(s.acknowledged.size > 0 && missing.length === 0, `확인된 시도 ${s.acknowledged.size}건 모두 남음 (없음 ${missing.length})`);
    const after = await fetch(`${origin}/api/progress`, { headers: { cookie: cookies[0] } });
    check(after.ok, `다시 시작한 앱이 같은 세션으로 진도를 돌려줌 (HTTP ${after.status})`);
    await app.stop();
    await db.cleanup();
  }

  if (only.has("two-instances")) {
    console.log(`\n[two-instances] 앱 두 개(:${PORTS.a}, :${PORTS.b})가 PostgreSQL 하나를 공유`);
    const db = await createTestDatabase(pgBase(), "kafka_course_load_two");
    const authSecret = secret();
    const a = await startApp(PORTS.a, { databaseUrl: db.url, authSecret });
    started.push(a);
    const b = await startApp(PORTS.b, { databaseUrl: db.url, authSecret });
    started.push(b);
    const A = `http://127.0.0.1:${PORTS.a}`;
    const B = `http://127.0.0.1:${PORTS.b}`;
    const student = await createStudent(db.url, "two");
    const cookie = await signIn(A, student.email, student.password);
    const session = (await (await fetch(`${B}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } } | null;
    check(session?.user?.email === student.email, `A에서 로그인한 세션을 B가 알아봄 (${session?.user?.email ?? "없음"})`);
    const post = (origin: string, p: string, body: unknown) =>
      fetch(origin + p, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, origin, "sec-fetch-site": "same-origin" },
        body: JSON.stringify(body),
      });
    const read = await post(A, "/api/progress/read", { chapter: slug });
    const attempt = await post(A, `/api/quizzes/${slug}/attempts`, { answers });
    const progress = (await (await fetch(`${B}/api/progress`, { headers: { cookie } })).json()) as { progress?: unknown };
    const seen = JSON.stringify(progress.progress ?? null);
    check(
      read.ok && attempt.status === 201 && seen.includes(slug),
      `A에서 읽음 표시와 퀴즈 제출 → B의 /api/progress에 ${slug} (${seen.slice(0, 160)})`,
    );
    const attemptB = await post(B, `/api/quizzes/${slug}/attempts`, { answers });
    const progressA = (await (await fetch(`${A}/api/progress`, { headers: { cookie } })).json()) as { progress?: unknown };
    check(attemptB.status === 201 && JSON.stringify(progressA).includes(slug), "B에서 제출한 시도가 A의 진도에도 보임");
    await b.stop();
    await a.stop();
    await db.cleanup();
  }
} finally {
  for (const s of started.reverse()) await s.stop();
  pg?.stop();
}

console.log(failures.length ? `\n실패 ${failures.length}건:\n${failures.map((f) => `  - ${f}`).join("\n")}` : "\n모든 부하·장애 점검 통과");
process.exit(failures.length ? 1 : 0);
