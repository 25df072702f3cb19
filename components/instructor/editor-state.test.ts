import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { validateQuestionDraft } from "@/lib/db/instructor-schema";
import { quizFileSchema } from "@/lib/quiz/schema";
import { fromQuestion, previewQuestion, toDraft } from "./editor-state";

const everyType = quizFileSchema.parse(parse(readFileSync("lib/quiz/__fixtures__/every-type.quiz.yaml", "utf8"))).questions;

describe("the question editor's form", () => {
  it("covers every question type the schema has", () => {
    expect(new Set(everyType.map((q) => q.type))).toEqual(new Set(["single", "multiple", "true-false", "short-answer", "numeric", "matching", "ordering", "essay", "simulation"]));
  });

  it.each(everyType.map((q) => [q.type, q] as const))("saves an unchanged %s question as the same question", (_type, q) => {
    const result = validateQuestionDraft(toDraft(fromQuestion(q, "01-kafka-ecosystem", "draft")));
    expect(result.ok).toBe(true);
    const { id: _id, ...withoutId } = q;
    void _id;
    if (result.ok) expect(result.question).toEqual(JSON.parse(JSON.stringify({ ...withoutId, ...(q.type === "numeric" && !Array.isArray(q.answer) ? { answer: [q.answer] } : {}) })));
  });

  it("previews every type as a learner receives it, without its key", () => {
    for (const q of everyType) {
      const shown = previewQuestion(fromQuestion(q, "01-kafka-ecosystem", "draft"));
      expect(shown?.type).toBe(q.type);
      expect(JSON.stringify(shown)).not.toContain(q.explanation ?? "\u0000");
    }
  });

  it("previews a new, empty question of each type instead of failing", () => {
    for (const type of ["single", "multiple", "numeric", "matching", "ordering", "essay"] as const) {
      const s = { ...fromQuestion(null, "01-kafka-ecosystem", "draft"), type };
      expect(previewQuestion(s)?.prompt).toBe("(문제를 입력하세요)");
    }
  });

  it("names a bad numeric range and bad simulation params next to their fields, in Korean", () => {
    const s = fromQuestion(null, "01-kafka-ecosystem", "draft");
    const numeric = validateQuestionDraft(toDraft({ ...s, type: "numeric", prompt: "몇 개?", explanation: "해설", concepts: "isr", numeric: [{ kind: "range", a: "5", b: "3", weight: "" }] }));
    expect(numeric).toEqual({ ok: false, fieldErrors: { answer: expect.stringMatching(/min이 max보다/) } });
    const sim = validateQuestionDraft(toDraft({ ...s, type: "simulation", concepts: "isr", params: "{ 틀린 JSON" }));
    expect(sim).toEqual({ ok: false, fieldErrors: { params: expect.stringMatching(/[가-힣]/) } });
  });
});
