"use client";

import { useEffect, useState } from "react";
import { STATIC_HTML_FILLED } from "./static-html";

/** Distance below the sticky header at which a heading counts as "being read". */
const READING_LINE = 96;

/**
 * Marks the table-of-contents links of the section being read (`aria-current="location"`). Renders
 * nothing and changes only colours, so the page never shifts; without JavaScript the TOC simply stays plain.
 */
export function TocHighlight({ ids }: { ids: string[] }) {
  // After a client-side navigation the prose (and its headings) arrives after this mounts.
  const [filled, setFilled] = useState(0);
  useEffect(() => {
    const refill = () => setFilled((n) => n + 1);
    window.addEventListener(STATIC_HTML_FILLED, refill);
    return () => window.removeEventListener(STATIC_HTML_FILLED, refill);
  }, []);
  useEffect(() => {
    const headings = ids.map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
    if (!headings.length) return;
    let current: string | null = null;

    const update = () => {
      // The last heading whose top has passed the reading line; before the first one, none.
      let active: string | null = null;
      for (const h of headings) if (h.getBoundingClientRect().top <= READING_LINE) active = h.id;
      if (active === current) return;
      current = active;
      for (const a of document.querySelectorAll<HTMLAnchorElement>("a[data-toc-link]")) {
        if (a.dataset.tocLink === active) a.setAttribute("aria-current", "location");
        else a.removeAttribute("aria-current");
      }
    };

    // The observer only tells us when a heading crosses the band near the top; the rule above decides.
    const observer = new IntersectionObserver(update, { rootMargin: `-${READING_LINE}px 0px -40% 0px`, threshold: [0, 1] });
    headings.forEach((h) => observer.observe(h));
    update();
    return () => observer.disconnect();
  }, [ids, filled]);
  return null;
}
