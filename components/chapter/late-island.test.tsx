// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { act, render, screen, within } from "@testing-library/react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { LiveChapterQuiz } from "@/components/instructor/live-chapter-quiz";
import { toPublicQuiz } from "@/lib/quiz/public";
import { quizFileSchema } from "@/lib/quiz/schema";
import { LateIsland, whenNear } from "./late-island";

const quiz = toPublicQuiz({
  id: "04-replication-isr",
  chapterSlug: "04-replication-isr",
  ...quizFileSchema.parse(parse(readFileSync(path.join(process.cwd(), "lib/quiz/__fixtures__/every-type.quiz.yaml"), "utf8"))),
});
const props = { slug: quiz.id, initial: quiz };

/** A stand-in IntersectionObserver: the test says when the element comes near the viewport. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  near() {
    const entries = this.observed.map((target) => ({ target, isIntersecting: true }) as IntersectionObserverEntry);
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

beforeEach(() => {
  FakeObserver.all = [];
  vi.stubGlobal("IntersectionObserver", FakeObserver);
  // The live quiz asks the bank for the current questions: the bank has the same ones.
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(quiz), { status: 200 })),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

/**
 * Every element with its attributes (in a fixed order) and text: what decides how the quiz is laid
 * out. (`selected` is left out: the server writes the attribute, the browser sets the property.)
 */
function layout(el: Element): string {
  const attrs = [...el.attributes]
    .filter((a) => a.name !== "selected")
    .map((a) => `${a.name}=${a.value}`)
    .sort();
  const inner = [...el.childNodes].map((n) =>
    n.nodeType === Node.ELEMENT_NODE ? layout(n as Element) : n.nodeType === Node.TEXT_NODE ? n.textContent : "",
  );
  return `<${el.tagName.toLowerCase()} ${attrs.join(" ")} ${inner.join("")}>`;
}

const island = (prerender: React.ReactNode, load: () => Promise<typeof LiveChapterQuiz>) => (
  <LateIsland id="chapter-quiz" prerender={prerender} load={load} render={(Live) => <Live {...props} />} />
);
/** What the build writes into the page: the server's render of the island. */
const serverHtml = () => renderToString(island(<LiveChapterQuiz {...props} />, () => Promise.reject(new Error("not on the server"))));

describe("the chapter quiz as a late island", () => {
  it("is in the prerendered HTML in full: heading, every question and the submit button, controls disabled, no answer key", () => {
    document.body.innerHTML = serverHtml();
    const box = document.getElementById("chapter-quiz")!;
    expect(within(box).getByRole("heading", { level: 2 }).textContent).toBe("모든 문항 유형 예시");
    expect(box.querySelectorAll("legend")).toHaveLength(quiz.questions.length);
    expect(within(box).getByRole("button", { name: "제출" }).matches(":disabled")).toBe(true);
    expect([...box.querySelectorAll("input, select, textarea")].every((c) => c.matches(":disabled"))).toBe(true);
    expect(box.innerHTML).not.toMatch(/explanation|"answer"/);
  });

  it("keeps the server's HTML untouched through hydration and loads no code until the quiz comes near", async () => {
    document.body.innerHTML = serverHtml();
    const container = document.body;
    const html = container.innerHTML;
    const load = vi.fn(async () => LiveChapterQuiz);
    const errors: unknown[] = [];
    let root: Root;
    await act(async () => {
      root = hydrateRoot(container, island(null, load), { onRecoverableError: (e) => errors.push(e) });
    });
    expect(errors).toEqual([]);
    expect(container.innerHTML === html).toBe(true);
    expect(load).not.toHaveBeenCalled();
    const [observer] = FakeObserver.all;
    expect(observer.observed).toEqual([document.getElementById("chapter-quiz")]);
    expect(observer.options.rootMargin).toBe("1000px 0px");

    const prerendered = layout(document.querySelector("#chapter-quiz > div > fieldset")!);
    await act(async () => observer.near());
    expect(load).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
    const box = document.getElementById("chapter-quiz")!;
    expect(within(box).getByRole("button", { name: "제출" }).matches(":disabled")).toBe(false);
    // The live quiz is the prerendered one, element for element and word for word, except that it
    // is enabled: nothing on the page moves when it takes over (CLS).
    expect(layout(box.firstElementChild!) === prerendered.replace("disabled= role=none", "role=none")).toBe(true);
    act(() => root.unmount());
  });

  it("loads at once when pressed before it came near", async () => {
    document.body.innerHTML = serverHtml();
    const load = vi.fn(async () => LiveChapterQuiz);
    let root: Root;
    await act(async () => {
      root = hydrateRoot(document.body, island(null, load));
    });
    await act(async () => document.getElementById("chapter-quiz")!.dispatchEvent(new Event("pointerdown", { bubbles: true })));
    expect(load).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("button", { name: "제출" }).matches(":disabled")).toBe(false);
    act(() => root.unmount());
  });

  it("after a client-side navigation (nothing prerendered) loads its code at once", async () => {
    const load = vi.fn(async () => LiveChapterQuiz);
    await act(async () => {
      render(island(null, load));
    });
    expect(load).toHaveBeenCalledTimes(1);
    expect(FakeObserver.all).toEqual([]);
    expect(screen.getByRole("heading", { level: 2 }).textContent).toBe("모든 문항 유형 예시");
  });
});

describe("whenNear", () => {
  it("stops watching and never resolves once aborted", async () => {
    const el = document.createElement("div");
    const abort = new AbortController();
    const resolved = vi.fn();
    void whenNear(el, abort.signal).then(resolved);
    abort.abort();
    expect(FakeObserver.all[0].disconnected).toBe(true);
    el.dispatchEvent(new Event("pointerdown"));
    await Promise.resolve();
    expect(resolved).not.toHaveBeenCalled();
  });
});
