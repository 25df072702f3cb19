// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithRouter } from "@/lib/testing/app-router";
import { questionSchema } from "@/lib/quiz/schema";
import { SubmittedAnswer } from "./submitted-answer";

afterEach(cleanup);

const essay = questionSchema.parse({
  id: "q-essay",
  type: "essay",
  concepts: ["acks"],
  prompt: "`acks=all`을 쓰는 이유는?",
  modelAnswer: "ISR 전원이 받아야 성공입니다.",
  explanation: "모범 답안과 비교해 보세요.",
});
const item = (props: Partial<Parameters<typeof SubmittedAnswer>[0]> = {}) =>
  renderWithRouter(
    <ol>
      <SubmittedAnswer
        number={2}
        question={essay}
        chapterSlug="04-replication-isr"
        attemptSeed={7}
        answerJson={JSON.stringify({ text: "모두 받아야 합니다", selfAssessment: 0.5 })}
        mark={undefined}
        ratingTarget={{ target: "log", id: "log-1" }}
        {...props}
      />
    </ol>,
  );

describe("one answer of a submitted attempt", () => {
  it("shows an unmarked essay's model answer with the learner's own rating to change", () => {
    item({ testId: "result-q-essay", footer: <p>4장 복제</p> });
    const li = screen.getByTestId("result-q-essay");
    expect(li.textContent).toContain("2. acks=all을 쓰는 이유는?");
    expect(li.textContent).toContain("ISR 전원이 받아야 성공입니다.");
    const rating = within(screen.getByRole("region", { name: "스스로 채점" }));
    expect(rating.getByRole("button", { name: /^일부 맞음/ }).getAttribute("aria-pressed")).toBe("true");
    expect(li.lastElementChild?.textContent).toBe("4장 복제");
  });

  it("shows an instructor's mark in place of the rating buttons", () => {
    item({ mark: { score: 1, comment: "좋습니다", graderName: "김강사", gradedAt: "2026-12-01T03:00:00.000Z" } });
    expect(screen.getByTestId("instructor-grade").textContent).toContain("강사 채점: 1 / 1점");
    expect(screen.queryByRole("region", { name: "스스로 채점" })).toBeNull();
  });

  it("offers no rating for an essay left unanswered", () => {
    item({ answerJson: null });
    expect(screen.queryByRole("region", { name: "스스로 채점" })).toBeNull();
  });
});
