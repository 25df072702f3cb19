import { describe, expect, it } from "vitest";
import { chapterCompletion } from "./progress";

describe("chapter completion", () => {
  it("is zero for an untouched chapter", () => expect(chapterCompletion(null)).toBe(0));
  it("counts reading to the end as half", () =>
    expect(chapterCompletion({ readAt: "2026-01-01T00:00:00Z", bestScore: null, maxScore: null })).toBe(0.5));
  it("adds the best quiz score ratio as the other half", () =>
    expect(chapterCompletion({ readAt: "2026-01-01T00:00:00Z", bestScore: 3, maxScore: 4 })).toBe(0.875));
  it("counts a quiz without reading", () => expect(chapterCompletion({ readAt: null, bestScore: 5, maxScore: 5 })).toBe(0.5));
});
