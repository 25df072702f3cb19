// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { GradingItem } from "@/lib/api/grading-contracts";
import { MyEssays } from "./my-essays";

const base: GradingItem = {
  target: "log",
  id: "l1",
  source: "exam",
  chapterSlug: "04-replication-isr",
  questionId: "q-essay",
  prompt: "ISR이 줄면 **무엇**이 바뀌나요?",
  modelAnswer: "acks=all 쓰기가 거절됩니다.",
  text: "<img src=x onerror=alert(1)> 쓰기가 실패합니다",
  selfAssessment: 1,
  score: 1,
  learnerName: "학습자",
  answeredAt: "2026-04-01T09:00:00.000Z",
  grades: [],
};

describe("my essays", () => {
  it("shows a graded essay's 강사 채점 with the mark and comment, and the learner's text as typed", () => {
    render(
      <MyEssays
        items={[
          {
            ...base,
            score: 0.5,
            grades: [{ score: 0.5, comment: "근거를 더 써 보세요.", graderName: "이강사", gradedAt: "2026-04-02T01:00:00.000Z" }],
          },
        ]}
      />,
    );
    const item = within(screen.getByTestId("my-essay-q-essay"));
    expect(item.getByTestId("instructor-grade").textContent).toContain("강사 채점: 0.5 / 1점");
    expect(item.getByText("근거를 더 써 보세요.")).toBeTruthy();
    expect(item.getByText("종합 평가")).toBeTruthy();
    expect(item.getByText(base.text)).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
    expect(item.getByText("무엇").tagName).toBe("STRONG");
  });

  it("says an ungraded essay still counts its self-assessment, and renders nothing without essays", () => {
    const { unmount } = render(<MyEssays items={[base]} />);
    expect(screen.getByText("채점 대기 · 지금은 스스로 채점한 충분함 (1점)으로 셉니다.")).toBeTruthy();
    expect(screen.queryByTestId("instructor-grade")).toBeNull();
    unmount();
    const unrated = render(<MyEssays items={[{ ...base, selfAssessment: null, score: 0 }]} />);
    expect(screen.getByText("채점 대기 · 스스로 채점하지 않아 지금은 0점으로 셉니다.")).toBeTruthy();
    unrated.unmount();
    const { container } = render(<MyEssays items={[]} />);
    expect(container.innerHTML).toBe("");
  });
});
