// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PublicQuestion } from "@/lib/quiz/contracts";
import type { AnswerValue } from "../quiz/question-view";
import { AttemptQuestions, countdown, postJson, useDeadline } from "./timed-attempt";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function Countdown({ deadline, onExpire }: { deadline: string | null; onExpire: () => void }) {
  const left = useDeadline(deadline, onExpire);
  return <p data-testid="left">{left === null ? "제한 없음" : countdown(left)}</p>;
}

describe("timed attempt", () => {
  it("counts down to the server's deadline and submits exactly once when it passes", async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-12-01T03:00:00Z"));
    const onExpire = vi.fn();
    render(<Countdown deadline="2026-12-01T03:01:05Z" onExpire={onExpire} />);
    expect(screen.getByTestId("left").textContent).toBe("1분 05초");
    await act(async () => vi.advanceTimersByTime(6_000));
    expect(screen.getByTestId("left").textContent).toBe("0분 59초");
    await act(async () => vi.advanceTimersByTime(60_000));
    expect(screen.getByTestId("left").textContent).toBe("0분 00초");
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it("shows no countdown and never expires an untimed attempt", async () => {
    vi.useFakeTimers();
    const onExpire = vi.fn();
    render(<Countdown deadline={null} onExpire={onExpire} />);
    await act(async () => vi.advanceTimersByTime(3_600_000));
    expect(screen.getByTestId("left").textContent).toBe("제한 없음");
    expect(onExpire).not.toHaveBeenCalled();
  });

  it("returns the server's Korean error, or a Korean network message, instead of throwing", async () => {
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(Response.json({ id: "a1" }, { status: 201 })));
    expect(await postJson("/api/x", {})).toEqual({ ok: true, data: { id: "a1" } });
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(Response.json({ error: "제한 시간이 지났습니다." }, { status: 409 })));
    expect(await postJson("/api/x", {})).toEqual({ ok: false, error: "제한 시간이 지났습니다." });
    vi.stubGlobal("fetch", vi.fn().mockResolvedValueOnce(new Response("oops", { status: 502 })));
    expect(await postJson("/api/x", {})).toEqual({ ok: false, error: "요청을 처리하지 못했습니다." });
    vi.stubGlobal("fetch", vi.fn().mockRejectedValueOnce(new TypeError("fetch failed")));
    expect(await postJson("/api/x", {})).toEqual({
      ok: false,
      error: "서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요.",
    });
  });

  it("keeps one answer per question, keyed by the question id", async () => {
    const questions = [
      { id: "q1", type: "true-false", prompt: "리더는 하나인가?" },
      { id: "q2", type: "true-false", prompt: "팔로워도 쓰기를 받는가?" },
    ] as PublicQuestion[];
    function Form() {
      const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
      return (
        <>
          <AttemptQuestions questions={questions} answers={answers} onAnswers={setAnswers} />
          <output data-testid="answers">{JSON.stringify(answers)}</output>
        </>
      );
    }
    render(<Form />);
    expect(screen.getAllByRole("group")).toHaveLength(2);
    await userEvent.click(screen.getAllByLabelText("참 (O)")[0]);
    await userEvent.click(screen.getAllByLabelText("거짓 (X)")[1]);
    expect(JSON.parse(screen.getByTestId("answers").textContent ?? "")).toEqual({ q1: true, q2: false });
  });
});
