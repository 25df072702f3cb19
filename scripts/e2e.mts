// Runs the Playwright journeys against a fresh database: SQLite by default, or a fresh database on
// the PostgreSQL server named by E2E_DATABASE_URL. Builds first (set E2E_SKIP_BUILD=1 to reuse a build).
import { spawnSync } from "node:child_process";
import { createTestDatabase } from "../lib/testing/test-database";

const { url, cleanup } = await createTestDatabase(process.env.E2E_DATABASE_URL, "kafka_course_e2e");
console.log(`E2E database: ${url}`);
// The journeys sign in with the README's demo accounts, which exist only in demo mode.
const env = { ...process.env, DATABASE_URL: url, DEMO_ACCOUNTS: "1", NEXT_TELEMETRY_DISABLED: "1" };

if (process.env.E2E_SKIP_BUILD !== "1") {
  const b = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], { stdio: "inherit", env });
await cleanup();
process.exit(r.status ?? 1);
