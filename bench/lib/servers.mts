// Starting and stopping the servers a bench, load or fault run measures, all on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { pidListeningOn } from "./rss.mts";

/** Throws when something already listens on a port this run is about to use. */
export function assertPortFree(port: number): void {
  const pid = pidListeningOn(port);
  if (pid) throw new Error(`port ${port} is already in use (pid ${pid}); stop that server first`);
}

/**
 * Also ends the servers behind a wrapper (tsx → start.mts → next-server, or nginx) that outlived it,
 * e.g. when a loaded machine made the wrapper miss its grace period. Only the pids this run saw
 * listening on its own ports when it started them.
 */
function alsoStopListeners(s: Started, ports: number[]): Started {
  const pids = ports.map((p) => [p, pidListeningOn(p)] as const);
  return {
    ...s,
    async stop(signal) {
      await s.stop(signal);
      for (const [port, pid] of pids) if (pid && pidListeningOn(port) === pid) process.kill(pid, "SIGTERM");
    },
  };
}

/** A process this run started; `stop()` ends it (and waits) by its own pid only. */
export interface Started {
  name: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Spawns a long-running process with its output kept (printed only if it fails to come up). With
 * BENCH_LOG_DIR set, every process's whole output also goes to `<dir>/<name>.log`, to read afterwards
 * what a server said during a run (e.g. the error behind a 500).
 */
export function startProcess(name: string, cmd: string, args: string[], env: Record<string, string | undefined>, quiet = true): Started {
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
  const log: string[] = [];
  const dir = process.env.BENCH_LOG_DIR;
  const file = dir ? (mkdirSync(dir, { recursive: true }), createWriteStream(path.join(dir, `${name.replace(/[^\w.-]+/g, "-")}.log`), { flags: "a" })) : null;
  const keep = (b: Buffer) => {
    file?.write(b);
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let stopping = false;
  child.on("exit", (code, sig) => {
    if (stopping || !quiet || !code) return;
    console.error(`[${name}] exited ${code ?? sig}\n${log.join("").slice(-4000)}`);
  });
  return {
    name,
    child,
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      stopping = true;
      const exited = once(child, "exit");
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls a URL until it answers below 500, or throws after `timeoutMs`. */
export async function waitForHttp(
  url: string,
  timeoutMs = 120_000,
  check: (r: Response) => boolean = (r) => r.status < 500,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await r.arrayBuffer();
      if (check(r)) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s (${last})`);
}

const tsx = path.join("node_modules", ".bin", "tsx");

export interface AppOptions {
  databaseUrl: string;
  authSecret: string;
  extraEnv?: Record<string, string | undefined>;
}

/** `npm run start:cached` (nginx on `port` → next start on `appPorts`), ready when lessons are cached. */
export async function startCached(port: number, appPorts: number[], prefix: string, o: AppOptions): Promise<Started> {
  for (const p of [port, ...appPorts]) assertPortFree(p);
  const s = startProcess("start:cached", tsx, ["scripts/start-cached.mts"], {
    PORT: String(port),
    APP_PORTS: appPorts.join(","),
    NGINX_PREFIX: prefix,
    DATABASE_URL: o.databaseUrl,
    AUTH_SECRET: o.authSecret,
    NEXT_TELEMETRY_DISABLED: "1",
    ...o.extraEnv,
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, 20 * 60_000, (r) => r.ok && ["HIT", "STATIC"].includes(r.headers.get("x-cache") ?? ""));
  return alsoStopListeners(s, [port, ...appPorts]);
}

/** `npm start` (one `next start` on `port`). */
export async function startApp(port: number, o: AppOptions): Promise<Started> {
  assertPortFree(port);
  const s = startProcess(`app:${port}`, tsx, ["scripts/start.mts", "-H", "127.0.0.1"], {
    PORT: String(port),
    DATABASE_URL: o.databaseUrl,
    AUTH_SECRET: o.authSecret,
    NEXT_TELEMETRY_DISABLED: "1",
    ...o.extraEnv,
  });
  await waitForHttp(`http://127.0.0.1:${port}/`, 20 * 60_000);
  return alsoStopListeners(s, [port]);
}
