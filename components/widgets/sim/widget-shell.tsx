/** The frame every simulator shares: an anchor (`#<widgetId>` for shared links), a title and a lead. */
import { WidgetReport } from "@/components/instructor/widget-report";
import { widgetFrame } from "../widget-parts";

export function WidgetShell({
  widgetId,
  title,
  subtitle,
  lead,
  children,
}: {
  widgetId: string;
  title: string;
  subtitle?: string;
  lead?: React.ReactNode;
  children: React.ReactNode;
}) {
  const titleId = `${widgetId}-title`;
  return (
    <section id={widgetId} aria-labelledby={titleId} className={`${widgetFrame} relative scroll-mt-20`}>
      <h3 id={titleId} className="text-base font-bold text-slate-900 dark:text-white">
        {title} {subtitle && <span className="font-normal text-slate-600 dark:text-slate-400">({subtitle})</span>}
      </h3>
      {lead && <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{lead}</p>}
      {children}
      <WidgetReport widgetId={widgetId} title={title} />
    </section>
  );
}

/** Unwraps an engine `Result` for settings the widget itself chose; a failure is a programming error. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Picks a setting from a shared URL only if it is one the widget offers. */
export function choose<T extends string | number | boolean>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
