// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { gradeQuizWith } from "@/lib/quiz/grade";
import { toPublicQuiz } from "@/lib/quiz/public";
import { quizFileSchema, type Quiz } from "@/lib/quiz/schema";
import { fakeFetch } from "@/lib/testing/app-router";
import { QuizForm } from "./quiz-form";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const every: Quiz = {
  id: "04-replication-isr",
  chapterSlug: "04-replication-isr",
  ...quizFileSchema.parse(parse(readFileSync(path.join(process.cwd(), "lib/quiz/__fixtures__/every-type.quiz.yaml"), "utf8"))),
};
// The chapter quiz of one true/false question and the essay.
const quiz: Quiz = { ...every, questions: every.questions.filter((q) => q.id === "ex-true-false" || q.id === "ex-essay") };
const text = { text: "ISR 하한이 없으면 리더 혼자 성공을 돌려줍니다." };

/** The attempts route's reply for this submission: graded by the real grader, saved or not. */
function routeReply(saved: boolean) {
  const grade = gradeQuizWith(quiz, { "ex-true-false": false, "ex-essay": text });
  return Response.json({ attemptId: "att-9", saved, replayed: false, ...grade }, { status: 201 });
}

async function submitBoth() {
  render(<QuizForm quiz={toPublicQuiz(quiz)} />);
  fireEvent.click(screen.getByLabelText("거짓 (X)"));
  fireEvent.change(screen.getByRole("textbox", { name: "2번 서술형 답" }), { target: { value: text.text } });
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "제출" })));
}

describe("chapter quiz essay", () => {
  it("a saved attempt: the model answer, then the learner's mark is recorded by attempt and question and the score follows", async () => {
    const calls = fakeFetch((url) => (url.endsWith("/attempts") ? routeReply(true) : Response.json({ selfAssessment: 1, score: 1, attemptScore: 2, mastery: [] })));
    await submitBoth();
    expect(screen.getByTestId("quiz-score").textContent).toBe("점수: 1 / 2");
    expect(screen.getByTestId("feedback-ex-essay").textContent).toContain("모범 답안");
    const rating = within(screen.getByRole("region", { name: "스스로 채점" }));
    await act(async () => fireEvent.click(rating.getByRole("button", { name: /^충분함/ })));
    expect(calls[1]).toEqual({
      url: "/api/review/self-assessment",
      body: { target: "response", attemptId: "att-9", questionId: "ex-essay", selfAssessment: 1 },
    });
    expect(screen.getByTestId("quiz-score").textContent).toBe("점수: 2 / 2");
  });

  it("an anonymous attempt is not kept under anyone, so there is nothing to rate", async () => {
    fakeFetch(() => routeReply(false));
    await submitBoth();
    expect(screen.getByTestId("feedback-ex-essay").textContent).toContain("모범 답안");
    expect(screen.queryByRole("region", { name: "스스로 채점" })).toBeNull();
  });
});
