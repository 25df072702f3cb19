"use client";

import { currentScenario } from "@/components/widgets/sim/current-scenarios";
import { ReportProblem } from "./report-problem";

/** The chapter a widget sits in, from the page address (widgets render only in the browser). */
function chapterOfPage(): string | null {
  if (typeof window === "undefined") return null;
  return /^\/chapters\/(\d{2}-[a-z0-9-]+)\/?$/.exec(window.location.pathname)?.[1] ?? null;
}

/**
 * "문제 신고" for one widget: sends the chapter, the widget id and the widget's current simulator run.
 * It sits in the frame's bottom padding (absolutely placed), so appearing once the session has loaded
 * does not make the widget taller and nothing below it moves (CLS; the lazy widgets reserve their height).
 */
export function WidgetReport({ widgetId, title }: { widgetId: string; title: string }) {
  const chapterSlug = chapterOfPage();
  if (!chapterSlug) return null;
  return (
    <div className="absolute right-4 bottom-0 leading-4 sm:right-6 sm:bottom-1">
      <ReportProblem chapterSlug={chapterSlug} widget={widgetId} scenario={() => currentScenario(widgetId)} about={title} />
    </div>
  );
}
