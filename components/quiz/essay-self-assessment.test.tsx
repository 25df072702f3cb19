// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SelfAssessResponse } from "@/lib/api/self-assessment-contracts";
import { deferred, fakeFetch } from "@/lib/testing/app-router";
import { EssaySelfAssessment } from "./essay-self-assessment";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const box = () => within(screen.getByRole("region", { name: "스스로 채점" }));
const choice = (name: RegExp) => box().getByRole("button", { name }) as HTMLButtonElement;
const answer = (selfAssessment: 0 | 0.5 | 1, attemptScore: number | null = null): SelfAssessResponse => ({
  selfAssessment,
  score: selfAssessment,
  attemptScore,
  mastery: [],
});

describe("essay self-assessment", () => {
  it("offers the three Korean marks, none chosen yet", () => {
    render(<EssaySelfAssessment target={{ target: "log", id: "log-1" }} />);
    const buttons = within(box().getByRole("group", { name: "스스로 채점 점수" })).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual([
      expect.stringMatching(/^부족함 \(0점\)/),
      expect.stringMatching(/^일부 맞음 \(0\.5점\)/),
      expect.stringMatching(/^충분함 \(1점\)/),
    ]);
    expect(buttons.map((b) => b.getAttribute("aria-pressed"))).toEqual(["false", "false", "false"]);
    expect(box().getByTestId("self-assessment-status").textContent).toContain("고른 점수가 이 답의 점수가 됩니다");
  });

  it("records the chosen mark on the server, then shows it chosen and tells the caller", async () => {
    const reply = deferred<Response>();
    const calls = fakeFetch(() => reply.promise);
    const onRated = vi.fn();
    render(<EssaySelfAssessment target={{ target: "response", attemptId: "att-1", questionId: "q-essay" }} onRated={onRated} />);
    fireEvent.click(choice(/^일부 맞음/));
    expect(calls).toEqual([
      { url: "/api/review/self-assessment", body: { target: "response", attemptId: "att-1", questionId: "q-essay", selfAssessment: 0.5 } },
    ]);
    // Busy while the server records it: no second mark can be sent meanwhile.
    expect(choice(/^충분함/).disabled).toBe(true);
    expect(box().getByTestId("self-assessment-status").textContent).toBe("기록하는 중…");

    await act(async () => reply.resolve(Response.json(answer(0.5, 1.5))));
    expect(choice(/^일부 맞음/).getAttribute("aria-pressed")).toBe("true");
    expect(choice(/^충분함/).getAttribute("aria-pressed")).toBe("false");
    expect(box().getByTestId("self-assessment-status").textContent).toBe("스스로 채점: 일부 맞음 (0.5점)을 기록했습니다 · 강사 채점 대기");
    expect(onRated).toHaveBeenCalledWith(answer(0.5, 1.5));
  });

  it("shows a mark recorded earlier as chosen, and lets the learner change it", async () => {
    const calls = fakeFetch(() => Response.json(answer(1)));
    render(<EssaySelfAssessment target={{ target: "log", id: "log-2" }} initial={0} />);
    expect(choice(/^부족함/).getAttribute("aria-pressed")).toBe("true");
    await act(async () => fireEvent.click(choice(/^충분함/)));
    expect(calls[0].body).toEqual({ target: "log", id: "log-2", selfAssessment: 1 });
    expect(choice(/^충분함/).getAttribute("aria-pressed")).toBe("true");
    expect(choice(/^부족함/).getAttribute("aria-pressed")).toBe("false");
  });

  it("shows the server's Korean refusal and keeps the earlier choice", async () => {
    fakeFetch(() => Response.json({ error: "강사가 이미 채점한 답안입니다. 강사 채점이 점수로 쓰입니다." }, { status: 409 }));
    const onRated = vi.fn();
    render(<EssaySelfAssessment target={{ target: "log", id: "log-3" }} initial={0.5} onRated={onRated} />);
    await act(async () => fireEvent.click(choice(/^충분함/)));
    expect(box().getByRole("alert").textContent).toBe("강사가 이미 채점한 답안입니다. 강사 채점이 점수로 쓰입니다.");
    expect(choice(/^일부 맞음/).getAttribute("aria-pressed")).toBe("true");
    expect(onRated).not.toHaveBeenCalled();
  });
});
