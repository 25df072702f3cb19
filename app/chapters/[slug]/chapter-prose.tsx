"use client";

import { StaticHtml } from "@/components/chapter/static-html";

type ServerSegment = typeof import("./prose-segment-server").ProseSegmentServer;

// The server renders the segment from the compiled chapter itself; the bundler drops this branch
// from the browser's code (`typeof window` is a build-time constant there), so neither the prose
// nor the code that renders it reaches the browser.
const ServerSegment: ServerSegment | null =
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, server-only import
      (require("./prose-segment-server") as typeof import("./prose-segment-server")).ProseSegmentServer
    : null;

/** The id of a chapter's n-th static prose segment (unique on the page). */
export const proseSegmentId = (index: number) => `prose-${index}`;

/** One run of a chapter's prose as static HTML (ADR 0032): on the server in full, never hydrated. */
export function ChapterProse({ slug, index }: { slug: string; index: number }) {
  return (
    <StaticHtml
      id={proseSegmentId(index)}
      src={`/chapters/${slug}`}
      prerender={ServerSegment && <ServerSegment slug={slug} index={index} />}
    />
  );
}
