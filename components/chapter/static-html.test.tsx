// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import { useState } from "react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { STATIC_HTML_FILLED, StaticHtml } from "./static-html";

const prose = (
  <>
    <h2 id="why">왜 복제할까</h2>
    <p>
      <a href="/glossary#isr">ISR</a>은 리더를 따라잡은 복제본입니다.
    </p>
  </>
);

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

/** A parent that re-renders its static box on demand (as a session update would). */
function Page({ prerender, src = "/chapters/x" }: { prerender: React.ReactNode; src?: string }) {
  const [n, setN] = useState(0);
  return (
    <main>
      <button onClick={() => setN(n + 1)}>다시 그리기 {n}</button>
      <StaticHtml id="prose-0" src={src} prerender={prerender} />
    </main>
  );
}

describe("static HTML", () => {
  it("keeps the server's HTML through hydration and later renders, without its content in the client tree", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    document.body.innerHTML = renderToString(<Page prerender={prose} />);
    const html = document.getElementById("prose-0")!.innerHTML;
    expect(html).toContain("왜 복제할까");
    const errors: unknown[] = [];
    await act(async () => {
      hydrateRoot(document.body, <Page prerender={null} />, { onRecoverableError: (e) => errors.push(e) });
    });
    await act(async () => screen.getByRole("button").click());
    expect(screen.getByRole("button").textContent).toBe("다시 그리기 1");
    expect(errors).toEqual([]);
    expect(document.getElementById("prose-0")!.innerHTML).toBe(html);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("after a client-side navigation copies its part out of the page's prerendered HTML, once per page", async () => {
    const page = `<!doctype html><html><body>${renderToString(<Page prerender={prose} src="/chapters/y" />)}</body></html>`;
    const fetch = vi.fn(async () => new Response(page, { status: 200, headers: { "content-type": "text/html" } }));
    vi.stubGlobal("fetch", fetch);
    const filled = vi.fn();
    window.addEventListener(STATIC_HTML_FILLED, filled);
    await act(async () => {
      render(<Page prerender={null} src="/chapters/y" />);
    });
    await vi.waitFor(() => expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("왜 복제할까"));
    expect(screen.getByRole("link", { name: "ISR" }).getAttribute("href")).toBe("/glossary#isr");
    expect(fetch).toHaveBeenCalledExactlyOnceWith("/chapters/y", expect.anything());
    await vi.waitFor(() => expect(filled).toHaveBeenCalled());
    window.removeEventListener(STATIC_HTML_FILLED, filled);
  });
});
