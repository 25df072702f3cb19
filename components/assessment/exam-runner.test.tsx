// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { act, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import type { ExamStartResponse } from "@/lib/assessment/api-schema";
import { toPublicQuiz } from "@/lib/quiz/public";
import { quizFileSchema, type Quiz } from "@/lib/quiz/schema";
import { deferred, fakeFetch, renderWithRouter } from "@/lib/testing/app-router";
import { ExamRunner } from "./exam-runner";

const quiz: Quiz = {
  id: "course-exam",
  chapterSlug: "course-exam",
  ...quizFileSchema.parse(parse(readFileSync(path.join(process.cwd(), "lib/quiz/__fixtures__/every-type.quiz.yaml"), "utf8"))),
};
const questions = toPublicQuiz(quiz, { attemptSeed: 5 }).questions.filter((q) => q.id === "ex-true-false" || q.id === "ex-numeric-several");

/** POST /api/exam's answer for an exam started now, timed or not (as the route would send it). */
function started(limitMinutes: number | null): ExamStartResponse {
  const now = Date.now();
  return {
    token: "signed-token",
    attemptId: "attempt-1",
    startedAt: new Date(now).toISOString(),
    deadline: limitMinutes === null ? null : new Date(now + limitMinutes * 60_000).toISOString(),
    timeLimitSec: limitMinutes === null ? null : limitMinutes * 60,
    passRatio: 0.7,
    questions,
  };
}

const realFetch = globalThis.fetch;
beforeEach(() => {
  // Only the clock is simulated (the countdown and Date.now); promises run as usual.
  vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"], now: new Date("2026-05-01T10:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
  globalThis.fetch = realFetch;
});

const flush = () => act(async () => {});
const timer = () => screen.getByRole("timer").textContent;

describe("exam runner", () => {
  it("before the exam: time-limit choices, disabled while questions are drawn, a refusal in Korean", async () => {
    const answer = deferred<Response>();
    const calls = fakeFetch(() => answer.promise);
    renderWithRouter(<ExamRunner />);
    expect(screen.getByRole("group", { name: "제한 시간" })).toBeTruthy();
    expect((screen.getByLabelText("제한 없음") as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText("20분"));
    fireEvent.click(screen.getByRole("button", { name: "시험 시작" }));
    expect((screen.getByRole("button", { name: "문항을 고르는 중…" }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([{ url: "/api/exam", body: { timeLimitMinutes: 20 } }]);
    await act(async () => answer.resolve(Response.json({ error: "아직 종합 평가에 낼 문항이 없습니다." }, { status: 404 })));
    expect(screen.getByRole("alert").textContent).toBe("아직 종합 평가에 낼 문항이 없습니다.");
    expect((screen.getByRole("button", { name: "시험 시작" }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByRole("timer")).toBeNull();
  });

  it("a timed exam: the questions without feedback, answered count and countdown, then one submission and the results page", async () => {
    const submitted = deferred<Response>();
    const calls = fakeFetch((url) => (url === "/api/exam" ? Response.json(started(10), { status: 201 }) : submitted.promise));
    const { router } = renderWithRouter(<ExamRunner />);
    fireEvent.click(screen.getByLabelText("10분"));
    fireEvent.click(screen.getByRole("button", { name: "시험 시작" }));
    await flush();
    expect(timer()).toBe("0 / 2 문항 답함 · 남은 시간 10분 00초");
    expect(screen.getAllByRole("group")).toHaveLength(2);
    expect(screen.queryByText(/정답|오답/)).toBeNull();

    fireEvent.click(screen.getByLabelText("거짓 (X)"));
    expect(timer()).toBe("1 / 2 문항 답함 · 남은 시간 10분 00초");
    await act(async () => vi.advanceTimersByTime(61_000));
    expect(timer()).toBe("1 / 2 문항 답함 · 남은 시간 8분 59초");

    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    expect((screen.getByRole("button", { name: "채점 중…" }) as HTMLButtonElement).disabled).toBe(true);
    expect(calls[1]).toEqual({ url: "/api/exam/submit", body: { token: "signed-token", answers: { "ex-true-false": false } } });
    await act(async () =>
      submitted.resolve(Response.json({ attemptId: "attempt-1", score: 1, maxScore: 2, passed: false, passRatio: 0.7 }, { status: 201 })),
    );
    expect(router.calls).toEqual([["push", "/results/attempt-1"]]);
  });

  it("at the deadline it submits what was answered by itself, once", async () => {
    const calls = fakeFetch((url) =>
      url === "/api/exam"
        ? Response.json(started(10), { status: 201 })
        : Response.json({ attemptId: "attempt-1", score: 0, maxScore: 2, passed: false, passRatio: 0.7 }, { status: 201 }),
    );
    const { router } = renderWithRouter(<ExamRunner />);
    fireEvent.click(screen.getByLabelText("10분"));
    fireEvent.click(screen.getByRole("button", { name: "시험 시작" }));
    await flush();
    fireEvent.change(screen.getByRole("spinbutton"), { target: { value: "7" } });
    await act(async () => vi.advanceTimersByTime(599_000));
    expect(calls.map((c) => c.url)).toEqual(["/api/exam"]);
    expect(timer()).toContain("남은 시간 0분 01초");
    await act(async () => vi.advanceTimersByTime(5_000));
    expect(calls.slice(1)).toEqual([{ url: "/api/exam/submit", body: { token: "signed-token", answers: { "ex-numeric-several": 7 } } }]);
    expect(router.calls).toEqual([["push", "/results/attempt-1"]]);
  });

  it("an untimed exam shows no countdown; a refused submission shows the Korean reason and can be sent again", async () => {
    let refuse = true;
    const calls = fakeFetch((url) => {
      if (url === "/api/exam") return Response.json(started(null), { status: 201 });
      if (refuse) return Response.json({ error: "제한 시간이 지나 제출할 수 없습니다." }, { status: 410 });
      return Response.json({ attemptId: "attempt-1", score: 0, maxScore: 2, passed: false, passRatio: 0.7 }, { status: 201 });
    });
    const { router } = renderWithRouter(<ExamRunner />);
    fireEvent.click(screen.getByRole("button", { name: "시험 시작" }));
    await flush();
    expect(timer()).toBe("0 / 2 문항 답함");
    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    await flush();
    expect(screen.getByRole("alert").textContent).toBe("제한 시간이 지나 제출할 수 없습니다.");
    expect(router.calls).toEqual([]);
    refuse = false;
    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    await flush();
    expect(calls.filter((c) => c.url === "/api/exam/submit")).toHaveLength(2);
    expect(router.calls).toEqual([["push", "/results/attempt-1"]]);
  });

  it("says so in Korean when the server cannot be reached", async () => {
    fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    renderWithRouter(<ExamRunner />);
    fireEvent.click(screen.getByRole("button", { name: "시험 시작" }));
    await flush();
    expect(screen.getByRole("alert").textContent).toBe("서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요.");
  });
});
