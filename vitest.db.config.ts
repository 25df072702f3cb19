import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

// Database tests: real SQLite or PostgreSQL, migrated from the committed migrations.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["lib/**/*.db.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/db-global-setup.ts"],
    setupFiles: ["lib/testing/db-setup-file.ts"],
    fileParallelism: false,
    testTimeout: 20_000,
  },
});
