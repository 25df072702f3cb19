import { describe, expect, it } from "vitest";
import { checkSubmission, gradeQuiz } from "./grade";
import { toPublicQuiz } from "./public";
import { quizFileSchema, type Quiz } from "./schema";

const quiz: Quiz = {
  id: "99-sample",
  chapterSlug: "99-sample",
  ...quizFileSchema.parse({
    title: "샘플",
    questions: [
      {
        id: "q-single",
        type: "single",
        concepts: ["x"],
        prompt: "하나",
        options: [
          { id: "a", text: "A" },
          { id: "b", text: "B" },
        ],
        answer: "b",
        explanation: "B가 맞습니다",
      },
      {
        id: "q-multi",
        type: "multiple",
        concepts: ["x"],
        prompt: "여럿",
        options: [
          { id: "a", text: "A" },
          { id: "b", text: "B" },
          { id: "c", text: "C" },
        ],
        answer: ["a", "c"],
        explanation: "A와 C",
      },
      { id: "q-tf", type: "true-false", concepts: ["x"], prompt: "참?", answer: false, explanation: "거짓" },
      { id: "q-short", type: "short-answer", concepts: ["x"], prompt: "토픽?", answer: ["__consumer_offsets"], explanation: "내부 토픽" },
      { id: "q-num", type: "numeric", concepts: ["x"], prompt: "몇?", answer: { value: 2 }, explanation: "2" },
    ],
  }),
};

describe("quiz grading", () => {
  it("gives full marks for every correct answer", () => {
    const r = gradeQuiz(quiz, { "q-single": "b", "q-multi": ["c", "a"], "q-tf": false, "q-short": "  __CONSUMER_OFFSETS ", "q-num": 2 });
    expect(r).toMatchObject({ score: 5, maxScore: 5 });
    expect(r.results.every((x) => x.correct)).toBe(true);
  });

  it("gives partial credit on multiple choice and subtracts wrong picks", () => {
    const [, multi] = gradeQuiz(quiz, { "q-multi": ["a"] }).results;
    expect(multi).toMatchObject({ correct: false, score: 0.5 });
    expect(gradeQuiz(quiz, { "q-multi": ["a", "b"] }).results[1].score).toBe(0);
    expect(gradeQuiz(quiz, { "q-multi": ["a", "b", "c"] }).results[1].score).toBe(0.5);
  });

  it("scores unanswered questions as zero and says they were unanswered", () => {
    const r = gradeQuiz(quiz, {});
    expect(r.score).toBe(0);
    expect(r.results.every((x) => !x.answered && x.score === 0)).toBe(true);
  });

  it("reveals the key and explanation only in the graded result", () => {
    const r = gradeQuiz(quiz, { "q-single": "a" });
    expect(r.results[0]).toMatchObject({ correct: false, correctAnswer: "b", explanation: "B가 맞습니다" });
  });
});

describe("submission checks", () => {
  it("rejects a question the quiz does not have", () => {
    expect(checkSubmission(quiz, { nope: "a" })).toEqual({ ok: false, message: "이 퀴즈에 없는 문항입니다: nope" });
  });

  it("rejects an answer of the wrong shape with the expected shape in Korean", () => {
    const r = checkSubmission(quiz, { "q-num": "two" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("숫자");
    expect(checkSubmission(quiz, { "q-single": "z" }).ok).toBe(false);
    expect(checkSubmission(quiz, { "q-multi": ["a", "a"] }).ok).toBe(false);
    expect(checkSubmission(quiz, ["a"]).ok).toBe(false);
    expect(checkSubmission(quiz, null).ok).toBe(false);
  });

  it("treats null answers as unanswered", () => {
    expect(checkSubmission(quiz, { "q-tf": null })).toEqual({ ok: true, answers: {} });
  });
});

describe("public quiz", () => {
  it("carries no answer key or explanation", () => {
    const json = JSON.stringify(toPublicQuiz(quiz));
    expect(json).not.toMatch(/"answer"|"explanation"|B가 맞습니다|__consumer_offsets/);
    expect(json).toContain("하나");
  });
});

describe("quiz file schema", () => {
  it("rejects an answer key that names a missing option", () => {
    const bad = {
      title: "t",
      questions: [
        {
          id: "q",
          type: "single",
          concepts: ["x"],
          prompt: "p",
          options: [
            { id: "a", text: "A" },
            { id: "b", text: "B" },
          ],
          answer: "c",
          explanation: "e",
        },
      ],
    };
    expect(quizFileSchema.safeParse(bad).success).toBe(false);
  });

  it("rejects duplicate question ids", () => {
    const q = { id: "q", type: "true-false", concepts: ["x"], prompt: "p", answer: true, explanation: "e" };
    expect(quizFileSchema.safeParse({ title: "t", questions: [q, q] }).success).toBe(false);
  });
});
