import { act, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { STATIC_HTML_FILLED } from "./static-html";
import { TocHighlight } from "./toc-highlight";

let observerCallback: (() => void) | null = null;
beforeEach(() => {
  vi.stubGlobal(
    "IntersectionObserver",
    class {
      constructor(cb: () => void) {
        observerCallback = cb;
      }
      observe() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

/** Headings at the given distances from the top of the viewport, and one TOC link per heading. */
function page(tops: Record<string, number>) {
  for (const [id, top] of Object.entries(tops)) {
    const h = document.createElement("h2");
    h.id = id;
    h.getBoundingClientRect = () => ({ top }) as DOMRect;
    document.body.appendChild(h);
  }
}
function tocLinks(ids: string[]) {
  const nav = document.createElement("nav");
  nav.innerHTML = ids.map((id) => `<a href="#${id}" data-toc-link="${id}">${id}</a>`).join("");
  document.body.appendChild(nav);
}
const current = () => [...document.querySelectorAll("a[aria-current='location']")].map((a) => a.getAttribute("data-toc-link"));

describe("the table of contents highlight", () => {
  it("marks the last section whose heading has passed the reading line below the header", () => {
    tocLinks(["a", "b", "c"]);
    page({ a: -400, b: 60, c: 500 });
    render(<TocHighlight ids={["a", "b", "c"]} />);
    expect(current()).toEqual(["b"]);
  });

  it("moves the mark as headings cross the line, and marks nothing above the first heading", () => {
    tocLinks(["a", "b"]);
    page({ a: 300, b: 900 });
    render(<TocHighlight ids={["a", "b"]} />);
    expect(current()).toEqual([]);
    (document.getElementById("a")!.getBoundingClientRect as unknown) = () => ({ top: 10 });
    act(() => observerCallback!());
    expect(current()).toEqual(["a"]);
  });

  it("finds headings that arrive with the static prose after a client-side navigation", () => {
    tocLinks(["late"]);
    render(<TocHighlight ids={["late"]} />);
    expect(current()).toEqual([]);
    page({ late: 0 });
    act(() => {
      window.dispatchEvent(new Event(STATIC_HTML_FILLED));
    });
    expect(current()).toEqual(["late"]);
  });
});
