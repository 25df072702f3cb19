"use client";

import { useEffect, useRef, useState } from "react";
import { whenNear } from "./late-island";

/**
 * `SCENARIO_PARAM` of `lib/kafka/scenario` (a test keeps them equal): importing it would put the
 * scenario codec and zod into every chapter's first load.
 */
export const SCENARIO_QUERY = "scenario";

/**
 * Whether every widget should go live at once: a shared run (`?scenario=`) is replayed by its widget
 * as soon as it mounts, and a `#fragment` the page does not hold yet points into a widget.
 */
function wantedAtOnce(): boolean {
  if (new URLSearchParams(window.location.search).has(SCENARIO_QUERY)) return true;
  const id = decodeURIComponent(window.location.hash.slice(1));
  return id !== "" && document.getElementById(id) === null;
}

/**
 * A chapter widget that goes live when it nears the viewport (ADR 0032). The server renders
 * `children` (the widget's box of reserved height with its "불러오는 중…" placeholder); in the
 * browser that HTML is kept as a dead leaf, so hydration needs none of the widget's code, until the
 * box comes within `whenNear`'s margin or is pressed or focused. Then `children` render, the
 * widget's code loads, and it takes over the same box. After a client-side navigation (nothing
 * prerendered) it renders at once.
 */
export function NearIsland({ tag, children }: { tag: string; children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [live, setLive] = useState(typeof window === "undefined");
  useEffect(() => {
    const el = box.current;
    if (!el || live) return;
    if (!el.firstElementChild?.hasChildNodes() || wantedAtOnce()) {
      setLive(true);
      return;
    }
    const abort = new AbortController();
    void whenNear(el, abort.signal).then(() => setLive(true));
    return () => abort.abort();
  }, [live]);
  return (
    <div ref={box} data-island={tag}>
      {live ? <div key="live">{children}</div> : <div key="dead" dangerouslySetInnerHTML={{ __html: "" }} suppressHydrationWarning />}
    </div>
  );
}
