/**
 * Stands in for a simulator while its code loads. It sits inside a box that already has the
 * widget's height, so the page does not move when the widget arrives (CLS).
 */
export function WidgetPlaceholder({ title }: { title: string }) {
  return (
    <div
      aria-busy="true"
      className="not-prose my-8 flex h-full min-h-[inherit] items-start rounded-xl border border-slate-200 bg-slate-50 p-4 text-sm text-slate-700 sm:p-6 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
    >
      {title} 불러오는 중…
    </div>
  );
}
