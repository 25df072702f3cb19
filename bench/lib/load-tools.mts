// Thin wrappers over wrk (closed loop) and hey (open loop, fixed rate), returning parsed figures.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number; // socket errors and timeouts (wrk) or client errors (hey)
  raw?: string;
}

/** True when a command is on PATH. */
export function hasCommand(name: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${name}`]).status === 0;
}

function toMs(v: string, unit: string): number {
  const n = Number(v);
  return unit === "us" ? n / 1000 : unit === "ms" ? n : unit === "s" ? n * 1000 : unit === "m" ? n * 60_000 : n;
}

export interface Request {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

const WRK_POST = path.join(path.dirname(new URL(import.meta.url).pathname), "wrk-request.lua");

/** wrk closed loop: `connections` clients each sending the next request when the last answered. */
export function wrk(req: Request, o: { connections: number; seconds: number; threads?: number }): LoadResult {
  const env: NodeJS.ProcessEnv = { ...process.env, BENCH_METHOD: req.method ?? "GET" };
  if (req.body !== undefined) {
    const f = path.join(os.tmpdir(), `bench-body-${process.pid}.json`);
    writeFileSync(f, req.body);
    env.BENCH_BODY_FILE = f;
  }
  const args = [
    "-t",
    String(o.threads ?? 2),
    "-c",
    String(o.connections),
    "-d",
    `${o.seconds}s`,
    "--timeout",
    "5s",
    "--latency",
    "-s",
    WRK_POST,
  ];
  for (const [k, v] of Object.entries(req.headers ?? {})) args.push("-H", `${k}: ${v}`);
  args.push(req.url);
  const r = spawnSync("wrk", args, { encoding: "utf8", env, timeout: (o.seconds + 30) * 1000 });
  const out = r.stdout ?? "";
  if (r.status !== 0) throw new Error(`wrk failed: ${r.stderr}${out}`);
  const lat = (p: string) => {
    const m = out.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, "m"));
    return m ? toMs(m[1], m[2]) : NaN;
  };
  const sock = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
    p50Ms: lat("50"),
    p99Ms: lat("99"),
    requests: Number(out.match(/(\d+) requests in/)?.[1] ?? NaN),
    non2xx: Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0),
    errors: sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    raw: out,
  };
}

/** hey open loop: `workers` clients each held to `perWorkerRate` req/s, for `seconds`. */
export function hey(req: Request, o: { workers: number; perWorkerRate: number; seconds: number }): LoadResult {
  const args = ["-z", `${o.seconds}s`, "-c", String(o.workers), "-q", String(o.perWorkerRate), "-t", "5", "-m", req.method ?? "GET"];
  for (const [k, v] of Object.entries(req.headers ?? {})) {
    if (k.toLowerCase() === "content-type") args.push("-T", v);
    else args.push("-H", `${k}: ${v}`);
  }
  if (req.body !== undefined) args.push("-d", req.body);
  args.push(req.url);
  const r = spawnSync("hey", args, { encoding: "utf8", timeout: (o.seconds + 30) * 1000, maxBuffer: 64 << 20 });
  const out = r.stdout ?? "";
  if (r.status !== 0) throw new Error(`hey failed: ${r.stderr}${out}`);
  const pct = (p: string) => Number(out.match(new RegExp(`${p}% in ([\\d.]+) secs`))?.[1] ?? NaN) * 1000;
  let requests = 0;
  let non2xx = 0;
  for (const m of out.matchAll(/\[(\d{3})\]\s+(\d+) responses/g)) {
    requests += Number(m[2]);
    if (!m[1].startsWith("2")) non2xx += Number(m[2]);
  }
  const errSection = out.split("Error distribution:")[1] ?? "";
  const errors = [...errSection.matchAll(/\[(\d+)\]/g)].reduce((a, m) => a + Number(m[1]), 0);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1] ?? NaN),
    p50Ms: pct("50"),
    // hey prints a percentile only once it has enough answers to take it from; below that the slowest stands in.
    p99Ms: Number.isNaN(pct("99")) ? Number(out.match(/Slowest:\s+([\d.]+) secs/)?.[1] ?? NaN) * 1000 : pct("99"),
    requests: requests + errors,
    non2xx,
    errors,
    raw: out,
  };
}
