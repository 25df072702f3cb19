/** Pieces every simulator widget shares, so they look and read the same. */

export const widgetFrame =
  "not-prose my-8 rounded-xl border border-slate-200 bg-slate-50 p-4 shadow-sm sm:p-6 dark:border-slate-700 dark:bg-slate-900";
export const primaryButton = "rounded-md bg-sky-700 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-800";
export const secondaryButton =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-slate-900 hover:border-sky-600 dark:border-slate-600 dark:bg-slate-950 dark:text-white";
export const selectClass =
  "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white";

/** A labelled figure in a widget's status strip. */
export function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-white p-2 dark:bg-slate-950">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-mono font-semibold text-slate-900 dark:text-white">{value}</dd>
    </div>
  );
}

/** The live line that tells a screen reader (and everyone) what the last action did. */
export function StatusLine({ testId, children }: { testId: string; children: React.ReactNode }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className="mt-4 rounded-md bg-white p-3 text-sm text-slate-900 dark:bg-slate-950 dark:text-white"
      data-testid={testId}
    >
      {children}
    </p>
  );
}

/** A simulator table: named by a visually hidden caption, scrolling sideways on phones. */
export function SimTable(props: {
  id: string;
  caption: string;
  columns: string[];
  minWidth: string;
  bodyClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm" style={{ minWidth: props.minWidth }} aria-labelledby={props.id}>
        <caption id={props.id} className="sr-only">
          {props.caption}
        </caption>
        <thead className="text-slate-700 dark:text-slate-300">
          <tr>
            {props.columns.map((h) => (
              <th key={h} scope="col" className="py-1 pr-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={props.bodyClassName ?? "text-slate-900 dark:text-slate-100"}>{props.children}</tbody>
      </table>
    </div>
  );
}

/** A small button acting on one row (a broker, a consumer); the label names the row for screen readers. */
export function RowAction({ label, rowName, onClick }: { label: string; rowName: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label={`${rowName} ${label}`}
      className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-semibold text-slate-900 hover:border-sky-600 dark:border-slate-600 dark:bg-slate-950 dark:text-white"
    >
      {label}
    </button>
  );
}
