// A throwaway PostgreSQL cluster for fault runs: initdb in a temp dir, listening only on a Unix
// socket there, so restarting it mid-run disturbs no one else using the machine's server.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

function pgBin(name: string): string {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql");
  return path.join("/usr/lib/postgresql", versions[0], "bin", name);
}

// initdb refuses to run as root; the cluster then belongs to the postgres system user.
const asPostgres = (cmd: string[]) => (process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", ...cmd] : cmd);

function run(cmd: string[]) {
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd.join(" ")} failed:\n${r.stdout}${r.stderr}`);
}

export interface PrivatePostgres {
  /** Base URL (database `postgres`) on the cluster's socket. */
  url: string;
  /** Restarts the cluster (fast shutdown) without blocking the event loop. */
  restart(): Promise<void>;
  stop(): void;
}

/** Creates and starts a private cluster; `stop()` removes it. */
export function startPrivatePostgres(): PrivatePostgres {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kafka-course-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) spawnSync("chown", ["postgres", dir]);
  run(asPostgres([pgBin("initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]));
  const ctlArgs = (...args: string[]) =>
    asPostgres([
      pgBin("pg_ctl"),
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-o",
      `-k ${dir} -c listen_addresses='' -c fsync=on`,
      ...args,
    ]);
  const ctl = (...args: string[]) => run(ctlArgs(...args));
  ctl("start");
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`,
    restart: () =>
      new Promise((resolve, reject) => {
        const [cmd, ...rest] = ctlArgs("restart", "-m", "fast");
        const child = spawn(cmd, rest, { stdio: "ignore" });
        child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart exited ${code}`))));
      }),
    stop() {
      try {
        ctl("stop", "-m", "immediate");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
