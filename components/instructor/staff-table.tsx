/** The row style of every instructor table. */
export const STAFF_ROW = "border-b border-slate-100 align-top dark:border-slate-800";

export interface StaffTableProps {
  /** Read by screen readers only: what the table lists. */
  caption: string;
  /** Column headings, left to right. */
  columns: readonly string[];
  className?: string;
  /** The body rows (`<tr className={STAFF_ROW}>`). */
  children: React.ReactNode;
}

/** The instructor area's list table: a hidden caption, one heading per column, the rows as given. */
export function StaffTable({ caption, columns, className = "", children }: StaffTableProps) {
  return (
    <table className={`w-full text-left text-sm ${className}`.trim()}>
      <caption className="sr-only">{caption}</caption>
      <thead className="border-b border-slate-200 dark:border-slate-700">
        <tr>
          {columns.map((c, i) => (
            <th key={c} scope="col" className={i < columns.length - 1 ? "py-2 pr-3" : "py-2"}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
