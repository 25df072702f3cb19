import { describe, expect, it } from "vitest";
import {
  gradeEssay,
  gradeMatching,
  gradeMultiple,
  gradeNumeric,
  gradeOrdering,
  gradeQuestion,
  gradeShortAnswer,
  gradeSimulation,
  gradeSingle,
  gradeTrueFalse,
  normalizeText,
} from "./graders";
import { questionSchema, type Question, type QuestionOf } from "./schema";
import { instantiate, simulationKey } from "./simulation";

const base = { concepts: ["c"], prompt: "문항", explanation: "해설" };
const q = <T extends Question["type"]>(type: T, rest: object) =>
  questionSchema.parse({ id: `q-${type}`, type, ...base, ...rest }) as QuestionOf<T>;

describe("single choice", () => {
  const single = q("single", {
    options: [
      { id: "a", text: "정답", feedback: "맞습니다" },
      { id: "b", text: "반쯤", weight: 0.5 },
      { id: "c", text: "벌점", weight: -0.5, feedback: "위험합니다" },
      { id: "d", text: "오답" },
    ],
    answer: "a",
  });
  it("gives the key full marks with its feedback", () => expect(gradeSingle(single, "a")).toEqual({ score: 1, feedback: ["맞습니다"] }));
  it("gives a partial-credit option its weight", () => expect(gradeSingle(single, "b").score).toBe(0.5));
  it("clamps a negative weight to zero but still shows its feedback", () => expect(gradeSingle(single, "c")).toEqual({ score: 0, feedback: ["위험합니다"] }));
  it("gives an unweighted wrong option zero", () => expect(gradeSingle(single, "d").score).toBe(0));
});

describe("multiple choice (Moodle fractions)", () => {
  const plain = q("multiple", { options: ["a", "b", "c", "d"].map((id) => ({ id, text: id })), answer: ["a", "b"] });
  it("defaults to +1/k per key and −1/k per wrong pick, floored at zero", () => {
    expect(gradeMultiple(plain, ["a", "b"]).score).toBe(1);
    expect(gradeMultiple(plain, ["a"]).score).toBe(0.5);
    expect(gradeMultiple(plain, ["a", "b", "c"]).score).toBe(0.5);
    expect(gradeMultiple(plain, ["a", "c", "d"]).score).toBe(0);
    expect(gradeMultiple(plain, []).score).toBe(0);
  });
  const weighted = q("multiple", {
    options: [
      { id: "a", text: "a", weight: 1 / 3 },
      { id: "b", text: "b", weight: 1 / 3 },
      { id: "c", text: "c", weight: 1 / 3 },
      { id: "d", text: "d", weight: -1, feedback: "틀린 보기" },
    ],
    answer: ["a", "b", "c"],
  });
  it("sums authored weights, with thirds adding up to full credit", () => {
    expect(gradeMultiple(weighted, ["a", "b", "c"]).score).toBe(1);
    expect(gradeMultiple(weighted, ["a", "b"]).score).toBeCloseTo(2 / 3, 6);
  });
  it("lets a −100 % option wipe out the rest, never below zero", () => {
    expect(gradeMultiple(weighted, ["a", "b", "c", "d"])).toEqual({ score: 0, feedback: ["틀린 보기"] });
  });
});

describe("true/false", () => {
  const tf = q("true-false", { answer: false });
  it("is all or nothing", () => {
    expect(gradeTrueFalse(tf, false).score).toBe(1);
    expect(gradeTrueFalse(tf, true).score).toBe(0);
  });
});

describe("short answer", () => {
  const sa = q("short-answer", { answer: ["NOT_ENOUGH_REPLICAS", "리더 에포크", { text: "NotEnoughReplicasException", weight: 0.5, feedback: "Java 예외 이름입니다" }] });
  it("ignores case, surrounding and repeated spaces", () => expect(gradeShortAnswer(sa, "  not_enough_replicas ").score).toBe(1));
  it("treats full-width Latin letters as half-width (NFKC)", () => expect(gradeShortAnswer(sa, "ＮＯＴ＿ＥＮＯＵＧＨ＿ＲＥＰＬＩＣＡＳ").score).toBe(1));
  it("matches Korean with extra spaces between words", () => expect(gradeShortAnswer(sa, "리더   에포크").score).toBe(1));
  it("matches Korean typed as decomposed jamo (NFKC composes them)", () => expect(gradeShortAnswer(sa, "리더 에포크".normalize("NFD")).score).toBe(1));
  it("does not accept Korean words run together", () => expect(gradeShortAnswer(sa, "리더에포크").score).toBe(0));
  it("gives partial credit with its feedback", () => expect(gradeShortAnswer(sa, "notenoughreplicasexception")).toEqual({ score: 0.5, feedback: ["Java 예외 이름입니다"] }));
  it("normalises full-width spaces too", () => expect(normalizeText("리더\u3000에포크")).toBe("리더 에포크"));
});

describe("numeric", () => {
  const num = q("numeric", { answer: [{ value: 7, tolerance: 0.5 }, { min: 5, max: 9, weight: 0.5 }, { value: 168, weight: 0.25 }] });
  it("accepts the value and both tolerance edges", () => {
    expect(gradeNumeric(num, 7).score).toBe(1);
    expect(gradeNumeric(num, 6.5).score).toBe(1);
    expect(gradeNumeric(num, 7.5).score).toBe(1);
  });
  it("falls back to the range's partial credit just outside the tolerance, and to nothing outside the range", () => {
    expect(gradeNumeric(num, 7.6).score).toBe(0.5);
    expect(gradeNumeric(num, 5).score).toBe(0.5);
    expect(gradeNumeric(num, 9).score).toBe(0.5);
    expect(gradeNumeric(num, 9.01).score).toBe(0);
  });
  it("takes the best of several matching answers and an exact value with no tolerance", () => {
    expect(gradeNumeric(num, 168).score).toBe(0.25);
    expect(gradeNumeric(num, 168.001).score).toBe(0);
  });
  it("forgives binary rounding but not a real difference", () => {
    const exact = q("numeric", { answer: { value: 0.3 } });
    expect(gradeNumeric(exact, 0.1 + 0.2).score).toBe(1);
    expect(gradeNumeric(exact, 0.30001).score).toBe(0);
  });
});

describe("matching", () => {
  const m = q("matching", {
    pairs: [
      { id: "a", prompt: "acks", answer: "쓰기 확인" },
      { id: "b", prompt: "retention.ms", answer: "보존 기간" },
      { id: "c", prompt: "min.insync.replicas", answer: "ISR 하한" },
    ],
    distractors: ["파티션 수"],
  });
  it("counts each right pair equally", () => {
    expect(gradeMatching(m, { a: "쓰기 확인", b: "보존 기간", c: "ISR 하한" }).score).toBe(1);
    expect(gradeMatching(m, { a: "쓰기 확인", b: "파티션 수" }).score).toBeCloseTo(1 / 3, 6);
    expect(gradeMatching(m, {}).score).toBe(0);
  });
});

describe("ordering (relative to the next item, excluding the last)", () => {
  const o = q("ordering", { items: ["a", "b", "c", "d"].map((id) => ({ id, text: id })) });
  it("gives full marks for the right order and partial marks per right successor", () => {
    expect(gradeOrdering(o, ["a", "b", "c", "d"]).score).toBe(1);
    expect(gradeOrdering(o, ["b", "c", "d", "a"]).score).toBeCloseTo(2 / 3, 6);
    expect(gradeOrdering(o, ["d", "c", "b", "a"]).score).toBe(0);
  });
});

describe("essay", () => {
  const e = q("essay", { modelAnswer: "모범 답안" });
  it("stays pending for an instructor and keeps the self-assessment as the provisional score", () => {
    expect(gradeEssay(e, { text: "제 답", selfAssessment: 0.5 })).toEqual({ score: 0.5, pending: true });
    const r = gradeQuestion(e, { text: "제 답", selfAssessment: 1 });
    expect(r).toMatchObject({ pending: true, correct: false, score: 1, correctAnswer: "모범 답안" });
  });
});

describe("simulation", () => {
  const leader = q("simulation", { template: "leader-after-broker-stop", seeds: { min: 1, max: 100 } });
  it("grades by running the engine: the engine's leader is right, another broker is wrong", () => {
    const inst = instantiate(leader, 42);
    const key = simulationKey(inst);
    if (!key.ok) throw new Error(key.message);
    const wrong = inst.choices.find((c) => !key.key.includes(c.id))!.id;
    expect(gradeSimulation(leader, { seed: 42, choice: key.key[0] }).score).toBe(1);
    expect(gradeSimulation(leader, { seed: 42, choice: wrong }).score).toBe(0);
  });
  it("reveals the scenario it graded and the engine's explanation after the authored one", () => {
    const r = gradeQuestion(leader, { seed: 7, choice: "b1" });
    expect(r.correctAnswer).toMatchObject({ seed: 7, scenario: { engineVersion: "kafka-sim-1", kind: "cluster", seed: 7 } });
    expect(r.explanation).toMatch(/^해설\n\n엔진이 재생한 결과 리더는/);
  });
  it("gives multiple-answer partial credit on compaction survivors", () => {
    const comp = q("simulation", { template: "compaction-survivors", seeds: { min: 1, max: 100 } });
    const key = simulationKey(instantiate(comp, 3));
    if (!key.ok) throw new Error(key.message);
    expect(gradeSimulation(comp, { seed: 3, choice: key.key }).score).toBe(1);
    expect(gradeSimulation(comp, { seed: 3, choice: key.key.slice(1) }).score).toBeCloseTo((key.key.length - 1) / key.key.length, 6);
  });
});
