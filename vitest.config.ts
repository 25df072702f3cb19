import { defineConfig } from "vitest/config";
import path from "node:path";

const shared = {
  "@": path.resolve(import.meta.dirname),
  // server-only throws outside a React Server environment; unit tests import server modules directly.
  "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias: shared },
  test: {
    exclude: ["**/*.db.test.ts", "node_modules/**"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts", "deploy/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // Component tests render widgets into a DOM and ask it what a learner (or a screen reader) sees.
        extends: true,
        test: {
          name: "components",
          include: ["components/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["components/widgets/sim/test-setup.ts"],
        },
      },
    ],
  },
});
