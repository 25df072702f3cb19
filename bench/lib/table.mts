// The one table `npm run bench` prints: each figure beside its same-run baseline, the ratio and the target.
export interface Row {
  group: string;
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met?: boolean;
}

/** Formats a number with a unit and fixed decimals, or "—" when it was not measured. */
export const fmt = (n: number | undefined, unit = "", digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? "—"
    : `${n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })}${unit}`;

/** a/b as "0.85×", or "—". */
export const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || !b || Number.isNaN(a) || Number.isNaN(b) ? "—" : `${(a / b).toFixed(2)}×`;

/** Renders rows as one fixed-width text table, a heading line per group (also valid Markdown). */
export function renderTable(rows: Row[]): string {
  const head = ["figure", "value", "baseline (same run)", "ratio", "target", ""];
  const cells = (r: Row) => [r.figure, r.value, r.baseline, r.ratio, r.target, r.met === undefined ? "" : r.met ? "met" : "NOT MET"];
  const all = [head, ...rows.map(cells)];
  const widths = head.map((_, i) => Math.max(...all.map((c) => [...c[i]].length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x + " ".repeat(widths[i] - [...x].length)).join(" | ")} |`;
  const out = [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`];
  let group = "";
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      out.push(`| **${group}** |`);
    }
    out.push(line(cells(r)));
  }
  return out.join("\n");
}
