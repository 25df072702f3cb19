// ESLint (flat config): Next's core-web-vitals rules (React, hooks, a11y, Next) and typescript-eslint's
// recommended set. eslint-config-next 16 exports flat config arrays; its `typescript` entry is
// typescript-eslint's recommended list plus Next's ignores.
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // Next's preset downgrades these to warnings; here unused code is an error, as in review.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": "error",
      // Not in Next's preset; the record decoder relies on it being meaningful (it disables it deliberately).
      "no-control-regex": "error",
    },
  },
  {
    ignores: [
      "generated/**",
      "node_modules/**",
      ".next/**",
      ".nginx/**",
      "test-results/**",
      "playwright-report/**",
      "coverage/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
