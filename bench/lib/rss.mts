// Memory of the server under test: the resident set of whatever process listens on a port, sampled.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The pid listening on a loopback TCP port (from `ss`), or null. */
export function pidListeningOn(port: number): number | null {
  const r = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const m = /pid=(\d+)/.exec(r.stdout ?? "");
  return m ? Number(m[1]) : null;
}

/** Resident set size of a process in MB, or NaN when it is gone. */
export function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the first, peak and last sample. */
export function sampleRss(pid: number, everyMs = 250) {
  const samples: number[] = [rssMb(pid)];
  const timer = setInterval(() => samples.push(rssMb(pid)), everyMs);
  return {
    stop() {
      clearInterval(timer);
      samples.push(rssMb(pid));
      const valid = samples.filter((x) => !Number.isNaN(x));
      return { startMb: valid[0] ?? NaN, peakMb: Math.max(...valid), endMb: valid[valid.length - 1] ?? NaN, samples: samples.length };
    },
  };
}
