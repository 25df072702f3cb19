import { describe, expect, it } from "vitest";
import { readEssayAnswer, withInstructorMark, withSelfAssessment } from "./essay-answer";

describe("a stored essay answer", () => {
  it("reads the text and the learner's own mark, or null when unrated", () => {
    expect(readEssayAnswer(JSON.stringify({ text: "답", selfAssessment: 0.5 }))).toEqual({ text: "답", selfAssessment: 0.5 });
    expect(readEssayAnswer(JSON.stringify({ text: "답" }))).toEqual({ text: "답", selfAssessment: null });
  });

  it("reads an odd row without throwing", () => {
    for (const odd of ["null", "not json", "3", JSON.stringify({ text: 5, selfAssessment: "1" })])
      expect(readEssayAnswer(odd)).toEqual({ text: "", selfAssessment: null });
  });

  it("sets or replaces the mark and keeps the text exactly as written", () => {
    const text = "<b>그대로</b>\n둘째 줄";
    const rated = withSelfAssessment(JSON.stringify({ text }), 1);
    expect(JSON.parse(rated)).toEqual({ text, selfAssessment: 1 });
    expect(JSON.parse(withSelfAssessment(rated, 0))).toEqual({ text, selfAssessment: 0 });
  });
});

describe("an instructor's mark over a regraded essay", () => {
  it("replaces the self-assessment and ends the wait; without a mark the result is unchanged", () => {
    const selfMarked = { score: 1, correct: false, pending: true };
    expect(withInstructorMark(selfMarked, { score: 0.5 })).toEqual({ score: 0.5, correct: false, pending: undefined });
    expect(withInstructorMark(selfMarked, { score: 1 })).toMatchObject({ score: 1, correct: true });
    expect(withInstructorMark(selfMarked, undefined)).toBe(selfMarked);
  });
});
