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

/** Creates a Prisma client for a database URL, choosing the driver adapter by its scheme. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
}
