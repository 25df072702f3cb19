import { describe, expect, it } from "vitest";
import { statsQuizId } from "../assessment/class-quiz";
import { classQuizInputSchema, SHARE_CODE, type ClassQuizInput, type ClassQuizStartResponse, type ClassQuizSubmitResponse } from "../assessment/class-quiz-contracts";
import { startClassQuiz, submitClassQuiz } from "../assessment/class-quiz-handlers";
import type { HandlerResult } from "../assessment/handlers";
import { unique } from "../server/__testing__/requests";
import { createAuthoredQuestion } from "./bank";
import {
  classQuizGrades,
  classQuizGradesCsv,
  createClassQuiz,
  getClassQuiz,
  getClassQuizByCode,
  listClassQuizzes,
  setClassQuizStatus,
  updateClassQuiz,
} from "./class-quiz";
import { quizItemStats } from "./instructor-stats";
import { db } from "./index";

const SECRET = "test-secret-that-is-at-least-32-bytes-long";
const T0 = new Date("2026-06-01T09:00:00Z");
const later = (sec: number) => new Date(T0.getTime() + sec * 1000);

/** A fresh set of bank questions under a concept tag of its own: `n` true/false questions whose key is `true`. */
async function bankWithConcept(n: number, status: "published" | "draft" = "published") {
  const concept = `cq-${unique()}`;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const q = await createAuthoredQuestion(db, {
      question: { type: "true-false", concepts: [concept], prompt: `${concept} 문제 ${i}: 참인가요?`, answer: true, explanation: `해설 ${i}` },
      chapterSlug: "04-replication-isr",
      authorId: null,
      status,
    });
    ids.push(q.id);
  }
  return { concept, ids };
}

async function learner() {
  return (await db.user.create({ data: { email: `cq-${unique()}@example.com`, name: `학생 ${unique()}`, passwordHash: "x" }, select: { id: true } })).id;
}

async function makeQuiz(input: Partial<ClassQuizInput> & Pick<ClassQuizInput, "items">) {
  return createClassQuiz(db, classQuizInputSchema.parse({ title: "수업 퀴즈", ...input }), null);
}

function ok<T>(r: HandlerResult<T>): T {
  if (r.status >= 300) throw new Error(`expected success, got ${r.status}: ${(r.body as { error: string }).error}`);
  return r.body as T;
}
const refusal = (r: HandlerResult<unknown>) => ({ status: r.status, error: (r.body as { error: string }).error });
const allTrue = (s: ClassQuizStartResponse) => Object.fromEntries(s.questions.map((q) => [q.id, true]));
const stored = async (quizId: string, userId: string) => ({
  attempts: await db.attempt.count({ where: { userId, mode: "class-quiz" } }),
  classAttempts: await db.classQuizAttempt.count({ where: { classQuizId: quizId, userId } }),
});

describe("class quiz CRUD", () => {
  it("creates a quiz with a share code, edits it, lists it, and archives it out of the list", async () => {
    const { ids } = await bankWithConcept(1);
    const quiz = await makeQuiz({ items: [{ kind: "fixed", questionId: ids[0] }], timeLimitMinutes: 15, maxAttempts: 2 });
    expect(quiz.code).toMatch(SHARE_CODE);
    expect((await getClassQuizByCode(db, quiz.code))?.id).toBe(quiz.id);
    expect(quiz).toMatchObject({ timeLimitSec: 900, maxAttempts: 2, gradingPolicy: "highest", status: "active" });

    const edited = await updateClassQuiz(db, quiz.id, classQuizInputSchema.parse({ title: "고친 제목", items: quiz.items, gradingPolicy: "average" }));
    expect(edited).toMatchObject({ title: "고친 제목", gradingPolicy: "average", timeLimitSec: null, code: quiz.code });
    expect(await updateClassQuiz(db, "nope", classQuizInputSchema.parse({ title: "x", items: quiz.items }))).toBeNull();

    expect((await listClassQuizzes(db)).map((q) => q.id)).toContain(quiz.id);
    expect(await setClassQuizStatus(db, quiz.id, "archived")).toBe(true);
    expect((await listClassQuizzes(db)).map((q) => q.id)).not.toContain(quiz.id);
    expect((await listClassQuizzes(db, { archived: true })).find((q) => q.id === quiz.id)?.status).toBe("archived");
    expect(await setClassQuizStatus(db, "nope", "archived")).toBe(false);
  });
});

describe("taking a class quiz", () => {
  it("hands out the fixed question and a random draw, and grades exactly those questions", async () => {
    const fixed = await bankWithConcept(1);
    const pool = await bankWithConcept(5);
    const quiz = await makeQuiz({
      items: [
        { kind: "fixed", questionId: fixed.ids[0] },
        { kind: "draw", concept: pool.concept, count: 2 },
      ],
    });
    const user = await learner();
    const start = ok(await startClassQuiz(db, quiz.code, user, T0, SECRET));
    expect(start.questions.map((q) => q.id)[0]).toBe(fixed.ids[0]);
    expect(start.questions).toHaveLength(3);
    expect(start.questions.slice(1).every((q) => pool.ids.includes(q.id))).toBe(true);
    // No key travels with the questions.
    expect(JSON.stringify(start.questions)).not.toMatch(/answer|explanation|해설/);
    expect(await stored(quiz.id, user)).toEqual({ attempts: 0, classAttempts: 0 });

    // A question of the pool this attempt did not get is refused: the token names the questions.
    const other = pool.ids.find((id) => !start.questions.some((q) => q.id === id))!;
    const forgedAnswers = await submitClassQuiz(db, quiz.code, user, { token: start.token, answers: { ...allTrue(start), [other]: true } }, later(10), SECRET);
    expect(refusal(forgedAnswers)).toMatchObject({ status: 400, error: expect.stringContaining("이 퀴즈에 없는 문항") });
    expect(await stored(quiz.id, user)).toEqual({ attempts: 0, classAttempts: 0 });

    const res = ok(await submitClassQuiz(db, quiz.code, user, { token: start.token, answers: allTrue(start) }, later(60), SECRET));
    expect(res).toMatchObject({ attemptNo: 1, score: 3, maxScore: 3, feedbackShown: true, attemptsLeft: null, grade: 1 });
    expect(res.results.map((r) => r.correctAnswer)).toEqual([true, true, true]);
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: start.attemptId }, select: { quizId: true, responses: { select: { score: true } } } });
    expect(attempt.quizId).toBe(statsQuizId(quiz.code));
    expect(attempt.responses).toHaveLength(3);

    // The same token again is a replay.
    expect(refusal(await submitClassQuiz(db, quiz.code, user, { token: start.token, answers: {} }, later(70), SECRET))).toMatchObject({ status: 409, error: expect.stringContaining("이미 제출한 응시") });
    expect(await stored(quiz.id, user)).toEqual({ attempts: 1, classAttempts: 1 });

    // Item analysis files the attempt under the class quiz's own id.
    expect((await quizItemStats(db, statsQuizId(quiz.code), "all", later(3600))).attempts).toBe(1);
  });

  it("draws per attempt from the seed, so attempts differ while each is graded on its own questions", async () => {
    const pool = await bankWithConcept(6);
    const quiz = await makeQuiz({ items: [{ kind: "draw", concept: pool.concept, count: 2 }] });
    const user = await learner();
    const draws = new Set<string>();
    for (let i = 0; i < 8; i++) draws.add(ok(await startClassQuiz(db, quiz.code, user, T0, SECRET)).questions.map((q) => q.id).sort().join());
    expect(draws.size).toBeGreaterThan(1);
  });

  it("refuses a start and a submission past the last attempt, also for two attempts started together", async () => {
    const { ids } = await bankWithConcept(1);
    const quiz = await makeQuiz({ items: [{ kind: "fixed", questionId: ids[0] }], maxAttempts: 1 });
    const user = await learner();
    const a = ok(await startClassQuiz(db, quiz.code, user, T0, SECRET));
    const b = ok(await startClassQuiz(db, quiz.code, user, T0, SECRET));
    ok(await submitClassQuiz(db, quiz.code, user, { token: a.token, answers: allTrue(a) }, later(5), SECRET));
    expect(refusal(await submitClassQuiz(db, quiz.code, user, { token: b.token, answers: allTrue(b) }, later(6), SECRET))).toEqual({
      status: 409,
      error: "응시 횟수를 모두 사용했습니다. 더 응시할 수 없습니다.",
    });
    expect(refusal(await startClassQuiz(db, quiz.code, user, later(7), SECRET)).status).toBe(409);
    expect(await stored(quiz.id, user)).toEqual({ attempts: 1, classAttempts: 1 });
  });

  it("refuses a submission after the time limit (plus grace) and stores nothing", async () => {
    const { ids } = await bankWithConcept(1);
    const quiz = await makeQuiz({ items: [{ kind: "fixed", questionId: ids[0] }], timeLimitMinutes: 1 });
    const user = await learner();
    const s = ok(await startClassQuiz(db, quiz.code, user, T0, SECRET));
    expect(s.timeLimitSec).toBe(60);
    expect(s.deadline).toBe(later(60).toISOString());
    expect(refusal(await submitClassQuiz(db, quiz.code, user, { token: s.token, answers: allTrue(s) }, later(91), SECRET))).toEqual({
      status: 410,
      error: "제한 시간이 지나 제출할 수 없습니다. 퀴즈를 다시 시작해 주세요.",
    });
    expect(await stored(quiz.id, user)).toEqual({ attempts: 0, classAttempts: 0 });
    ok(await submitClassQuiz(db, quiz.code, user, { token: s.token, answers: allTrue(s) }, later(89), SECRET));
  });

  it("refuses another quiz's token, another learner's, a forged one, and a closed or archived quiz", async () => {
    const { ids } = await bankWithConcept(1);
    const items = [{ kind: "fixed" as const, questionId: ids[0] }];
    const quiz = await makeQuiz({ items, closesAt: later(3600).toISOString() });
    const other = await makeQuiz({ items });
    const user = await learner();
    const s = ok(await startClassQuiz(db, quiz.code, user, T0, SECRET));
    expect(refusal(await submitClassQuiz(db, other.code, user, { token: s.token, answers: {} }, later(1), SECRET)).status).toBe(403);
    expect(refusal(await submitClassQuiz(db, quiz.code, await learner(), { token: s.token, answers: {} }, later(1), SECRET)).status).toBe(403);
    expect(refusal(await submitClassQuiz(db, quiz.code, user, { token: `${s.token}x`, answers: {} }, later(1), SECRET)).status).toBe(403);
    expect(refusal(await submitClassQuiz(db, quiz.code, user, { token: 5 }, later(1), SECRET)).status).toBe(400);
    expect(refusal(await startClassQuiz(db, quiz.code, user, later(3600), SECRET))).toEqual({ status: 409, error: "마감된 퀴즈입니다(2026-06-01 10:00 UTC 마감)." });
    expect(refusal(await startClassQuiz(db, "zzzzzzzz", user, T0, SECRET)).status).toBe(404);
    await setClassQuizStatus(db, quiz.id, "archived");
    expect(refusal(await submitClassQuiz(db, quiz.code, user, { token: s.token, answers: allTrue(s) }, later(2), SECRET))).toEqual({ status: 410, error: "보관된 퀴즈라 응시할 수 없습니다." });
    expect(await stored(quiz.id, user)).toEqual({ attempts: 0, classAttempts: 0 });
  });

  it("keeps keys back until closing when the quiz says so", async () => {
    const { ids } = await bankWithConcept(1);
    const quiz = await makeQuiz({ items: [{ kind: "fixed", questionId: ids[0] }], feedback: "after-close", closesAt: later(600).toISOString() });
    const user = await learner();
    const s = ok(await startClassQuiz(db, quiz.code, user, T0, SECRET));
    const res = ok<ClassQuizSubmitResponse>(await submitClassQuiz(db, quiz.code, user, { token: s.token, answers: allTrue(s) }, later(5), SECRET));
    expect(res).toMatchObject({ score: 1, feedbackShown: false, questions: [], results: [] });
  });
});

describe("grades per learner", () => {
  it("grades each learner by the quiz's policy and exports them as CSV with a BOM", async () => {
    const { ids } = await bankWithConcept(2);
    const quiz = await makeQuiz({ items: ids.map((questionId) => ({ kind: "fixed" as const, questionId })), gradingPolicy: "first" });
    const user = await learner();
    const scores = [1, 2, 0];
    for (const [i, right] of scores.entries()) {
      const s = ok(await startClassQuiz(db, quiz.code, user, later(i * 100), SECRET));
      const answers = Object.fromEntries(s.questions.map((q, j) => [q.id, j < right]));
      ok(await submitClassQuiz(db, quiz.code, user, { token: s.token, answers }, later(i * 100 + 10), SECRET));
    }
    const policy = (await getClassQuiz(db, quiz.id))!.gradingPolicy;
    const grades = await classQuizGrades(db, quiz.id, policy);
    expect(grades).toHaveLength(1);
    expect(grades[0].attempts.map((a) => [a.attemptNo, a.score, a.seconds])).toEqual([
      [1, 1, 10],
      [2, 2, 10],
      [3, 0, 10],
    ]);
    expect(grades[0].grade).toBe(0.5);
    expect((await classQuizGrades(db, quiz.id, "highest"))[0].grade).toBe(1);
    expect((await classQuizGrades(db, quiz.id, "last"))[0].grade).toBe(0);
    expect((await classQuizGrades(db, quiz.id, "average"))[0].grade).toBe(0.5);
    const csv = classQuizGradesCsv(grades, policy);
    expect(csv.startsWith("\uFEFF이름,이메일,응시 횟수,성적(첫 응시, %),1회 점수,2회 점수,3회 점수\r\n") || csv.startsWith('\uFEFF이름,이메일,응시 횟수,"성적(첫 응시, %)",1회 점수,2회 점수,3회 점수\r\n')).toBe(true);
    expect(csv).toContain(",3,50.0,1/2,2/2,0/2\r\n");
  });
});
