import { describe, expect, it } from "vitest";
import { isPassing, overallGrade } from "./exam-policy";

const at = (d: number) => new Date(Date.UTC(2026, 0, d));

describe("pass mark", () => {
  it("passes at exactly 70 % by default and fails just below", () => {
    expect(isPassing(7, 10)).toBe(true);
    expect(isPassing(6.99, 10)).toBe(false);
    expect(isPassing(0.7 * 3, 3)).toBe(true);
  });

  it("takes a configured pass mark and never passes an empty exam", () => {
    expect(isPassing(8, 10, 0.8)).toBe(true);
    expect(isPassing(7, 10, 0.8)).toBe(false);
    expect(isPassing(0, 0)).toBe(false);
  });
});

describe("grading several attempts", () => {
  // Stored out of order on purpose: the policy orders by submission time.
  const attempts = [
    { score: 9, maxScore: 10, submittedAt: at(2) },
    { score: 5, maxScore: 10, submittedAt: at(1) },
    { score: 3, maxScore: 6, submittedAt: at(3) },
  ];

  it("counts the highest, first, last or average attempt", () => {
    expect(overallGrade(attempts, "highest")).toBe(0.9);
    expect(overallGrade(attempts, "first")).toBe(0.5);
    expect(overallGrade(attempts, "last")).toBe(0.5);
    expect(overallGrade(attempts, "average")).toBeCloseTo((0.5 + 0.9 + 0.5) / 3);
  });

  it("has no grade without attempts", () => {
    expect(overallGrade([], "highest")).toBeNull();
  });
});
