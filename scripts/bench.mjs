// `npm run bench`: runs every bench/*.bench.ts. Each prints its numbers beside a baseline measured
// in the same run; nothing here asserts a time, so a slow machine never fails a build.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n=== bench/${f} ===`);
  const r = spawnSync("node_modules/.bin/tsx", [`bench/${f}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
