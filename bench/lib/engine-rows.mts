// Runs every bench/*.bench.ts (each prints its figures beside its own same-run baseline) and turns
// their ratio lines into table rows. A bench whose output has no recognisable line still shows up, as text.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import type { Row } from "./table.mts";

/** Table rows and raw output of the engine micro-benchmarks. */
export function engineRows(): { rows: Row[]; json: Record<string, string> } {
  const rows: Row[] = [];
  const json: Record<string, string> = {};
  for (const f of readdirSync("bench")
    .filter((x) => x.endsWith(".bench.ts"))
    .sort()) {
    const r = spawnSync("node_modules/.bin/tsx", [`bench/${f}`], { encoding: "utf8", timeout: 180_000 });
    const out = r.stdout ?? "";
    json[f] = out;
    const group = `Engine: bench/${f}`;
    if (r.status !== 0) {
      rows.push({ group, figure: "failed", value: `exit ${r.status}`, baseline: "", ratio: "", target: "", met: false });
      continue;
    }
    const lines = out.split("\n");
    let matched = false;
    lines.forEach((line, i) => {
      // "name: 123.4 ms (target < 1000 ms, …)" then "  baseline other: 12.3 ms → ratio 10.0×"
      const m = /^(.+?): ([\d.]+) ms \(target < ([\d,]+) ms/.exec(line);
      const b = /baseline (.+?): ([\d.]+) ms → ratio ([\d.]+×)/.exec(lines[i + 1] ?? "");
      if (m && b) {
        matched = true;
        rows.push({
          group,
          figure: m[1],
          value: `${m[2]} ms`,
          baseline: `${b[1]} ${b[2]} ms`,
          ratio: b[3],
          target: `< ${m[3]} ms`,
          met: Number(m[2]) < Number(m[3].replace(/,/g, "")),
        });
      }
      // "ratio a / b = 1.23×" with the rates printed above it
      const q = /^ratio (.+?) \/ (.+?) = ([\d.]+×)/.exec(line);
      if (q) {
        matched = true;
        const rate = (name: string) => lines.map((l) => new RegExp(`^${name}\\s+([\\d.]+ [^(]*?/s)`).exec(l)?.[1]).find(Boolean) ?? "";
        const target = lines.map((l) => /^target (.+?): (met|not met|NOT MET)/i.exec(l)).find(Boolean);
        rows.push({
          group,
          figure: `${q[1]} vs ${q[2]}`,
          value: rate(q[1]),
          baseline: `${q[2]} ${rate(q[2])}`,
          ratio: q[3],
          target: target?.[1] ?? "",
          met: target ? target[2].toLowerCase() === "met" : undefined,
        });
      }
    });
    if (!matched)
      rows.push({ group, figure: "output", value: lines.filter(Boolean).slice(-1)[0] ?? "", baseline: "", ratio: "", target: "" });
  }
  return { rows, json };
}
