/**
 * The latest run of each widget on the page, as its `?scenario=` value (`<widgetId>.<payload>`), so the
 * widget frame's "문제 신고" can attach exactly what the learner sees. The address bar holds only the
 * last-changed widget's run; this keeps one per widget. Written by the simulation bridge only.
 */
const latest = new Map<string, string>();

/** Records a widget's current run (null: back to its untouched start). */
export function rememberScenario(widgetId: string, param: string | null) {
  if (param) latest.set(widgetId, param);
  else latest.delete(widgetId);
}

/** The widget's current run as a `?scenario=` value, or undefined when the learner has not changed it. */
export function currentScenario(widgetId: string): string | undefined {
  return latest.get(widgetId);
}
