"use client";

/**
 * SVG building blocks for the simulator pictures. Movement is a CSS transform transition on a
 * group, so a leader badge slides to its new broker and a record flies to its partition; Tailwind's
 * `motion-safe:` keeps everything still for learners who asked for reduced motion. Colours come
 * from classes with `dark:` variants, so both themes read well.
 */
import { useEffect, useState } from "react";

const MOVE = "motion-safe:transition-transform motion-safe:duration-500 motion-safe:ease-out";

/** The picture itself: a described image; the tables beside it are the accessible equivalent. */
export function Picture({
  title,
  width,
  height,
  children,
  testId,
}: {
  title: string;
  width: number;
  height: number;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
      className="mt-4 h-auto w-full rounded-lg bg-white dark:bg-slate-950"
      style={{ aspectRatio: `${width} / ${height}` }}
    >
      {children}
    </svg>
  );
}

/** A group placed at (x, y) that glides when its position changes. */
export function Moving({ x, y, children, className }: { x: number; y: number; children: React.ReactNode; className?: string }) {
  return (
    <g className={`${MOVE} ${className ?? ""}`} style={{ transform: `translate(${x}px, ${y}px)` }}>
      {children}
    </g>
  );
}

/** A record that appears at `from` and flies to `to` (mount with a new `key` for each record). */
export function FlyIn({ from, to, children }: { from: [number, number]; to: [number, number]; children: React.ReactNode }) {
  const [landed, setLanded] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => requestAnimationFrame(() => setLanded(true)));
    return () => cancelAnimationFrame(id);
  }, []);
  const [x, y] = landed ? to : from;
  return (
    <Moving x={x} y={y}>
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
