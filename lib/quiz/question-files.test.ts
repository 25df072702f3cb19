import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { publicQuizSchema } from "./contracts";
import { checkAnswer, gradeQuizWith } from "./grade";
import { toPublicQuiz } from "./public";
import { quizFileSchema, type Question, type Quiz } from "./schema";
import { instantiate, seedForAttempt, simulationKey, validateInstance } from "./simulation";

const CHAPTERS = path.join(process.cwd(), "content", "chapters");
/** The engine's key for the scenario a simulation question shows in the attempt with this seed. */
const engineAnswer = (q: Question & { type: "simulation" }, attemptSeed: number) => {
  const seed = seedForAttempt(q, attemptSeed, q.id);
  const inst = instantiate(q, seed);
  const key = simulationKey(inst);
  if (!key.ok) throw new Error(`${q.id}: ${key.message}`);
  return { seed, choice: inst.multiple ? key.key : key.key[0] };
};
const load = (file: string, slug: string): Quiz => ({ id: slug, chapterSlug: slug, ...quizFileSchema.parse(parse(readFileSync(file, "utf8"))) });

describe("question files", () => {
  const chapters = readdirSync(CHAPTERS).filter((d) => /^\d{2}-/.test(d)).sort();
  const quizzes = chapters.map((slug) => load(path.join(CHAPTERS, slug, "quiz.yaml"), slug));

  it("loads every chapter's authored questions, at least eight per chapter", () => {
    for (const quiz of quizzes) expect(quiz.questions.length, quiz.id).toBeGreaterThanOrEqual(8);
  });

  it("gives every authored question full marks for its own key, simulation questions for the engine's key of their scenario", () => {
    for (const [attemptSeed, quiz] of quizzes.entries()) {
      const answers = Object.fromEntries(
        quiz.questions.map((q) => {
          if (q.type === "simulation") {
            const checked = checkAnswer(q, engineAnswer(q, attemptSeed));
            if (!checked.ok) throw new Error(checked.message);
            return [q.id, checked.answer];
          }
          if (q.type === "short-answer") return [q.id, typeof q.answer[0] === "string" ? q.answer[0] : q.answer[0].text];
          if (q.type === "numeric") return [q.id, Array.isArray(q.answer) ? 0 : "value" in q.answer ? q.answer.value : q.answer.min];
          return [q.id, (q as { answer: unknown }).answer];
        }),
      );
      const g = gradeQuizWith(quiz, answers as never, { attemptSeed });
      expect(g.score, quiz.id).toBe(quiz.questions.length);
    }
  });

  it("gives every chapter at least two simulation questions, tagged with concepts its other questions teach", () => {
    for (const quiz of quizzes) {
      const sims = quiz.questions.filter((q) => q.type === "simulation");
      expect(sims.length, quiz.id).toBeGreaterThanOrEqual(2);
      const taught = new Set(quiz.questions.filter((q) => q.type !== "simulation").flatMap((q) => q.concepts));
      for (const q of sims) for (const c of q.concepts) expect(taught.has(c), `${q.id}: ${c}`).toBe(true);
    }
  });

  it("every authored simulation question builds a valid scenario for the seeds of many attempts", () => {
    for (const quiz of quizzes)
      for (const q of quiz.questions)
        if (q.type === "simulation")
          for (let attempt = 0; attempt < 25; attempt++) expect(validateInstance(instantiate(q, seedForAttempt(q, attempt, q.id))), q.id).toEqual([]);
  });

  it("a wrong engine choice loses the simulation question's point", () => {
    const quiz = quizzes[0];
    const q = quiz.questions.find((x) => x.type === "simulation")!;
    if (q.type !== "simulation") throw new Error("simulation question expected");
    const right = engineAnswer(q, 3);
    const wrong = instantiate(q, right.seed).choices.find((c) => c.id !== right.choice)!.id;
    const g = gradeQuizWith({ ...quiz, questions: [q] }, { [q.id]: { seed: right.seed, choice: wrong } }, { attemptSeed: 3 });
    expect(g.score).toBe(0);
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
