// CPU time the server under test spends per request: user + system time of every process listening on
// its ports, read from /proc before and after a load run. Unlike requests per second it hardly moves when
// other work shares the machine (ADR 0009), so a run on a busy machine still compares app and floor.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** Every pid listening on any of these loopback TCP ports (nginx's workers each hold one with reuseport). */
export function pidsListening(ports: number[]): number[] {
  const pids = new Set<number>();
  for (const port of ports) {
    const r = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
    for (const m of (r.stdout ?? "").matchAll(/pid=(\d+)/g)) pids.add(Number(m[1]));
  }
  return [...pids];
}

const TICKS_PER_SECOND = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** User + system CPU seconds used so far by these processes (a process that is gone counts 0). */
export function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* gone */
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Runs a load and returns its result with the CPU microseconds the given processes spent per request. */
export function withCpu<T extends { requests: number }>(pids: number[], run: () => T): T & { cpuUsPerRequest: number } {
  const before = cpuSeconds(pids);
  const result = run();
  const used = cpuSeconds(pids) - before;
  return { ...result, cpuUsPerRequest: result.requests > 0 ? (used * 1e6) / result.requests : NaN };
}
