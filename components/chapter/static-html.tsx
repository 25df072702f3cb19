"use client";

import { useEffect, useRef, useState } from "react";

/** Fired on `window` when static HTML arrives after a client-side navigation (the TOC highlight listens). */
export const STATIC_HTML_FILLED = "kc:static-html-filled";

// One request per page however many boxes it fills.
const pages = new Map<string, Promise<Document>>();
function fetchPage(src: string): Promise<Document> {
  let p = pages.get(src);
  if (!p) {
    p = fetch(src, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((html) => new DOMParser().parseFromString(html, "text/html"));
    p.catch(() => pages.delete(src));
    pages.set(src, p);
  }
  return p;
}

export interface StaticHtmlProps {
  /** Unique on the page: the box is found by it in `src`'s HTML. */
  id: string;
  /** The page whose prerendered HTML holds this box (fetched only after a client-side navigation). */
  src: string;
  /** What the server renders in the box; null in the browser. */
  prerender: React.ReactNode;
  className?: string;
}

/**
 * Static HTML that the browser never hydrates (ADR 0032). The server renders `prerender` in a
 * `<div>`; in the browser the `<div>` is a leaf with empty `dangerouslySetInnerHTML`, so React
 * keeps the server's HTML and neither the RSC payload nor hydration carry what is inside. After a
 * client-side navigation there is no server HTML: the box fetches `src` (the page's own prerendered
 * HTML, cached like any lesson) and copies its own part out of it.
 */
export function StaticHtml({ id, src, prerender, className }: StaticHtmlProps) {
  const box = useRef<HTMLDivElement>(null);
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || el.hasChildNodes()) return;
    let cancelled = false;
    fetchPage(src)
      .then((doc) => {
        const part = doc.getElementById(id);
        if (cancelled || !part) return;
        setHtml(part.innerHTML);
        // After React has committed the HTML.
        requestAnimationFrame(() => window.dispatchEvent(new Event(STATIC_HTML_FILLED)));
      })
      .catch(() => {
        // Offline: the learner can reload the page; nothing else on it depends on this box.
      });
    return () => {
      cancelled = true;
    };
  }, [id, src]);
  if (prerender) {
    return (
      <div id={id} className={className}>
        {prerender}
      </div>
    );
  }
  return <div id={id} ref={box} className={className} dangerouslySetInnerHTML={{ __html: html ?? "" }} suppressHydrationWarning />;
}
