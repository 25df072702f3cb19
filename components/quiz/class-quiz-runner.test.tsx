import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClassQuizStartResponse, ClassQuizSubmitResponse } from "@/lib/assessment/class-quiz-contracts";
import { ClassQuizRunner } from "./class-quiz-runner";

const router = { push: vi.fn(), refresh: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const fetchMock = vi.fn();
beforeEach(() => {
  fetchMock.mockReset();
  router.refresh.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const QUESTIONS: ClassQuizStartResponse["questions"] = [
  { id: "q1", type: "true-false", prompt: "ISR은 리더를 포함하나요?" },
  { id: "q2", type: "single", prompt: "acks=all은 무엇을 기다리나요?", options: [{ id: "a", text: "리더만" }, { id: "b", text: "ISR 전체" }] },
];
const started = (over: Partial<ClassQuizStartResponse> = {}): ClassQuizStartResponse => ({
  token: "tok",
  attemptId: "att1",
  attemptNo: 1,
  startedAt: new Date().toISOString(),
  deadline: null,
  timeLimitSec: null,
  questions: QUESTIONS,
  ...over,
});
const submitted = (over: Partial<ClassQuizSubmitResponse> = {}): ClassQuizSubmitResponse => ({
  attemptId: "att1",
  attemptNo: 1,
  score: 1,
  maxScore: 2,
  feedbackShown: true,
  questions: QUESTIONS,
  results: [
    { questionId: "q1", type: "true-false", correct: true, score: 1, answered: true, correctAnswer: true, explanation: "리더도 ISR에 듭니다." },
    { questionId: "q2", type: "single", correct: false, score: 0, answered: true, correctAnswer: "b", explanation: "ISR 전체가 받아야 합니다." },
  ],
  attemptsLeft: 1,
  grade: 0.5,
  ...over,
});

async function startAndAnswer() {
  fetchMock.mockResolvedValueOnce(Response.json(started(), { status: 201 }));
  fireEvent.click(screen.getByRole("button", { name: "응시 시작" }));
  await screen.findByText("ISR은 리더를 포함하나요?");
  fireEvent.click(screen.getByLabelText("참 (O)"));
  fireEvent.click(screen.getByLabelText("리더만"));
}

describe("the class quiz page's runner", () => {
  it("says why a learner cannot start, and offers no start button", () => {
    render(<ClassQuizRunner code="abcdefgh" blocked="응시 횟수를 모두 사용했습니다. 더 응시할 수 없습니다." />);
    expect(screen.getByRole("status").textContent).toBe("응시 횟수를 모두 사용했습니다. 더 응시할 수 없습니다.");
    expect(screen.queryByRole("button", { name: "응시 시작" })).toBeNull();
  });

  it("starts an attempt, sends the answers with the token, and shows the graded result with keys", async () => {
    render(<ClassQuizRunner code="abcdefgh" blocked={null} />);
    await startAndAnswer();
    expect(screen.getByRole("timer").textContent).toBe("1번째 응시 · 2 / 2 문항 답함");
    fetchMock.mockResolvedValueOnce(Response.json(submitted(), { status: 201 }));
    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    expect((await screen.findByTestId("class-quiz-score")).textContent).toBe("1번째 응시 결과: 1 / 2점");
    expect(fetchMock.mock.calls[0][0]).toBe("/api/q/abcdefgh/start");
    expect(fetchMock.mock.calls[1][0]).toBe("/api/q/abcdefgh/submit");
    expect(JSON.parse(fetchMock.mock.calls[1][1].body)).toEqual({ token: "tok", answers: { q1: true, q2: "a" } });
    expect(screen.getByText(/지금 성적 50%/).textContent).toContain("남은 응시 1번");
    expect(screen.getByTestId("feedback-q2").textContent).toContain("정답: ISR 전체");
    expect(screen.getByRole("button", { name: "다시 응시하기" })).toBeTruthy();
    expect(router.refresh).toHaveBeenCalled();
  });

  it("keeps keys back when feedback waits for closing, and offers no retry once attempts are used up", async () => {
    render(<ClassQuizRunner code="abcdefgh" blocked={null} />);
    await startAndAnswer();
    fetchMock.mockResolvedValueOnce(Response.json(submitted({ feedbackShown: false, questions: [], results: [], attemptsLeft: 0 }), { status: 201 }));
    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    expect(await screen.findByText("정답과 해설은 퀴즈가 마감된 뒤에 이 페이지에서 볼 수 있습니다.")).toBeTruthy();
    expect(screen.queryByTestId("feedback-q1")).toBeNull();
    expect(screen.getByText("응시 횟수를 모두 사용했습니다.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "다시 응시하기" })).toBeNull();
  });

  it("shows the server's Korean refusal and keeps the answers for another try", async () => {
    render(<ClassQuizRunner code="abcdefgh" blocked={null} />);
    await startAndAnswer();
    fetchMock.mockResolvedValueOnce(Response.json({ error: "제한 시간이 지나 제출할 수 없습니다. 퀴즈를 다시 시작해 주세요." }, { status: 410 }));
    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    expect((await screen.findByRole("alert")).textContent).toBe("제한 시간이 지나 제출할 수 없습니다. 퀴즈를 다시 시작해 주세요.");
    expect((screen.getByLabelText("참 (O)") as HTMLInputElement).checked).toBe(true);
  });

  it("counts down a timed attempt and submits by itself at the deadline", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    vi.setSystemTime(new Date("2026-05-01T10:00:00Z"));
    render(<ClassQuizRunner code="abcdefgh" blocked={null} />);
    fetchMock.mockResolvedValueOnce(Response.json(started({ deadline: "2026-05-01T10:00:03Z", timeLimitSec: 3 }), { status: 201 }));
    fireEvent.click(screen.getByRole("button", { name: "응시 시작" }));
    await waitFor(() => expect(screen.getByRole("timer").textContent).toContain("남은 시간 0분 03초"));
    fetchMock.mockResolvedValueOnce(Response.json(submitted(), { status: 201 }));
    await act(async () => {
      vi.advanceTimersByTime(3000);
    });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(fetchMock.mock.calls[1][0]).toBe("/api/q/abcdefgh/submit");
  });

  it("an essay in the shown feedback: the learner rates it against the model answer and the attempt's score follows", async () => {
    const essayQuestions: ClassQuizStartResponse["questions"] = [{ id: "q-essay", type: "essay", prompt: "ISR을 설명하세요." }];
    render(<ClassQuizRunner code="abcdefgh" blocked={null} />);
    fetchMock.mockResolvedValueOnce(Response.json(started({ questions: essayQuestions }), { status: 201 }));
    fireEvent.click(screen.getByRole("button", { name: "응시 시작" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "1번 서술형 답" }), { target: { value: "리더와 따라잡은 팔로워" } });
    fetchMock.mockResolvedValueOnce(
      Response.json(
        submitted({
          score: 0,
          maxScore: 1,
          questions: essayQuestions,
          results: [{ questionId: "q-essay", type: "essay", correct: false, score: 0, answered: true, pending: true, correctAnswer: "리더와 ISR 팔로워입니다.", explanation: "" }],
        }),
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "답안 제출" }));
    expect((await screen.findByTestId("class-quiz-score")).textContent).toContain("0 / 1점");
    expect(screen.getByTestId("feedback-q-essay").textContent).toContain("리더와 ISR 팔로워입니다.");
    router.refresh.mockReset();

    fetchMock.mockResolvedValueOnce(Response.json({ selfAssessment: 1, score: 1, attemptScore: 1, mastery: [] }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /^충분함/ })));
    expect(fetchMock.mock.calls.at(-1)![0]).toBe("/api/review/self-assessment");
    expect(JSON.parse(fetchMock.mock.calls.at(-1)![1].body)).toEqual({ target: "response", attemptId: "att1", questionId: "q-essay", selfAssessment: 1 });
    expect(screen.getByTestId("class-quiz-score").textContent).toContain("1 / 1점");
    expect(router.refresh).toHaveBeenCalled();
  });
});
