import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { publicQuizSchema } from "./contracts";
import { gradeQuiz } from "./grade";
import { toPublicQuiz } from "./public";
import { quizFileSchema, type Quiz } from "./schema";

const CHAPTERS = path.join(process.cwd(), "content", "chapters");
const load = (file: string, slug: string): Quiz => ({ id: slug, chapterSlug: slug, ...quizFileSchema.parse(parse(readFileSync(file, "utf8"))) });

describe("question files", () => {
  const chapters = readdirSync(CHAPTERS).filter((d) => /^\d{2}-/.test(d)).sort();
  const quizzes = chapters.map((slug) => load(path.join(CHAPTERS, slug, "quiz.yaml"), slug));

  it("loads the course's 36 authored questions unchanged", () => {
    expect(quizzes.reduce((n, q) => n + q.questions.length, 0)).toBe(36);
  });

  it("gives every authored question full marks for its own key, as before", () => {
    for (const quiz of quizzes) {
      const answers = Object.fromEntries(
        quiz.questions.map((q) => {
          if (q.type === "short-answer") return [q.id, typeof q.answer[0] === "string" ? q.answer[0] : q.answer[0].text];
          if (q.type === "numeric") return [q.id, Array.isArray(q.answer) ? 0 : "value" in q.answer ? q.answer.value : q.answer.min];
          return [q.id, (q as { answer: unknown }).answer];
        }),
      );
      const g = gradeQuiz(quiz, answers as never);
      expect(g.score, quiz.id).toBe(quiz.questions.length);
    }
  });

  it("reads a file with every question type, new fields included", () => {
    const quiz = load(path.join(import.meta.dirname, "__fixtures__", "every-type.quiz.yaml"), "04-replication-isr");
    expect(quiz.questions.map((q) => q.type)).toEqual(["single", "multiple", "true-false", "short-answer", "numeric", "matching", "ordering", "essay", "simulation", "simulation", "simulation"]);
    const pub = toPublicQuiz(quiz, { attemptSeed: 7 });
    expect(publicQuizSchema.parse(pub)).toEqual(pub);
  });

  it("rejects new fields with wrong values in Korean", () => {
    const bad = (q: object) => quizFileSchema.safeParse({ title: "t", questions: [{ id: "q", concepts: ["c"], prompt: "p", explanation: "e", ...q }] });
    expect(bad({ type: "simulation", template: "no-such-template" }).success).toBe(false);
    expect(bad({ type: "simulation", template: "acks-all-write", params: { brokers: 9 } }).success).toBe(false);
    const multi = bad({ type: "multiple", options: [{ id: "a", text: "x", weight: 0.3 }, { id: "b", text: "y" }], answer: ["a"] });
    expect(multi.success).toBe(false);
    expect(multi.error?.issues[0].message).toBe("q: 복수 선택의 양수 가중치를 더하면 1이 되어야 합니다");
    expect(bad({ type: "numeric", answer: { min: 5, max: 1 } }).error?.issues[0].message).toBe("q: 숫자 범위의 min이 max보다 큽니다");
    expect(bad({ type: "short-answer", answer: [{ text: "x", weight: 0.5 }] }).error?.issues[0].message).toBe("q: 100% 정답이 하나 이상 있어야 합니다");
    expect(bad({ type: "ordering", items: [{ id: "a", text: "x" }, { id: "a", text: "y" }] }).error?.issues[0].message).toBe("q: 항목 id가 중복됩니다");
  });
});
