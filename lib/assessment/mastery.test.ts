import { describe, expect, it } from "vitest";
import { masteryByConcept, masteryLevel, type ConceptAnswer } from "./mastery";

let t = 0;
const right = (source: ConceptAnswer["source"] = "practice"): ConceptAnswer => ({ score: 1, source, at: ++t });
const wrong = (source: ConceptAnswer["source"] = "practice"): ConceptAnswer => ({ score: 0, source, at: ++t });
const partial = (source: ConceptAnswer["source"] = "practice"): ConceptAnswer => ({ score: 0.5, source, at: ++t });

describe("mastery per concept", () => {
  it("is 미학습 before any answer", () => {
    expect(masteryLevel([])).toBe("미학습");
  });

  it("becomes 시도함 after a first miss and 익숙함 after a first right answer", () => {
    expect(masteryLevel([wrong()])).toBe("시도함");
    expect(masteryLevel([right()])).toBe("익숙함");
  });

  it("rises one level per right answer", () => {
    expect(masteryLevel([wrong(), right()])).toBe("익숙함");
    expect(masteryLevel([right(), right()])).toBe("능숙함");
  });

  it("stops at 능숙함 in practice and reaches 숙달 only from review or the exam", () => {
    expect(masteryLevel([right(), right(), right(), right()])).toBe("능숙함");
    expect(masteryLevel([right(), right(), right("review")])).toBe("숙달");
    expect(masteryLevel([right(), right(), right("exam")])).toBe("숙달");
  });

  it("drops one level on a wrong answer but never below 시도함", () => {
    expect(masteryLevel([right(), right(), right("review"), wrong("exam")])).toBe("능숙함");
    expect(masteryLevel([right(), wrong()])).toBe("시도함");
    expect(masteryLevel([right(), wrong(), wrong(), wrong()])).toBe("시도함");
  });

  it("keeps the level on a partly right answer", () => {
    expect(masteryLevel([right(), right(), partial()])).toBe("능숙함");
    expect(masteryLevel([partial()])).toBe("시도함");
  });

  it("orders the history by time, not by arrival", () => {
    const a = { score: 1, source: "practice", at: "2026-01-02T00:00:00Z" } as const;
    const b = { score: 0, source: "practice", at: "2026-01-01T00:00:00Z" } as const;
    expect(masteryLevel([a, b])).toBe("익숙함"); // miss first, then right
    expect(masteryLevel([b, a])).toBe("익숙함");
  });

  it("counts a question for every concept it is tagged with", () => {
    const m = masteryByConcept([
      { score: 1, source: "practice", at: 1, concepts: ["isr", "acks"] },
      { score: 0, source: "practice", at: 2, concepts: ["acks"] },
    ]);
    expect(Object.fromEntries(m)).toEqual({ isr: "익숙함", acks: "시도함" });
  });
});
