// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ReviewCountLink } from "./review-count-link";

// The link asks GET /api/review/count in the browser; each test answers it as that route would.
const realFetch = globalThis.fetch;
function answerCount(body: unknown, status = 200) {
  globalThis.fetch = (async () => Response.json(body, { status })) as typeof fetch;
}
afterEach(() => {
  cleanup();
  globalThis.fetch = realFetch;
});

describe("review count link", () => {
  it("shows how many questions are due, with a screen-reader word for the number", async () => {
    answerCount({ due: 3 });
    render(<ReviewCountLink />);
    const link = screen.getByRole("link", { name: /오늘의 복습/ });
    expect(link.getAttribute("href")).toBe("/review");
    expect(await screen.findByText("3")).toBeTruthy();
    expect(link.textContent).toBe("오늘의 복습3개 복습할 문항");
  });

  it("shows only the link when nothing is due or the count cannot be read", async () => {
    answerCount({ due: 0 });
    const { unmount } = render(<ReviewCountLink />);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole("link").textContent).toBe("오늘의 복습");
    unmount();
    answerCount({ error: "잠시 후 다시 시도해 주세요." }, 503);
    render(<ReviewCountLink />);
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole("link").textContent).toBe("오늘의 복습");
  });
});
