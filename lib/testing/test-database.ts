import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const isPg = (url: string) => /^postgres(ql)?:\/\//.test(url);

/**
 * Creates an empty, migrated database for a test run: a temp SQLite file, or a fresh database on
 * the PostgreSQL server named by `baseUrl` (dropped and recreated). Returns its URL and a cleanup.
 */
export async function createTestDatabase(baseUrl: string | undefined, name: string) {
  let url: string;
  let cleanup: () => Promise<void>;
  if (baseUrl && isPg(baseUrl)) {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const u = new URL(baseUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const file = path.join(os.tmpdir(), `${name}-${process.pid}.db`);
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
    url = `file:${file}`;
    cleanup = async () => {
      for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) rmSync(f, { force: true });
    };
  }
  const r = spawnSync(path.join("node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed for ${url}:\n${r.stdout}\n${r.stderr}`);
  return { url, cleanup };
}
