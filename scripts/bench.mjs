// `npm run bench`: every figure the production-readiness and weight targets name, each beside a
// baseline measured in the same run, in one table (bench/run.mts; JSON into bench/RESULTS.md).
// Nothing here asserts a time, so a slow machine never fails a build. Flags: see bench/run.mts.
import { spawnSync } from "node:child_process";

const r = spawnSync("node_modules/.bin/tsx", ["bench/run.mts", ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status ?? 1);
