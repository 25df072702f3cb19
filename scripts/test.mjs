// `npm test`: every suite in order — type check, lint (ESLint), unit tests, database tests (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set), then the browser journeys (which build the app first), then a short fuzz run.
import { spawnSync } from "node:child_process";

const suites = [
  ["typecheck", ["run", "typecheck"]],
  ["lint", ["run", "lint"]],
  ["unit", ["run", "test:unit"]],
  ["content", ["run", "content:check"]],
  ["database", ["run", "test:db"]],
  ["e2e", ["run", "test:e2e"]],
  // A short seeded fuzz run against the build the journeys just made: no 5xx, Korean 4xx, bounded memory.
  ["fuzz", ["run", "test:fuzz", "--", "--requests", "1500"]],
];
let passed = 0;
let failed = 0;
for (const [name, args] of suites) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync("npm", args, { stdio: "inherit" });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.error(`${name} suite failed (exit ${r.status})`);
  }
}
console.log(`\nsuites: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
