import { describe, expect, it } from "vitest";
import { firstIssue } from "../server/errors";
import { SELF_ASSESSMENT_LABEL, SELF_ASSESSMENT_LEVELS, selfAssessRequestSchema, selfAssessmentText } from "./self-assessment-contracts";

describe("self-assessment contracts", () => {
  it("offers three marks with Korean labels", () => {
    expect(SELF_ASSESSMENT_LEVELS.map((l) => SELF_ASSESSMENT_LABEL[l])).toEqual(["부족함", "일부 맞음", "충분함"]);
    expect(selfAssessmentText(0.5)).toBe("일부 맞음 (0.5점)");
    expect(selfAssessmentText(null)).toBe("하지 않음");
  });

  it("accepts a log answer by id and a quiz essay by attempt and question", () => {
    expect(selfAssessRequestSchema.safeParse({ target: "log", id: "x", selfAssessment: 0 }).success).toBe(true);
    expect(selfAssessRequestSchema.safeParse({ target: "response", attemptId: "a", questionId: "q", selfAssessment: 1 }).success).toBe(true);
  });

  it("refuses other marks, unknown targets and extra fields in Korean", () => {
    for (const bad of [
      { target: "log", id: "x", selfAssessment: 0.25 },
      { target: "log", id: "x" },
      { target: "quiz", id: "x", selfAssessment: 1 },
      { target: "log", id: "", selfAssessment: 1 },
      { target: "response", attemptId: "a", selfAssessment: 1 },
      { target: "log", id: "x", selfAssessment: 1, score: 1 },
    ]) {
      const r = selfAssessRequestSchema.safeParse(bad);
      expect(r.success, JSON.stringify(bad)).toBe(false);
      if (!r.success) expect(firstIssue(r.error), JSON.stringify(bad)).toMatch(/[가-힣]/);
    }
  });
});
