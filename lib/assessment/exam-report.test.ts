import { describe, expect, it } from "vitest";
import { conceptBreakdown, sectionForConcept, strengthsAndWeaknesses } from "./exam-report";

describe("per-concept results", () => {
  const answers = [
    { concepts: ["isr", "acks"], score: 1, chapterSlug: "04-replication-isr" },
    { concepts: ["isr"], score: 0, chapterSlug: "04-replication-isr" },
    { concepts: ["compaction"], score: 0.5, chapterSlug: "03-log-segments-retention" },
    { concepts: ["acks"], score: 1, chapterSlug: "02-brokers-and-cluster" },
  ];

  it("adds up points per concept, weakest first", () => {
    expect(conceptBreakdown(answers).map((r) => [r.concept, r.asked, r.earned])).toEqual([
      ["compaction", 1, 0.5],
      ["isr", 2, 1],
      ["acks", 2, 2],
    ]);
  });

  it("splits strengths from weaknesses at 70 %", () => {
    const { strengths, weaknesses } = strengthsAndWeaknesses(conceptBreakdown(answers));
    expect(strengths.map((r) => r.concept)).toEqual(["acks"]);
    expect(weaknesses.map((r) => r.concept)).toEqual(["compaction", "isr"]);
  });

  it("links a concept to the chapter most of its questions came from", () => {
    const isr = conceptBreakdown(answers).find((r) => r.concept === "isr");
    expect(isr?.chapterSlug).toBe("04-replication-isr");
  });
});

describe("section to re-read", () => {
  const toc = [
    { id: "왜-복제할까", text: "왜 복제할까" },
    { id: "isrin-sync-replicas", text: "ISR(In-Sync Replicas)" },
    { id: "acks와-mininsyncreplicas", text: "acks와 min.insync.replicas" },
  ];

  it("finds the heading that names the concept", () => {
    expect(sectionForConcept("min-insync-replicas", toc)).toBe("acks와-mininsyncreplicas");
    expect(sectionForConcept("isr", toc)).toBe("isrin-sync-replicas");
    expect(sectionForConcept("acks", toc)).toBe("acks와-mininsyncreplicas");
  });

  it("returns null when no heading names it, so the chapter itself is linked", () => {
    expect(sectionForConcept("high-watermark", toc)).toBeNull();
  });
});
