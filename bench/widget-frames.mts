// Frame times of the simulators with 10,000 records on screen, against a baseline measured in the
// same run (an empty page's frames in the same browser), so a loaded machine shows as a slower
// baseline rather than as a slower widget. Not a test: it reports, it does not assert.
//
//   npm run build && npx tsx bench/widget-frames.mts
//   BENCH_URL=http://127.0.0.1:3250 npx tsx bench/widget-frames.mts   (against a server already running)
//   npx tsx bench/widget-frames.mts --heights   (also print each widget's height at 412 and 1280 px, for lazy.tsx)
//
// What it measures (Chromium from /usr/bin/chromium, headless, 1280×900):
//   baseline  rAF intervals on an empty page for 3 s;
//   add       the compaction lab's "레코드 1만 개 쓰기": frames from the click until the list shows 10,000;
//   scroll    the 10,000-record virtual list scrolled 240 px per frame for 400 frames;
//   idle      the loaded widget with 10,000 records for 3 s (nothing happening).
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { chromium, type Page } from "@playwright/test";
import { createTestDatabase } from "../lib/testing/test-database";

const args = new Set(process.argv.slice(2));
const port = Number(process.env.BENCH_PORT ?? 3251);
let base = process.env.BENCH_URL ?? "";
let server: ChildProcess | null = null;
let cleanup = async () => {};

async function startServer(): Promise<string> {
  const db = await createTestDatabase(process.env.BENCH_DATABASE_URL, "kafka_course_frames");
  cleanup = db.cleanup;
  server = spawn("npm", ["run", "start"], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return url;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start on ${url}`);
}

/** tsx (esbuild keepNames) wraps functions in `__name(…)`; functions sent into the page need it there too. */
const withName = (page: Page) => page.evaluate("globalThis.__name ??= (f) => f");

/** Collects rAF intervals in the page while `during` runs (or for `ms` when it is a number). */
async function frames(page: Page, during: number | (() => Promise<unknown>)): Promise<number[]> {
  await withName(page);
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __on: boolean };
    w.__frames = [];
    w.__on = true;
    let last = performance.now();
    const f = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__on) requestAnimationFrame(f);
    };
    requestAnimationFrame(f);
  });
  if (typeof during === "number") await page.waitForTimeout(during);
  else await during();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __on: boolean };
    w.__on = false;
    return w.__frames.slice(1);
  });
}

function summary(name: string, f: number[]) {
  const s = [...f].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  const mean = f.reduce((a, b) => a + b, 0) / Math.max(1, f.length);
  return {
    name,
    frames: f.length,
    fps: Number((1000 / mean).toFixed(1)),
    medianMs: Number(q(0.5).toFixed(1)),
    p95Ms: Number(q(0.95).toFixed(1)),
    maxMs: Number((s[s.length - 1] ?? NaN).toFixed(1)),
    over20msPct: Number(((100 * f.filter((x) => x > 20).length) / Math.max(1, f.length)).toFixed(1)),
  };
}

async function heights(page: Page) {
  const chapters = [
    "01-kafka-ecosystem",
    "02-brokers-and-cluster",
    "03-log-segments-retention",
    "04-replication-isr",
    "05-topics-partitions-groups",
    "06-records-and-metadata",
    "07-delivery-guarantees",
  ];
  const out: Record<string, Record<string, number>> = {};
  for (const width of [412, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    for (const c of chapters) {
      await page.goto(`${base}/chapters/${c}`);
      await page.waitForLoadState("networkidle");
      await withName(page);
      const rows = await page.evaluate(() =>
        Array.from(document.querySelectorAll("section[aria-labelledby] > h3"), (h) => {
          const box = h.closest("section")!.parentElement!;
          const sections = Array.from(box.children) as HTMLElement[];
          const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
          const total = sections.reduce((n, s) => n + s.getBoundingClientRect().height + 2 * parseFloat(getComputedStyle(s).marginTop), 0);
          return { title: h.textContent ?? "", rem: total / rem, reserved: parseFloat(getComputedStyle(box).minHeight) / rem };
        }),
      );
      for (const r of rows) (out[r.title.trim()] ??= {})[`${width}px`] = Number(r.rem.toFixed(1));
      for (const r of rows) (out[r.title.trim()] ??= {})[`reserved@${width}px`] = Number(r.reserved.toFixed(1));
    }
  }
  return out;
}

try {
  if (!base) base = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loadBefore = os.loadavg();

  await page.goto(`${base}/chapters/03-log-segments-retention`);
  await page.setContent("<!doctype html><title>baseline</title><p>baseline</p>");
  const baseline = summary("baseline (empty page)", await frames(page, 3000));

  await page.goto(`${base}/chapters/03-log-segments-retention`);
  const widget = page.getByRole("region", { name: /실습: 로그 컴팩션/ });
  await widget.getByRole("button", { name: "레코드 1만 개 쓰기" }).waitFor();
  await widget.scrollIntoViewIfNeeded();
  const add = summary(
    "add 10,000 records",
    await frames(page, async () => {
      await widget.getByRole("button", { name: "레코드 1만 개 쓰기" }).click();
      await widget
        .getByTestId("compaction-stats")
        .getByText(/10,0\d\d/)
        .waitFor();
      await page.waitForTimeout(500);
    }),
  );
  const list = widget.getByTestId("compaction-records");
  await list.scrollIntoViewIfNeeded();
  const rowsInDom = await list.getByRole("listitem").count();
  const scroll = summary(
    "scroll the 10,000-record list",
    await frames(page, () =>
      list.evaluate(
        (el) =>
          new Promise<void>((done) => {
            let n = 0;
            const f = () => {
              el.scrollTop = (el.scrollTop + 240) % (el.scrollHeight - el.clientHeight);
              if (++n < 400) requestAnimationFrame(f);
              else done();
            };
            requestAnimationFrame(f);
          }),
      ),
    ),
  );
  const idle = summary("idle with 10,000 records", await frames(page, 3000));
  const report = {
    when: new Date().toISOString(),
    cpus: os.cpus().length,
    loadAverage: { before: loadBefore.map((x) => Number(x.toFixed(2))), after: os.loadavg().map((x) => Number(x.toFixed(2))) },
    listRowsInDom: rowsInDom,
    results: [baseline, add, scroll, idle],
    scrollFpsVsBaseline: Number((scroll.fps / baseline.fps).toFixed(2)),
    ...(args.has("--heights") ? { heightsRem: await heights(page) } : {}),
  };
  console.log(JSON.stringify(report, null, 2));
  await browser.close();
} finally {
  const started = server as ChildProcess | null; // assigned inside startServer()
  if (started?.pid) process.kill(-started.pid, "SIGTERM");
  await cleanup();
}
