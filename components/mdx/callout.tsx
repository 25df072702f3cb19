const STYLES = {
  note: { label: "참고", box: "border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/50", title: "text-sky-900 dark:text-sky-200" },
  tip: {
    label: "팁",
    box: "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/50",
    title: "text-emerald-900 dark:text-emerald-200",
  },
  warning: {
    label: "주의",
    box: "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/50",
    title: "text-amber-900 dark:text-amber-200",
  },
  misconception: {
    label: "자주 하는 오해",
    box: "border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/50",
    title: "text-rose-900 dark:text-rose-200",
  },
} as const;

export interface CalloutProps {
  kind?: keyof typeof STYLES;
  title?: string;
  children: React.ReactNode;
}

/** A highlighted aside: a note, a tip or a warning about a common misconception. */
export function Callout({ kind = "note", title, children }: CalloutProps) {
  const s = STYLES[kind] ?? STYLES.note;
  return (
    <aside className={`not-prose my-6 rounded-lg border-l-4 p-4 ${s.box}`} aria-label={title ?? s.label}>
      <p className={`mb-1 font-semibold ${s.title}`}>{title ?? s.label}</p>
      <div className="prose prose-slate prose-sm max-w-none dark:prose-invert [&>*:first-child]:mt-0 [&>*:last-child]:mb-0">{children}</div>
    </aside>
  );
}
