import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cbmMark, CBM_MARKS } from "./cbm";
import { gradedResponseSchema, publicQuestionSchema, submissionRequestSchema } from "./contracts";
import { checkSubmission, gradeQuizWith } from "./grade";
import { buildGradedResponse, buildPracticeQuestionResponse, mayReveal, PRACTICE_TRIES } from "./modes";
import { toPublicQuestion, toPublicQuiz } from "./public";
import { quizFileSchema, type Quiz } from "./schema";
import { instantiate, seedForAttempt } from "./simulation";

const quiz: Quiz = {
  id: "04-replication-isr",
  chapterSlug: "04-replication-isr",
  ...quizFileSchema.parse(parse(readFileSync(path.join(import.meta.dirname, "__fixtures__", "every-type.quiz.yaml"), "utf8"))),
};
const byId = (id: string) => quiz.questions.find((q) => q.id === id)!;

describe("checkSubmission with every type", () => {
  it("accepts well-formed answers of every type", () => {
    const seed = seedForAttempt(byId("ex-sim-leader") as never, 3, "ex-sim-leader");
    const r = checkSubmission(quiz, {
      "ex-single-partial": "b",
      "ex-multiple-weights": ["a", "b"],
      "ex-true-false": false,
      "ex-short-partial": "not_enough_replicas",
      "ex-numeric-several": 7,
      "ex-matching": { a: "쓰기 확인 수준", c: "파티션 개수" },
      "ex-ordering": ["a", "b", "c", "d"],
      "ex-essay": { text: "ISR 하한이 필요합니다", selfAssessment: 0.5 },
      "ex-sim-leader": { seed, choice: "b2" },
      "ex-sim-compaction": null,
    });
    expect(r.ok).toBe(true);
  });

  const rejects: [string, unknown, string][] = [
    ["ex-single-partial", "z", "보기 id 하나(문자열)"],
    ["ex-multiple-weights", ["a", "a"], "보기 id 목록(문자열 배열)"],
    ["ex-matching", { a: "지어낸 답" }, "항목 id별로 고른 답({ a: \"…\" })"],
    ["ex-matching", { x: "보존 기간" }, "항목 id별로 고른 답({ a: \"…\" })"],
    ["ex-ordering", ["a", "b"], "모든 항목 id를 순서대로 담은 배열"],
    ["ex-essay", { text: "답", extra: 1 }, "{ text, selfAssessment? } 객체"],
    ["ex-essay", { text: "답", selfAssessment: 0.7 }, "{ text, selfAssessment? } 객체"],
    ["ex-sim-leader", { seed: 999_999, choice: "b1" }, "{ seed, choice } 객체"],
    ["ex-sim-leader", { seed: 3, choice: "o1" }, "{ seed, choice } 객체"],
    ["ex-sim-leader", { seed: 3, choice: ["b1", "b2"] }, "{ seed, choice } 객체"],
    ["ex-numeric-several", Number.NaN, "숫자"],
    ["ex-short-partial", "x".repeat(501), "문자열"],
  ];
  it.each(rejects)("rejects %s = %j with a Korean hint", (id, value, hint) => {
    const r = checkSubmission(quiz, { [id]: value });
    expect(r).toEqual({ ok: false, message: `문항 ${id}의 답 형식이 올바르지 않습니다. 보낼 형식: ${hint}.` });
  });

  it("rejects a question the quiz does not have", () => {
    expect(checkSubmission(quiz, { nope: 1 })).toEqual({ ok: false, message: "이 퀴즈에 없는 문항입니다: nope" });
  });
});

describe("certainty-based marking", () => {
  it("uses Moodle's mark table: right 1/2/3, wrong 0/−2/−6, partial credit scaled", () => {
    expect([1, 2, 3].map((c) => cbmMark(1, c as 1 | 2 | 3))).toEqual([1, 2, 3]);
    expect([1, 2, 3].map((c) => cbmMark(0, c as 1 | 2 | 3))).toEqual([0, -2, -6]);
    expect(cbmMark(0.5, 3)).toBe(1.5);
    expect(cbmMark(0.5)).toBe(0.5);
    expect(CBM_MARKS[3].label).toContain("확신 높음");
  });

  it("adds CBM marks per question and in total when confidence is given", () => {
    const g = gradeQuizWith(quiz, { "ex-true-false": false, "ex-single-partial": "c" }, { confidence: { "ex-true-false": 3, "ex-single-partial": 2 } });
    expect(g.results.find((r) => r.questionId === "ex-true-false")!.cbm).toEqual({ confidence: 3, mark: 3 });
    expect(g.results.find((r) => r.questionId === "ex-single-partial")!.cbm).toEqual({ confidence: 2, mark: -2 });
    expect(g.cbm).toEqual({ total: 1, average: 1 / quiz.questions.length, max: 3 * quiz.questions.length });
  });
});

describe("exam-mode key secrecy", () => {
  const grade = gradeQuizWith(quiz, { "ex-true-false": false }, { attemptSeed: 1 });

  it("reveals everything in practice mode", () => {
    const r = buildGradedResponse(grade, { mode: "practice" });
    expect(gradedResponseSchema.parse(r)).toEqual(r);
    expect(r.score).toBe(1);
    expect(r.results.every((x) => x.correctAnswer !== undefined && x.explanation)).toBe(true);
  });

  it("gives a bare exam request no score, keys, explanations or correctness", () => {
    const r = buildGradedResponse(grade, { mode: "exam" });
    expect(gradedResponseSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({ revealed: false, score: null });
    const text = JSON.stringify(r);
    for (const q of quiz.questions) if (q.explanation) expect(text).not.toContain(q.explanation);
    expect(text).not.toContain("correctAnswer");
    expect(r.results.every((x) => !x.correct && x.score === 0)).toBe(true);
  });

  it("reveals exam keys only for the learner's own submitted attempt", () => {
    expect(mayReveal({ mode: "exam", attempt: { ownAttempt: false, submitted: true } })).toBe(false);
    expect(mayReveal({ mode: "exam", attempt: { ownAttempt: true, submitted: false } })).toBe(false);
    const r = buildGradedResponse(grade, { mode: "exam", attempt: { ownAttempt: true, submitted: true } }, { attemptId: "a1" });
    expect(r).toMatchObject({ revealed: true, score: 1, attemptId: "a1" });
  });
});

describe("public questions", () => {
  it("drop keys, weights, feedback, explanations and model answers for every type", () => {
    const pub = JSON.stringify(toPublicQuiz(quiz, { attemptSeed: 5 }));
    for (const s of ['"weight":', '"feedback":', '"explanation":', '"modelAnswer":', '"answer":', '"distractors":', '"template":', "배정 순서 3, 1, 2에서", "유실 위험이 커집니다", "모범 답안"]) expect(pub).not.toContain(s);
  });

  it("shuffle options per attempt, deterministically, only where the author asked", () => {
    const single = byId("ex-single-partial");
    const orders = Array.from({ length: 20 }, (_, s) => JSON.stringify(toPublicQuestion(single, { attemptSeed: s })));
    expect(new Set(orders).size).toBeGreaterThan(1);
    expect(toPublicQuestion(single, { attemptSeed: 4 })).toEqual(toPublicQuestion(single, { attemptSeed: 4 }));
    const fixed = byId("ex-multiple-weights");
    expect(toPublicQuestion(fixed, { attemptSeed: 4 })).toMatchObject({ options: [{ id: "a" }, { id: "b" }, { id: "c" }] });
  });

  it("never show ordering items in their correct order", () => {
    for (let s = 0; s < 50; s++) {
      const p = toPublicQuestion(byId("ex-ordering"), { attemptSeed: s });
      expect(p.type === "ordering" && p.items.map((i) => i.id).join("")).not.toBe("abcd");
    }
  });

  it("offer every matching answer and the distractor in each select", () => {
    const p = toPublicQuestion(byId("ex-matching"));
    expect(p.type === "matching" && [...p.choices].sort()).toEqual(["ISR의 하한", "보존 기간", "쓰기 확인 수준", "파티션 개수"].sort());
  });

  it("give a simulation the attempt's scenario, its summary and a widget link", () => {
    const q = byId("ex-sim-leader");
    const p = toPublicQuestion(q, { attemptSeed: 11, chapterSlug: "04-replication-isr" });
    expect(publicQuestionSchema.parse(p)).toEqual(p);
    if (p.type !== "simulation" || q.type !== "simulation") throw new Error("simulation expected");
    expect(p.lead).toBe("엔진이 재생하는 클러스터에서 답을 골라 보세요.");
    expect(p.prompt).toBe(instantiate(q, p.seed).prompt);
    expect(p.scenarioHref).toMatch(/^\/chapters\/04-replication-isr\?scenario=replication-lab\.[A-Za-z0-9_-]+#replication-lab$/);
  });
});

describe("submission request contract", () => {
  it("accepts the current body and the new optional fields, and rejects unknown fields", () => {
    expect(submissionRequestSchema.safeParse({ answers: {}, idempotencyKey: "12345678" }).success).toBe(true);
    expect(submissionRequestSchema.safeParse({ answers: { a: 1 }, attemptSeed: 4, confidence: { a: 3 } }).success).toBe(true);
    expect(submissionRequestSchema.safeParse({ answers: {}, confidence: { a: 4 } }).success).toBe(false);
    expect(submissionRequestSchema.safeParse({ answers: {}, extra: true }).success).toBe(false);
  });
});

describe("practice mode tries", () => {
  const graded = (answer: boolean) =>
    gradedResponseSchema.parse(buildGradedResponse(gradeQuizWith(quiz, { "ex-true-false": answer }), { mode: "practice" })).results.find((r) => r.questionId === "ex-true-false")!;
  const wrong = graded(true);
  const right = graded(false);

  it("after a wrong first try shows the verdict and explanation but keeps the key for the retry", () => {
    const r = buildPracticeQuestionResponse(wrong, 1);
    expect(r).toMatchObject({ correct: false, triesLeft: 1, explanation: "ISR 멤버만 기다립니다." });
    expect(r).not.toHaveProperty("correctAnswer");
  });

  it("shows the key once the answer is right or the tries are used up", () => {
    expect(buildPracticeQuestionResponse(right, 1)).toMatchObject({ correctAnswer: false, triesLeft: 0 });
    expect(buildPracticeQuestionResponse(wrong, PRACTICE_TRIES)).toMatchObject({ correctAnswer: false, triesLeft: 0 });
  });
});
