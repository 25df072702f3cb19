// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EssayGradeNote } from "./essay-grade-note";

afterEach(cleanup);

describe("essay grade note", () => {
  it("shows the instructor's points out of the maximum, the comment as text, the grader and the Korean time", () => {
    render(
      <EssayGradeNote
        grade={{
          score: 0.5,
          comment: "ISR 설명이 빠졌습니다.\n<script>x</script>",
          graderName: "김강사",
          gradedAt: "2026-12-01T03:00:00.000Z",
        }}
      />,
    );
    const note = screen.getByTestId("instructor-grade");
    expect(note.textContent).toContain("강사 채점: 0.5 / 1점");
    expect(note.textContent).toContain("<script>x</script>"); // shown as typed, never as markup
    expect(note.querySelector("script")).toBeNull();
    expect(note.textContent).toContain("김강사 · 2026-12-01 12:00 (한국 시간)");
  });

  it("leaves out an empty comment and names a grader who is gone as 강사", () => {
    render(<EssayGradeNote grade={{ score: 1, comment: null, graderName: null, gradedAt: "2026-12-01T03:00:00.000Z" }} />);
    const note = screen.getByTestId("instructor-grade");
    expect(note.querySelectorAll("p")).toHaveLength(2);
    expect(note.textContent).toContain("강사 · 2026-12-01 12:00 (한국 시간)");
  });
});
