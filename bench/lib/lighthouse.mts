// Lighthouse 12 (mobile, the CLI's default form factor) per chapter through the production setup,
// median of three runs, with Debian's Chromium headless.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "../../lib/testing/test-database";
import { startCached } from "./servers.mts";
import { fmt, type Row } from "./table.mts";

interface LhRun {
  performance: number;
  accessibility: number;
  cls: number;
  tbtMs: number;
  lcpMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function runOnce(url: string, theme: "light" | "dark", reportFile?: string): LhRun {
  const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  const r = spawnSync(
    "node_modules/.bin/lighthouse",
    [
      url,
      "--quiet",
      "--output=json",
      "--output-path=stdout",
      "--only-categories=performance,accessibility",
      `--chrome-path=${chrome}`,
      // preferredColorScheme 0 is dark: the theme script then sets the dark class before paint.
      `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage${theme === "dark" ? " --blink-settings=preferredColorScheme=0" : ""}`,
    ],
    { encoding: "utf8", maxBuffer: 256 << 20, timeout: 180_000, env: { ...process.env, CHROME_PATH: chrome } },
  );
  if (r.status !== 0) throw new Error(`lighthouse ${url}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
  if (reportFile) writeFileSync(reportFile, r.stdout);
  const report = JSON.parse(r.stdout) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: Math.round((report.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility.score ?? 0) * 100),
    cls: report.audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    tbtMs: Math.round(report.audits["total-blocking-time"]?.numericValue ?? NaN),
    lcpMs: Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? NaN),
  };
}

/**
 * One measured run. Lighthouse sometimes fails to record a trace at all (`NO_NAVSTART`,
 * `PROTOCOL_TIMEOUT`): that run measured nothing, so it is run again (at most twice, said aloud).
 * A run that finished is never repeated, whatever its score.
 */
function measuredRun(url: string, theme: "light" | "dark", reportFile?: string): LhRun {
  for (let attempt = 1; ; attempt++) {
    try {
      return runOnce(url, theme, reportFile);
    } catch (e) {
      const msg = (e as Error).message;
      if (attempt >= 3 || !/Runtime error encountered|NO_NAVSTART|PROTOCOL_TIMEOUT|NO_FCP/.test(msg)) throw e;
      console.log(`  (Lighthouse recorded no trace for ${url}, run again: ${/\(([A-Z_]+)\)/.exec(msg)?.[1] ?? "runtime error"})`);
    }
  }
}

/** Lighthouse rows for every chapter (median of `runs`), run against its own `npm run start:cached`. */
export async function lighthouseRows(
  chapters: string[],
  o: { port: number; apps: number[]; prefix: string; runs?: number; theme?: "light" | "dark"; reports?: string },
): Promise<{ rows: Row[]; json: Record<string, LhRun[]> }> {
  const db = await createTestDatabase(undefined, "kafka_course_bench_lh");
  const server = await startCached(o.port, o.apps, o.prefix, { databaseUrl: db.url, authSecret: randomBytes(32).toString("base64url") });
  const json: Record<string, LhRun[]> = {};
  const rows: Row[] = [];
  try {
    for (const slug of chapters) {
      if (o.reports) mkdirSync(o.reports, { recursive: true });
      const runs = Array.from({ length: o.runs ?? 3 }, (_, i) =>
        measuredRun(
          `http://127.0.0.1:${o.port}/chapters/${slug}`,
          o.theme ?? "light",
          o.reports && path.join(o.reports, `${slug}-${o.theme ?? "light"}-${i + 1}.json`),
        ),
      );
      json[slug] = runs;
      console.log(`  ${slug}: ${runs.map((r) => `${r.performance}/${r.accessibility}/CLS ${r.cls.toFixed(3)}/TBT ${r.tbtMs} ms/LCP ${r.lcpMs} ms`).join(", ")}`);
      const perf = median(runs.map((r) => r.performance));
      const a11y = median(runs.map((r) => r.accessibility));
      const cls = median(runs.map((r) => r.cls));
      const group = `Lighthouse 12.2.3 mobile, median of ${runs.length} (through start:cached, ${o.theme ?? "light"} theme, load ${os.loadavg()[0].toFixed(1)})`;
      rows.push(
        {
          group,
          figure: `${slug} performance`,
          value: String(perf),
          baseline: `runs ${runs.map((r) => r.performance).join("/")}`,
          ratio: "",
          target: "≥ 98",
          met: perf >= 98,
        },
        {
          group,
          figure: `${slug} accessibility`,
          value: String(a11y),
          baseline: `runs ${runs.map((r) => r.accessibility).join("/")}`,
          ratio: "",
          target: "100",
          met: a11y >= 100,
        },
        {
          group,
          figure: `${slug} CLS`,
          value: fmt(cls, "", 3),
          baseline: `runs ${runs.map((r) => r.cls.toFixed(3)).join("/")}`,
          ratio: "",
          target: "≤ 0.05",
          met: cls <= 0.05,
        },
      );
    }
  } finally {
    await server.stop();
    await db.cleanup();
  }
  return { rows, json };
}
