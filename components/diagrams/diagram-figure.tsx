/**
 * The frame every course diagram shares: a captioned figure holding an accessible SVG (title and
 * description read by screen readers) with an arrow-head marker, scaled to the column width.
 */

export const DIAGRAM_TEXT = "fill-slate-900 dark:fill-slate-100";
export const DIAGRAM_LINE = "fill-none stroke-slate-600 dark:stroke-slate-300";
const HEAD = "fill-slate-600 dark:fill-slate-300";
/** Box fills shared by the figures: one colour per role, each with its dark-mode pair. */
export const DIAGRAM_BOX = {
  sky: "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400",
  emerald: "fill-emerald-50 stroke-emerald-700 dark:fill-emerald-950 dark:stroke-emerald-300",
  amber: "fill-amber-50 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-300",
  rose: "fill-rose-50 stroke-rose-600 dark:fill-rose-950 dark:stroke-rose-400",
  slate: "fill-slate-200 stroke-slate-600 dark:fill-slate-700 dark:stroke-slate-300",
} as const;
/** Text and lines that flag an error or a limit. */
export const DIAGRAM_ERROR_TEXT = "fill-rose-700 dark:fill-rose-300";
export const DIAGRAM_ERROR_LINE = "stroke-rose-600 dark:stroke-rose-400";
/** 22 units in a 640-unit viewBox stays at ~12px on a 360px-wide phone. */
export const DIAGRAM_FONT = 22;

interface DiagramFigureProps {
  /** Prefix for element ids; must be unique on the page. */
  id: string;
  height: number;
  title: string;
  description: string;
  caption: React.ReactNode;
  children: React.ReactNode;
}

/** Wraps SVG content in the shared figure, title/desc and arrow marker `url(#<id>-arrow)`. */
export function DiagramFigure({ id, height, title, description, caption, children }: DiagramFigureProps) {
  return (
    <figure className="not-prose my-8">
      <svg
        viewBox={`0 0 640 ${height}`}
        width="100%"
        className="mx-auto block h-auto max-w-2xl"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={6} markerHeight={6} orient="auto-start-reverse">
            <path d="M0 0 L10 5 L0 10 z" className={HEAD} />
          </marker>
        </defs>
        {children}
      </svg>
      <figcaption className="mt-3 text-center text-sm text-slate-600 dark:text-slate-300">{caption}</figcaption>
    </figure>
  );
}

/** An arrow along an SVG path, using the figure's marker. */
export function DiagramArrow({ figureId, d }: { figureId: string; d: string }) {
  return <path d={d} fill="none" strokeWidth={2.5} className={DIAGRAM_LINE} markerEnd={`url(#${figureId}-arrow)`} />;
}
