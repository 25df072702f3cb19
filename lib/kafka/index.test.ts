import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
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
    ])
      expect(typeof (kafka as Record<string, unknown>)[ns]).toBe("object");
  });

  it("imports nothing from outside lib/kafka and never reads the wall clock or Math.random", () => {
    const root = path.dirname(new URL(import.meta.url).pathname);
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
      (f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.startsWith("__testing__"),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const src = readFileSync(path.join(root, f), "utf8");
      for (const m of src.matchAll(/from\s+"([^"]+)"/g)) {
        const spec = m[1];
        const resolved = path.resolve(root, path.dirname(f), spec);
        // The scenario codec validates untrusted URL text with zod, a pure validation library.
        if (spec === "zod" && f.startsWith("scenario/")) continue;
        expect(spec.startsWith(".") && resolved.startsWith(root), `${f} imports ${spec}`).toBe(true);
      }
      const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, ""); // comments may name them
      expect(code, f).not.toMatch(/Date\.now\(|new Date\(|Math\.random\(|performance\.now\(/);
    }
  });
});
