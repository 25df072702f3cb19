import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

// One migrated database per `npm run test:db` run: SQLite by default, PostgreSQL when
// TEST_DATABASE_URL=postgresql://… names a server (a fresh database is created on it).
export default async function setup(project: TestProject) {
  const { url, cleanup } = await createTestDatabase(process.env.TEST_DATABASE_URL, "kafka_course_vitest");
  project.provide("databaseUrl", url);
  console.log(`DB tests run against ${url.startsWith("file:") ? "SQLite" : "PostgreSQL"}: ${url}`);
  return cleanup;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
