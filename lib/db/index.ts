import "server-only";
import { getEnv } from "../env";
import { createDb, type Db } from "./client";

const globalForDb = globalThis as unknown as { kafkaCourseDb?: Db };

/** The one Prisma client of this process (kept on globalThis so dev reloads don't open more). */
export const db: Db = globalForDb.kafkaCourseDb ?? createDb(getEnv().DATABASE_URL);
globalForDb.kafkaCourseDb = db;
