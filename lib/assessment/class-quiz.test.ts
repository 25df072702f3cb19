import { describe, expect, it } from "vitest";
import {
  acceptsSubmission,
  attemptLimitSec,
  attemptsLeft,
  checkItems,
  describeRule,
  drawQuestions,
  feedbackVisible,
  quizWindow,
  rulesText,
  windowMessage,
  type Candidate,
} from "./class-quiz";
import { classQuizInputSchema, type ClassQuizItem } from "./class-quiz-contracts";
import { overallGrade } from "./exam-policy";

const c = (id: string, chapterSlug: string, concepts: string[], extra: Partial<Candidate> = {}): Candidate => ({
  id,
  chapterSlug,
  type: "single",
  concepts,
  published: true,
  ...extra,
});
const BANK: Candidate[] = [
  c("r1", "04-replication", ["replication"]),
  c("r2", "04-replication", ["replication", "isr"]),
  c("r3", "04-replication", ["replication"]),
  c("r4", "04-replication", ["replication"], { type: "numeric" }),
  c("i1", "05-consumers", ["isr"]),
  c("i2", "06-ops", ["isr"]),
  c("i3", "06-ops", ["isr"], { published: false }),
  c("x1", "01-intro", ["topic"]),
];
const rule = (r: Partial<Extract<ClassQuizItem, { kind: "draw" }>>): ClassQuizItem => ({ kind: "draw", chapterSlug: null, concept: null, type: null, count: 1, ...r });
const EXAMPLE: ClassQuizItem[] = [
  { kind: "fixed", questionId: "x1" },
  rule({ chapterSlug: "04-replication", concept: "replication", count: 3 }),
  rule({ concept: "isr", count: 2 }),
];

describe("drawing a class quiz attempt", () => {
  it("hands out the fixed question and each rule's count, all different, in item order", () => {
    const { ids, short } = drawQuestions(EXAMPLE, BANK, 42);
    expect(short).toEqual([]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(ids[0]).toBe("x1");
    expect(ids.slice(1, 4).every((id) => id.startsWith("r"))).toBe(true);
    // The second rule draws isr questions the first rule did not take (r2 is both).
    for (const id of ids.slice(4)) expect(BANK.find((q) => q.id === id)!.concepts).toContain("isr");
  });

  it("is the same draw for the same seed and a different one for some other seed", () => {
    const a = drawQuestions(EXAMPLE, BANK, 7).ids;
    expect(drawQuestions(EXAMPLE, BANK, 7).ids).toEqual(a);
    const others = Array.from({ length: 20 }, (_, s) => drawQuestions(EXAMPLE, BANK, 100 + s).ids.join());
    expect(others.some((o) => o !== a.join())).toBe(true);
  });

  it("never draws an unpublished question at random, though a fixed item may name a draft", () => {
    for (let seed = 0; seed < 50; seed++) expect(drawQuestions([rule({ chapterSlug: "06-ops", count: 2 })], BANK, seed).ids).not.toContain("i3");
    expect(drawQuestions([{ kind: "fixed", questionId: "i3" }], BANK, 1).ids).toEqual(["i3"]);
  });

  it("reserves fixed questions even when a rule comes first", () => {
    for (let seed = 0; seed < 30; seed++) {
      const { ids } = drawQuestions([rule({ chapterSlug: "01-intro" }), { kind: "fixed", questionId: "x1" }], BANK, seed);
      expect(ids).toEqual(["x1"]);
    }
  });

  it("filters by type and reports a rule the bank cannot fill", () => {
    expect(drawQuestions([rule({ type: "numeric" })], BANK, 3).ids).toEqual(["r4"]);
    expect(drawQuestions([rule({ concept: "isr", count: 5 })], BANK, 3).short).toEqual([{ item: 0, wanted: 5, got: 3 }]);
  });
});

describe("checking a quiz's items against the bank", () => {
  it("accepts the example quiz", () => {
    expect(checkItems(EXAMPLE, BANK)).toEqual({});
  });

  it("names an unknown question, a repeated one and a rule asking for too many, in Korean, by item", () => {
    const errors = checkItems(
      [{ kind: "fixed", questionId: "nope" }, { kind: "fixed", questionId: "x1" }, { kind: "fixed", questionId: "x1" }, rule({ concept: "topic", count: 1 })],
      BANK,
    );
    expect(Object.keys(errors).sort()).toEqual(["items.0", "items.2", "items.3"]);
    expect(errors["items.0"]).toContain("없는");
    expect(errors["items.2"]).toContain("두 번");
    expect(errors["items.3"]).toBe("이 규칙에 맞는 문항이 0개뿐이라 1개를 뽑을 수 없습니다.");
  });
});

describe("the quiz's window, attempts and feedback", () => {
  const T = new Date("2026-05-01T10:00:00Z");
  const at = (min: number) => new Date(T.getTime() + min * 60_000);
  const q = { status: "active", opensAt: at(0), closesAt: at(60) };

  it("opens at opensAt, closes at closesAt, and an archived quiz is never open", () => {
    expect(quizWindow(q, at(-1))).toBe("not-open");
    expect(quizWindow(q, at(0))).toBe("open");
    expect(quizWindow(q, at(60))).toBe("closed");
    expect(quizWindow({ ...q, status: "archived" }, at(10))).toBe("archived");
    expect(quizWindow({ status: "active", opensAt: null, closesAt: null }, at(1e6))).toBe("open");
    expect(windowMessage(q, at(-1))).toBe("아직 열리지 않은 퀴즈입니다. 2026-05-01 10:00 UTC부터 응시할 수 있습니다.");
    expect(windowMessage(q, at(61))).toContain("마감된 퀴즈");
    expect(windowMessage(q, at(1))).toBeNull();
  });

  it("takes a submission until the grace after closing, never on an archived quiz", () => {
    expect(acceptsSubmission(q, new Date(at(60).getTime() + 30_000), 30)).toBe(true);
    expect(acceptsSubmission(q, new Date(at(60).getTime() + 30_001), 30)).toBe(false);
    expect(acceptsSubmission({ ...q, status: "archived" }, at(1), 30)).toBe(false);
  });

  it("shortens the time limit to the time left before closing", () => {
    expect(attemptLimitSec(1200, null, T)).toBe(1200);
    expect(attemptLimitSec(1200, at(5), T)).toBe(300);
    expect(attemptLimitSec(null, at(5), T)).toBe(300);
    expect(attemptLimitSec(null, null, T)).toBeNull();
  });

  it("counts attempts left, unlimited as null", () => {
    expect(attemptsLeft(2, 0)).toBe(2);
    expect(attemptsLeft(2, 2)).toBe(0);
    expect(attemptsLeft(2, 5)).toBe(0);
    expect(attemptsLeft(null, 9)).toBeNull();
  });

  it("shows feedback after each attempt, or only once the quiz has closed", () => {
    expect(feedbackVisible({ feedback: "after-attempt", closesAt: null }, T)).toBe(true);
    expect(feedbackVisible({ feedback: "after-close", closesAt: at(1) }, T)).toBe(false);
    expect(feedbackVisible({ feedback: "after-close", closesAt: at(1) }, at(1))).toBe(true);
  });

  it("states the rules in Korean", () => {
    const lines = rulesText({ timeLimitSec: 600, maxAttempts: 2, attemptsUsed: 1, gradingPolicy: "average", feedback: "after-close", opensAt: null, closesAt: at(60) });
    expect(lines).toEqual([
      "제한 시간 10분 (서버가 시간을 잽니다)",
      "응시 2번 중 1번 남음",
      "성적: 평균으로 매깁니다",
      "정답과 해설은 퀴즈가 마감된 뒤에 보입니다",
      "마감 2026-05-01 11:00 UTC",
    ]);
    expect(rulesText({ timeLimitSec: null, maxAttempts: null, attemptsUsed: 3, gradingPolicy: "highest", feedback: "after-attempt", opensAt: null, closesAt: null })[1]).toBe(
      "응시 횟수 제한 없음 (지금까지 3번)",
    );
  });

  it("describes a draw rule the way an instructor wrote it", () => {
    expect(describeRule({ chapterSlug: "04-replication", concept: "replication", type: null, count: 3 }, { chapter: () => "4장 복제" })).toBe(
      "4장 복제에서 · 개념 replication · 3문항 무작위",
    );
    expect(describeRule({ chapterSlug: null, concept: "isr", type: null, count: 2 })).toBe("아무 장에서 · 개념 isr · 2문항 무작위");
  });
});

describe("grading policy over a learner's class-quiz attempts", () => {
  const a = (score: number, day: number) => ({ score, maxScore: 4, submittedAt: new Date(Date.UTC(2026, 0, day)) });
  const attempts = [a(3, 2), a(1, 1), a(2, 3)];
  it.each([
    ["highest", 0.75],
    ["first", 0.25],
    ["last", 0.5],
    ["average", 0.5],
  ] as const)("%s", (policy, expected) => {
    expect(overallGrade(attempts, policy)).toBeCloseTo(expected, 10);
  });
});

describe("the class-quiz input", () => {
  const base = { title: "3주차 쪽지 시험", items: EXAMPLE };
  it("fills defaults and keeps a quiz without dates or limits", () => {
    expect(classQuizInputSchema.parse(base)).toMatchObject({ description: "", timeLimitMinutes: null, maxAttempts: null, gradingPolicy: "highest", feedback: "after-attempt", opensAt: null, closesAt: null });
  });

  it("refuses a close before the open and feedback after closing without a closing time, in Korean", () => {
    const r1 = classQuizInputSchema.safeParse({ ...base, opensAt: "2026-05-02T00:00:00Z", closesAt: "2026-05-01T00:00:00Z" });
    expect(r1.success).toBe(false);
    expect(r1.error!.issues[0]).toMatchObject({ path: ["closesAt"], message: "마감 시각은 시작 시각보다 뒤여야 합니다." });
    const r2 = classQuizInputSchema.safeParse({ ...base, feedback: "after-close" });
    expect(r2.error!.issues[0].message).toBe("마감 후 피드백을 보여 주려면 마감 시각이 필요합니다.");
    const r3 = classQuizInputSchema.safeParse({ ...base, items: [], maxAttempts: 0 });
    expect(r3.error!.issues.map((i) => i.message)).toEqual(["문항을 하나 이상 넣어 주세요.", "응시 횟수는 1~20번입니다."]);
  });
});
