import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../../generated/sqlite/client";
import { PrismaClient as PostgresClient } from "../../generated/postgres/client";
import { isPostgresUrl } from "../env-schema";

/**
 * Both providers' clients are generated from the same data model, so their query APIs are
 * identical; the SQLite client's type stands for both (see docs/decisions/0002-one-build-two-databases.md).
 */
export type Db = SqliteClient;

/** How long a SQLite writer waits for another connection's lock before giving up (busy timeout). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Puts a SQLite file into WAL mode (readers never block the writer; the mode is stored in the file,
 * so one connection setting it is enough for every later one).
 */
export function enableWal(url: string) {
  const file = url.replace(/^file:/, "");
  if (file === ":memory:") return;
  const conn = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    conn.pragma("journal_mode = WAL");
  } finally {
    conn.close();
  }
}

/** Creates a Prisma client for a database URL, choosing the driver adapter by its scheme. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  enableWal(url);
  const client = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
  // In WAL mode NORMAL still survives an application crash (SIGKILL); only an OS crash or power cut
  // may lose the last commits. It saves an fsync per commit. Per connection, so set on ours.
  void client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(() => {});
  return client;
}
