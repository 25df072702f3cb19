"use client";

import { useState } from "react";

/**
 * A windowed list: however many items there are (10,000 records), only the rows in view plus a
 * small overscan are in the DOM, so scrolling and updates stay cheap.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  label,
  renderRow,
  testId,
}: {
  items: readonly T[];
  rowHeight: number;
  height: number;
  label: string;
  renderRow: (item: T, index: number) => React.ReactNode;
  testId?: string;
}) {
  const [top, setTop] = useState(0);
  const overscan = 5;
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);
  const rows = [];
  for (let i = first; i < last; i++)
    rows.push(
      <li
        key={i}
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={i + 1}
        style={{ position: "absolute", top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
      >
        {renderRow(items[i], i)}
      </li>,
    );
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label={label}
      data-testid={testId}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      className="mt-2 overflow-y-auto rounded-md border border-slate-200 bg-white focus:outline-2 focus:outline-sky-600 dark:border-slate-700 dark:bg-slate-950"
      style={{ height }}
    >
      <ul role="list" style={{ position: "relative", height: items.length * rowHeight, margin: 0, padding: 0, listStyle: "none" }}>
        {rows}
      </ul>
    </div>
  );
}
