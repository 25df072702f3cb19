// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SCENARIO_PARAM } from "@/lib/kafka/scenario";
import { NearIsland, SCENARIO_QUERY } from "./near-island";

/** A stand-in IntersectionObserver: the test says when the element comes near the viewport. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed: Element[] = [];
  constructor(private readonly callback: IntersectionObserverCallback) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {}
  near() {
    this.callback(
      this.observed.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry),
      this as unknown as IntersectionObserver,
    );
  }
}

// Stands for a lazy widget: rendering it is what fetches the widget's code.
const rendered = vi.fn();
function Widget() {
  rendered();
  return (
    <section aria-label="실습: 키로 파티션 정하기">
      <button type="button">이 키로 보내기</button>
    </section>
  );
}
const Placeholder = () => <div aria-busy="true">키 파티셔너 실습 불러오는 중…</div>;

const page = (live: React.ReactNode) => (
  <main>
    <p>본문</p>
    <NearIsland tag="KeyPartitioner">{live}</NearIsland>
  </main>
);

beforeEach(() => {
  FakeObserver.all = [];
  rendered.mockClear();
  vi.stubGlobal("IntersectionObserver", FakeObserver);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, "", "/");
  document.body.innerHTML = "";
});

async function hydrate(): Promise<Root> {
  // What the build writes (rendered as on the server, where there is no window): the widget's
  // reserved box with its placeholder.
  vi.stubGlobal("window", undefined);
  const html = renderToString(page(<Placeholder />));
  vi.unstubAllGlobals();
  vi.stubGlobal("IntersectionObserver", FakeObserver);
  document.body.innerHTML = html;
  let root: Root;
  await act(async () => {
    root = hydrateRoot(document.body, page(<Widget />));
  });
  return root!;
}

describe("a widget as a near island", () => {
  it("keeps the prerendered placeholder through hydration and renders the widget only once it comes near", async () => {
    const root = await hydrate();
    expect(screen.getByText("키 파티셔너 실습 불러오는 중…")).toBeTruthy();
    expect(rendered).not.toHaveBeenCalled();
    const [observer] = FakeObserver.all;
    expect(observer.observed).toEqual([document.querySelector('[data-island="KeyPartitioner"]')]);

    await act(async () => observer.near());
    expect(rendered).toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "이 키로 보내기" })).toBeTruthy();
    expect(screen.queryByText(/불러오는 중/)).toBeNull();
    act(() => root.unmount());
  });

  it("goes live at once when the page replays a shared run", async () => {
    expect(SCENARIO_QUERY).toBe(SCENARIO_PARAM);
    window.history.replaceState(null, "", "/chapters/01-kafka-ecosystem?scenario=key-partitioner.abc#key-partitioner");
    const root = await hydrate();
    expect(screen.getByRole("button", { name: "이 키로 보내기" })).toBeTruthy();
    act(() => root.unmount());
  });

  it("after a client-side navigation (nothing prerendered) renders the widget at once", async () => {
    await act(async () => {
      render(page(<Widget />));
    });
    expect(screen.getByRole("button", { name: "이 키로 보내기" })).toBeTruthy();
    expect(FakeObserver.all).toEqual([]);
  });
});
