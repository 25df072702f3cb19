// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { AnswerResponse, MasteryChange } from "@/lib/assessment/api-schema";
import type { GradedQuestion } from "@/lib/quiz/contracts";
import { gradeQuestion, type Answer } from "@/lib/quiz/grade";
import { toPublicQuiz } from "@/lib/quiz/public";
import { quizFileSchema, type Quiz } from "@/lib/quiz/schema";
import { deferred, fakeFetch } from "@/lib/testing/app-router";
import { PracticeCard } from "./practice-card";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const quiz: Quiz = {
  id: "04-replication-isr",
  chapterSlug: "04-replication-isr",
  ...quizFileSchema.parse(parse(readFileSync(path.join(process.cwd(), "lib/quiz/__fixtures__/every-type.quiz.yaml"), "utf8"))),
};
// "acks=all은 배정된 모든 복제본을 기다린다." — 거짓.
const TF = "ex-true-false";
const authored = quiz.questions.find((q) => q.id === TF)!;
const pub = toPublicQuiz(quiz, { attemptSeed: 3 }).questions.find((q) => q.id === TF)!;

/** The route's answer for `answer`, graded by the real grader; a first miss in practice hides the key. */
function routeAnswer(answer: Answer, opts: { retry?: boolean; mastery?: MasteryChange[] } = {}): AnswerResponse {
  const graded = gradeQuestion(authored, answer);
  const canRetry = !opts.retry && !graded.correct;
  return {
    questionId: TF,
    correct: graded.correct,
    score: graded.score,
    graded: (canRetry ? { ...graded, correctAnswer: undefined } : graded) as GradedQuestion,
    canRetry,
    recorded: !opts.retry,
    mastery: opts.mastery ?? [],
  };
}

const card = () => within(screen.getByTestId(`card-${TF}`));

describe("practice card", () => {
  it("asks for an answer before calling the server", () => {
    const calls = fakeFetch(() => Response.json({}));
    render(<PracticeCard q={pub} index={0} source="practice" />);
    fireEvent.click(card().getByRole("button", { name: "답 확인" }));
    expect(card().getByRole("alert").textContent).toBe("답을 고르거나 입력해 주세요.");
    expect(calls).toEqual([]);
  });

  it("a first miss: disabled while grading, then the explanation without the key, the mastery change and one retry", async () => {
    const first = deferred<Response>();
    const calls = fakeFetch(() => first.promise);
    render(<PracticeCard q={pub} index={0} source="practice" />);
    fireEvent.click(card().getByLabelText("참 (O)"));
    fireEvent.click(card().getByLabelText("확신 높음 (80% 이상)"));
    fireEvent.click(card().getByRole("button", { name: "답 확인" }));
    const busy = card().getByRole("button", { name: "채점 중…" }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(calls[0]).toEqual({
      url: "/api/review/answers",
      body: { questionId: TF, answer: true, source: "practice", confidence: 3, retry: false },
    });

    await act(async () =>
      first.resolve(
        Response.json(routeAnswer(true, { mastery: [{ concept: "acks", before: "미학습", after: "시도함" }] }), { status: 201 }),
      ),
    );
    const retry = within(screen.getByTestId(`retry-${TF}`));
    expect(retry.getByTestId(`feedback-${TF}`).textContent).toContain("오답");
    expect(retry.getByTestId(`feedback-${TF}`).textContent).toContain("ISR 멤버만 기다립니다.");
    expect(retry.getByTestId(`feedback-${TF}`).textContent).not.toContain("정답:");
    expect(card().getByText("해설을 읽고 한 번 더 풀어 보세요.")).toBeTruthy();
    expect(card().getByTestId("mastery-change").textContent).toBe("숙련도: acks 미학습 → 시도함");
    // Confidence is given with the first answer only.
    expect(card().queryByRole("radiogroup", { name: "확신도" })).toBeNull();

    fakeFetch(() => Response.json(routeAnswer(false, { retry: true })));
    fireEvent.click(card().getByLabelText("거짓 (X)"));
    fireEvent.click(card().getByRole("button", { name: "다시 제출" }));
    await waitFor(() => expect(screen.queryByTestId(`retry-${TF}`)).toBeNull());
    expect(card().getByTestId(`feedback-${TF}`).textContent).toMatch(/^정답/);
    expect(card().queryByRole("button")).toBeNull();
    // The retry is not recorded, so the first answer's mastery change stays on the card.
    expect(card().getByTestId("mastery-change").textContent).toBe("숙련도: acks 미학습 → 시도함");
  });

  it("in review a miss shows the key at once and allows no retry", async () => {
    const graded = routeAnswer(true);
    fakeFetch(() => Response.json({ ...graded, canRetry: false, graded: gradeQuestion(authored, true) }, { status: 201 }));
    render(<PracticeCard q={pub} index={2} source="review" chapterLabel="4장" />);
    expect(card().getByText("4장")).toBeTruthy();
    fireEvent.click(card().getByLabelText("참 (O)"));
    fireEvent.click(card().getByRole("button", { name: "답 확인" }));
    const feedback = await card().findByTestId(`feedback-${TF}`);
    expect(feedback.textContent).toContain("정답: 거짓");
    expect(card().queryByRole("button")).toBeNull();
  });

  it("shows the server's Korean refusal, and a lost connection keeps the answer to send again", async () => {
    fakeFetch(() => Response.json({ error: "없는 문항입니다: ex-true-false" }, { status: 404 }));
    const { unmount } = render(<PracticeCard q={pub} index={0} source="practice" />);
    fireEvent.click(card().getByLabelText("참 (O)"));
    fireEvent.click(card().getByRole("button", { name: "답 확인" }));
    expect((await card().findByRole("alert")).textContent).toBe("없는 문항입니다: ex-true-false");
    unmount();

    fakeFetch(() => Promise.reject(new TypeError("Failed to fetch")));
    render(<PracticeCard q={pub} index={0} source="practice" />);
    fireEvent.click(card().getByLabelText("거짓 (X)"));
    fireEvent.click(card().getByRole("button", { name: "답 확인" }));
    expect((await card().findByRole("alert")).textContent).toBe("서버에 연결하지 못했습니다. 입력한 답은 그대로 있습니다.");
    expect((card().getByLabelText("거짓 (X)") as HTMLInputElement).checked).toBe(true);
    expect((card().getByRole("button", { name: "답 확인" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("an essay: no model answer before submitting; after it the model answer and three marks, and the chosen mark is recorded", async () => {
    const ESSAY = "ex-essay";
    const essay = quiz.questions.find((q) => q.id === ESSAY)!;
    const essayPub = toPublicQuiz(quiz).questions.find((q) => q.id === ESSAY)!;
    const model = essay.type === "essay" ? essay.modelAnswer : "";
    const graded = gradeQuestion(essay, { text: "리더 혼자 성공을 돌려줄 수 있습니다." }) as GradedQuestion;
    const calls = fakeFetch((url) =>
      url === "/api/review/answers"
        ? Response.json(
            {
              questionId: ESSAY,
              correct: false,
              score: 0,
              graded,
              canRetry: false,
              recorded: true,
              answerId: "log-essay-1",
              mastery: [{ concept: "acks", before: "미학습", after: "시도함" }],
            } satisfies AnswerResponse,
            { status: 201 },
          )
        : Response.json({ selfAssessment: 1, score: 1, attemptScore: null, mastery: [{ concept: "acks", before: "시도함", after: "익숙함" }] }),
    );
    render(<PracticeCard q={essayPub} index={0} source="practice" />);
    const essayCard = () => within(screen.getByTestId(`card-${ESSAY}`));
    expect(essayCard().queryByText("모범 답안")).toBeNull();
    expect(essayCard().queryByRole("region", { name: "스스로 채점" })).toBeNull();
    expect(screen.getByTestId(`card-${ESSAY}`).textContent).not.toContain(model);

    fireEvent.change(essayCard().getByRole("textbox", { name: "1번 서술형 답" }), { target: { value: "리더 혼자 성공을 돌려줄 수 있습니다." } });
    fireEvent.click(essayCard().getByRole("button", { name: "답 확인" }));
    const rating = within(await essayCard().findByRole("region", { name: "스스로 채점" }));
    expect(calls[0].body).toEqual({ questionId: ESSAY, answer: { text: "리더 혼자 성공을 돌려줄 수 있습니다." }, source: "practice", retry: false });
    expect(essayCard().getByText("모범 답안")).toBeTruthy();
    expect(screen.getByTestId(`feedback-${ESSAY}`).textContent).toContain(model);
    // No retry for an essay: it waits for the learner's own mark.
    expect(essayCard().queryByRole("button", { name: "다시 제출" })).toBeNull();
    expect(rating.getAllByRole("button").map((b) => b.textContent?.split(" (")[0])).toEqual(["부족함", "일부 맞음", "충분함"]);

    await act(async () => fireEvent.click(rating.getByRole("button", { name: /^충분함/ })));
    expect(calls[1]).toEqual({ url: "/api/review/self-assessment", body: { target: "log", id: "log-essay-1", selfAssessment: 1 } });
    expect(rating.getByRole("button", { name: /^충분함/ }).getAttribute("aria-pressed")).toBe("true");
    // Mastery shows where the answer leaves it after the learner's mark.
    expect(essayCard().getByTestId("mastery-change").textContent).toBe("숙련도: acks 미학습 → 익숙함");
  });
});
