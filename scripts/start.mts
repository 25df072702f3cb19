// `npm start`: the one command that runs the product on a fresh machine.
// Validates the environment, keeps an auth secret, applies migrations, creates the demo accounts in
// demo mode (once; never reset) and the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, builds when there
// is no build, then serves with `next start`.
import "dotenv/config";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { resolveAuthSecret } from "../lib/auth/secret";
import { importContentBank } from "../lib/db/bank";
import { createDb } from "../lib/db/client";
import { isPostgresUrl, parseEnv } from "../lib/env-schema";
import { createUser, demoMode, seed } from "../prisma/seed";

const bin = (name: string) => path.join("node_modules", ".bin", name);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n실패: ${cmd} ${args.join(" ")} (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

let env;
try {
  env = parseEnv(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
resolveAuthSecret(env); // creates the secret file once when AUTH_SECRET is not given
const childEnv = { ...process.env, DATABASE_URL: env.DATABASE_URL, NEXT_TELEMETRY_DISABLED: "1" };

console.log(`데이터베이스: ${isPostgresUrl(env.DATABASE_URL) ? "PostgreSQL" : env.DATABASE_URL}`);
run(bin("prisma"), ["migrate", "deploy"], childEnv);

const db = createDb(env.DATABASE_URL);
if (demoMode(env)) {
  const { created } = await seed(db);
  if (created.length) console.log(`데모 계정 생성: ${created.join(", ")} (데모 모드: 기본 SQLite 파일 또는 DEMO_ACCOUNTS=1)`);
}
if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
  const r = await createUser(db, { email: env.ADMIN_EMAIL, name: "관리자", password: env.ADMIN_PASSWORD, role: "admin" });
  console.log(r.status === "created" ? `관리자 계정 생성: ${env.ADMIN_EMAIL}` : `관리자 계정이 이미 있습니다: ${env.ADMIN_EMAIL} (바꾸지 않음)`);
}
const { summary } = await importContentBank(db); // content/ questions into the bank, once per start
if (summary.created || summary.updated) console.log(`문제 은행: 새 문제 ${summary.created}개, 바뀐 문제 ${summary.updated}개`);
await db.$disconnect();

if (!existsSync(".next/BUILD_ID") || process.env.FORCE_BUILD === "1") {
  console.log("빌드가 없어 먼저 빌드합니다 (npm run build)…");
  run("npm", ["run", "build"], childEnv);
}

// A larger young generation: a request allocates a lot of short-lived objects (web streams, JSON), and
// with V8's default 16 MB semi-space the scavenger ran often enough to cost ~15 % of each submission's
// CPU (ADR 0029). An operator's own NODE_OPTIONS setting wins.
const nodeOptions = process.env.NODE_OPTIONS ?? "";
const serverEnv = {
  ...childEnv,
  NODE_OPTIONS: nodeOptions.includes("--max-semi-space-size") ? nodeOptions : `${nodeOptions} --max-semi-space-size=64`.trim(),
};
const server = spawn(bin("next"), ["start", "-p", String(env.PORT), ...process.argv.slice(2)], { stdio: "inherit", env: serverEnv });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
