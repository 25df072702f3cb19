import { inject } from "vitest";

// Runs before each DB test file is imported, so lib/db's one client opens the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-that-is-at-least-32-bytes-long";
