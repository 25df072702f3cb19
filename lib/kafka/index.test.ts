import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as kafka from "./index";

describe("public engine entry", () => {
  it("exports the documented functions with Kafka's results", () => {
    expect(kafka.murmur2(new TextEncoder().encode("21"))).toBe(-973932308);
    expect(kafka.partitionForKey("0", 3)).toBe(2);
    expect(kafka.validateTopicName("..")).toMatchObject({ valid: false, error: "Topic name is invalid: '..' is not allowed" });
    expect(kafka.segmentFileName(0)).toBe("00000000000000000000.log");
    expect(kafka.segmentFileName(9223372036854775807n, ".index")).toBe("09223372036854775807.index");
    expect(kafka.coordinatorPartition("polygenelubricants")).toBe(0);
  });

  it("offers every mechanism as a namespace", () => {
    for (const ns of [
      "partitioner",
      "log",
      "retention",
      "compaction",
      "replication",
      "cluster",
      "consumerGroup",
      "metadata",
      "topicName",
      "record",
      "producer",
    ])
      expect(typeof (kafka as Record<string, unknown>)[ns]).toBe("object");
  });

  it("imports nothing from outside lib/kafka and never reads the wall clock or ambient randomness", () => {
    const root = path.dirname(fileURLToPath(import.meta.url)); // not URL.pathname: percent-encoded under Hangul or spaces
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("__testing__"),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const code = stripComments(readFileSync(path.join(root, f), "utf8"));
      for (const spec of moduleSpecifiers(code)) {
        // The scenario codec validates untrusted URL text with zod, a pure validation library.
        if (spec === "zod" && f.startsWith(`scenario${path.sep}`)) continue;
        const resolved = path.resolve(root, path.dirname(f), spec);
        expect(spec.startsWith(".") && resolved.startsWith(root + path.sep), `${f} imports ${spec}`).toBe(true);
      }
      expect(code, f).not.toMatch(FORBIDDEN);
    }
  });

  it("the guard itself catches every way in: quotes, side-effect imports, require, import(), clocks, crypto", () => {
    const caught = [
      `import x from 'node:fs';`,
      `import "server-only";`,
      `export * from '../../lib/db';`,
      `const fs = require("fs");`,
      `const m = await import("../x");`,
      `import type { A } from "@/lib/quiz";`,
    ].map((src) => moduleSpecifiers(stripComments(src)));
    expect(caught).toEqual([["node:fs"], ["server-only"], ["../../lib/db"], ["fs"], ["../x"], ["@/lib/quiz"]]);
    for (const bad of [
      "Date.now()",
      "new Date()",
      "Date()",
      "globalThis.Date.now()",
      "Math.random()",
      "crypto.getRandomValues(a)",
      "performance.now()",
      "crypto.randomUUID()",
      "process.hrtime()",
    ])
      expect(bad).toMatch(FORBIDDEN);
    expect(stripComments("// Date.now() is named in a comment\n/* Math.random() */ const a = 1;")).not.toMatch(FORBIDDEN);
    expect("update(").not.toMatch(FORBIDDEN);
  });
});

/** Clock and randomness sources the engine must never read (time and randomness are inputs). */
const FORBIDDEN = /\bDate\s*[.(]|\bMath\.random\b|\bperformance\.now\b|\bcrypto\.\w+|\bprocess\.hrtime\b/;

/** Removes comments (they may name forbidden calls) without touching `//` inside strings. */
function stripComments(src: string): string {
  return src.replace(/("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, str) => str ?? "");
}

/** Every module specifier: static imports and re-exports (either quote), side-effect imports, require() and import(). */
function moduleSpecifiers(code: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\b[^;'"`]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\b(?:require|import)\s*\(\s*(['"`])([^'"`]+)\1/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[2]);
  return out;
}
