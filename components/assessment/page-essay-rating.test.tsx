// @vitest-environment jsdom
import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeFetch, renderWithRouter } from "@/lib/testing/app-router";
import { PageEssayRating } from "./page-essay-rating";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe("an essay rating on a results page", () => {
  it("records the mark on the learner's exam answer and re-reads the page for the new total", async () => {
    const calls = fakeFetch(() => Response.json({ selfAssessment: 0.5, score: 0.5, attemptScore: 6.5, mastery: [] }));
    const { router } = renderWithRouter(<PageEssayRating target={{ target: "log", id: "log-exam-1" }} initial={null} />);
    const rating = within(screen.getByRole("region", { name: "스스로 채점" }));
    expect(router.calls).toEqual([]);
    await act(async () => fireEvent.click(rating.getByRole("button", { name: /^일부 맞음/ })));
    expect(calls).toEqual([{ url: "/api/review/self-assessment", body: { target: "log", id: "log-exam-1", selfAssessment: 0.5 } }]);
    expect(router.calls).toEqual([["refresh"]]);
  });

  it("a refused mark leaves the page as it is", async () => {
    fakeFetch(() => Response.json({ error: "내 서술형 답안을 찾지 못했습니다." }, { status: 404 }));
    const { router } = renderWithRouter(<PageEssayRating target={{ target: "response", attemptId: "att-2", questionId: "q-essay" }} initial={1} />);
    const rating = within(screen.getByRole("region", { name: "스스로 채점" }));
    expect(rating.getByRole("button", { name: /^충분함/ }).getAttribute("aria-pressed")).toBe("true");
    await act(async () => fireEvent.click(rating.getByRole("button", { name: /^부족함/ })));
    expect(rating.getByRole("alert").textContent).toBe("내 서술형 답안을 찾지 못했습니다.");
    expect(router.calls).toEqual([]);
  });
});
