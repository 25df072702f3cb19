"use client";

import { useEffect, useRef, useState } from "react";

/** How far below (or above) the viewport a late island starts loading: more than a phone screen ahead. */
export const NEAR = "1000px";

/**
 * Resolves once `el` is within `margin` of the viewport or receives a pointer or focus; never after
 * `signal` aborts. Resolves at once without IntersectionObserver.
 */
export function whenNear(el: Element, signal: AbortSignal, margin = NEAR): Promise<void> {
  if (typeof IntersectionObserver === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    const stop = () => {
      observer.disconnect();
      el.removeEventListener("pointerdown", done);
      el.removeEventListener("focusin", done);
      signal.removeEventListener("abort", stop);
    };
    const done = () => {
      stop();
      resolve();
    };
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && done(), {
      rootMargin: `${margin} 0px`,
    });
    observer.observe(el);
    el.addEventListener("pointerdown", done);
    el.addEventListener("focusin", done);
    signal.addEventListener("abort", stop);
  });
}

export interface LateIslandProps<C> {
  id: string;
  /** What the server renders in place (the island as it looks before it is live); null in the browser. */
  prerender: React.ReactNode;
  /** Fetches the island's code. */
  load: () => Promise<C>;
  /** Renders the live island from its loaded code. */
  render: (code: C) => React.ReactNode;
}

/**
 * A client island whose code loads late (ADR 0027). The server renders `prerender` inside a plain
 * `<div>`; in the browser that `<div>` hydrates as a leaf, so React keeps the server's HTML as it is
 * and needs none of its code. When the island comes near the viewport (or is pressed), `load`
 * fetches the code and the live island replaces the prerendered HTML in one commit. After a
 * client-side navigation there is no server HTML to keep, so it loads at once.
 */
export function LateIsland<C>({ id, prerender, load, render }: LateIslandProps<C>) {
  const box = useRef<HTMLDivElement>(null);
  const [code, setCode] = useState<{ c: C } | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const abort = new AbortController();
    const prerendered = el.firstElementChild?.hasChildNodes() ?? false;
    (prerendered ? whenNear(el, abort.signal) : Promise.resolve())
      .then(load)
      .then((c) => !abort.signal.aborted && setCode({ c }))
      .catch(() => {
        // The code could not be fetched (offline): the prerendered HTML stays readable.
      });
    return () => abort.abort();
  }, [load]);
  return (
    <div id={id} ref={box}>
      {code ? (
        render(code.c)
      ) : prerender ? (
        <div>{prerender}</div>
      ) : (
        <div dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />
      )}
    </div>
  );
}
