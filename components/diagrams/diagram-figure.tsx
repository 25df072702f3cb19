/**
 * The frame every course diagram shares: a captioned figure holding an accessible SVG (title and
 * description read by screen readers) with an arrow-head marker, scaled to the column width.
 */

export const DIAGRAM_TEXT = "fill-slate-900 dark:fill-slate-100";
export const DIAGRAM_LINE = "fill-none stroke-slate-600 dark:stroke-slate-300";
const HEAD = "fill-slate-600 dark:fill-slate-300";
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
