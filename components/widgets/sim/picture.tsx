"use client";

/**
 * SVG building blocks for the simulator pictures. Movement is a CSS transform transition on a
 * group, so a leader badge slides to its new broker and a record flies to its partition; Tailwind's
 * `motion-safe:` keeps everything still for learners who asked for reduced motion. Colours come
 * from classes with `dark:` variants, so both themes read well.
 */
import { useEffect, useId, useState } from "react";

const MOVE = "motion-safe:transition-transform motion-safe:duration-500 motion-safe:ease-out";

/**
 * The picture itself: an image named by its `<title>` and, where given, described by a `<desc>`
 * (one Korean sentence on what it shows now). The tables and the narration beside it carry the
 * same facts as text, so a screen reader hears one named image rather than every shape in it.
 */
export function Picture({
  title,
  description,
  width,
  height,
  children,
  testId,
}: {
  title: string;
  description?: string;
  width: number;
  height: number;
  children: React.ReactNode;
  testId?: string;
}) {
  const id = useId();
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-desc` : undefined}
      data-testid={testId}
      className="mt-4 h-auto w-full rounded-lg bg-white dark:bg-slate-950"
      style={{ aspectRatio: `${width} / ${height}` }}
    >
      <title id={`${id}-title`}>{title}</title>
      {description && <desc id={`${id}-desc`}>{description}</desc>}
      {children}
    </svg>
  );
}

/**
 * A group placed at (x, y) that glides when its position changes. With `from`, it first appears
 * there and flies to (x, y) once mounted (a new record entering the picture).
 */
export function Moving({
  x,
  y,
  from,
  children,
  className,
  testId,
}: {
  x: number;
  y: number;
  from?: [number, number];
  children: React.ReactNode;
  className?: string;
  testId?: string;
}) {
  const [entered, setEntered] = useState(!from);
  useEffect(() => {
    if (entered) return;
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => setEntered(true));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [entered]);
  const [tx, ty] = entered || !from ? [x, y] : from;
  return (
    <g className={`${MOVE} ${className ?? ""}`} style={{ transform: `translate(${tx}px, ${ty}px)` }} data-testid={testId}>
      {children}
    </g>
  );
}

/** A record that appears at `from` and flies to `to` (mount with a new `key` for each record). */
export function FlyIn({
  from,
  to,
  children,
  testId,
}: {
  from: [number, number];
  to: [number, number];
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Moving x={to[0]} y={to[1]} from={from} testId={testId}>
      {children}
    </Moving>
  );
}

/** A rounded box with a label: a broker, a partition, the client. */
export function Box({
  x,
  y,
  w,
  h,
  label,
  sub,
  tone = "normal",
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sub?: string;
  tone?: "normal" | "accent" | "down" | "warn";
}) {
  const fill = {
    normal: "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500",
    accent: "fill-sky-100 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400",
    down: "fill-slate-200 stroke-slate-400 dark:fill-slate-900 dark:stroke-slate-700",
    warn: "fill-amber-100 stroke-amber-600 dark:fill-amber-950 dark:stroke-amber-400",
  }[tone];
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={8}
        className={`${fill} motion-safe:transition-colors`}
        strokeWidth={1.5}
        strokeDasharray={tone === "down" ? "5 4" : undefined}
      />
      <text x={x + w / 2} y={y + 20} textAnchor="middle" className="fill-slate-900 text-[13px] font-semibold dark:fill-slate-100">
        {label}
      </text>
      {sub && (
        <text x={x + w / 2} y={y + 37} textAnchor="middle" className="fill-slate-600 text-[11px] dark:fill-slate-400">
          {sub}
        </text>
      )}
    </g>
  );
}
