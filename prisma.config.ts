import "dotenv/config"; // with a config file Prisma does not load .env itself
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Offline guard: when the CLI cannot read the schema it falls back to the "library" engine and tries
// to download it. Pointing this at any existing file skips the download, so a schema error shows as itself.
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "prisma/schema.prisma";

const url = process.env.DATABASE_URL || "file:./dev.db";
const isPg = /^postgres(ql)?:\/\//.test(url);

// adapter-pg 6.x cannot deserialize PostgreSQL's `name` type (OID 19), which the schema engine's
// catalog queries return during `migrate deploy`. Report those columns as `text` (OID 25). CLI only.
/* eslint-disable @typescript-eslint/no-explicit-any -- wraps pg's overloaded query(), whose signatures cannot be named generically */
type Queryable = { query: (...args: any[]) => any };
function nameAsText<T extends Queryable>(q: T): T {
  const orig = q.query.bind(q);
  q.query = (...args: any[]) => {
    if (typeof args[args.length - 1] === "function") return orig(...args);
    return Promise.resolve(orig(...args)).then((res: any) => {
      for (const r of Array.isArray(res) ? res : [res]) for (const f of r?.fields ?? []) if (f.dataTypeID === 19) f.dataTypeID = 25;
      return res;
    });
  };
  return q;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
function pgPool() {
  const pool = nameAsText(new pg.Pool({ connectionString: url }));
  pool.on("connect", (client) => void nameAsText(client));
  return pool;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPg ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPg ? "prisma/postgres/migrations" : "prisma/migrations" },
  async adapter() {
    return isPg ? new PrismaPg(pgPool()) : new PrismaBetterSQLite3({ url });
  },
});
