"use client";

import { useMyProgress } from "./use-my-progress";

/** "읽음 · 최고 4/6" for a chapter, shown only to a signed-in learner who has started it. */
export function ProgressBadge({ chapter }: { chapter: string }) {
  const progress = useMyProgress();
  const p = progress?.get(chapter);
  if (!p) return null;
  const parts = [p.readAt ? "읽음" : null, p.bestScore != null ? `퀴즈 최고 ${p.bestScore} / ${p.maxScore}` : null].filter(Boolean);
  if (!parts.length) return null;
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
      <span aria-hidden="true">✓</span> {parts.join(" · ")}
    </span>
  );
}
