import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { createStudent } from "../db/queries";
import { signAttemptToken } from "./attempt-token";
import { answerQuestion, startExam, submitExam, type HandlerResult } from "./handlers";
import { learnerKey, type Learner } from "./learner";
import { dueCards, dueCount } from "./review-queue";
import { findPoolQuestion } from "./question-pool";
import { adoptAnonymousWork, answerHistory, lastScenarioSeeds } from "./store";
import { instantiate } from "../quiz/simulation";
import type { ExamStartResponse } from "./api-schema";
import { POST as postAnswer } from "../../app/api/review/answers/route";
import { POST as postExam } from "../../app/api/exam/route";
import { POST as postSubmit } from "../../app/api/exam/submit/route";
import { GET as getCount } from "../../app/api/review/count/route";

const json = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

const SECRET = "test-secret-that-is-at-least-32-bytes-long";
const T0 = new Date("2026-03-02T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
// Real chapter questions: 4장 HW is 8 (numeric); acks=all waits for every replica is false.
const HW = "isr-high-watermark-min-leo";
const ACKS = "replication-acks-all-every-replica";
const SIM = "replication-sim-acks-all-min-isr";

const anon = (): Learner => ({ userId: null, anonId: randomBytes(18).toString("base64url") });
async function student(): Promise<Learner> {
  const u = await createStudent({ email: `a-${randomBytes(6).toString("hex")}@example.com`, name: "학습자", passwordHash: "x" });
  return { userId: u!.id, anonId: null };
}
const rows = async (l: Learner) => ({
  logs: await db.reviewLog.count({ where: l.userId ? { userId: l.userId } : { anonId: l.anonId } }),
  cards: await db.reviewCard.count({ where: l.userId ? { userId: l.userId } : { anonId: l.anonId } }),
  exams: await db.examAttempt.count({ where: l.userId ? { userId: l.userId } : { anonId: l.anonId } }),
});
function ok<T>(r: HandlerResult<T>): T {
  if ("error" in (r.body as object)) throw new Error(`expected success, got ${r.status}: ${(r.body as { error: string }).error}`);
  return r.body as T;
}

describe("practice and today's review", () => {
  it("records a missed first try, hides the key until the retry, and puts the question in today's review", async () => {
    const l = anon();
    const first = await answerQuestion(l, { questionId: HW, answer: 6, source: "practice" }, T0);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ correct: false, canRetry: true, recorded: true });
    const firstGraded = ok(first).graded;
    expect(firstGraded.correctAnswer).toBeUndefined();
    expect(firstGraded.explanation).toContain("ISR");
    const retry = await answerQuestion(l, { questionId: HW, answer: 8, source: "practice", retry: true }, later(1));
    expect(retry.body).toMatchObject({ correct: true, recorded: false, canRetry: false, graded: { correctAnswer: { value: 8 } } });
    expect(await rows(l)).toEqual({ logs: 1, cards: 1, exams: 0 });
    expect(await dueCards(l, later(1))).toEqual([{ questionId: HW, reps: 1 }]);
  });

  it("keeps a right answer out of today's review until tomorrow", async () => {
    const l = anon();
    await answerQuestion(l, { questionId: ACKS, answer: false, source: "practice", confidence: 2 }, T0);
    expect(await dueCount(l, later(5))).toBe(0);
    expect(await dueCount(l, later(24 * 60))).toBe(1);
  });

  it("raises mastery when a missed question is answered right in review", async () => {
    const l = anon();
    const miss = ok(await answerQuestion(l, { questionId: HW, answer: 10, source: "practice" }, T0));
    expect(miss.mastery.find((m) => m.concept === "isr")).toEqual({ concept: "isr", before: "미학습", after: "시도함" });
    const review = ok(await answerQuestion(l, { questionId: HW, answer: 8, source: "review" }, later(15)));
    expect(review.mastery.find((m) => m.concept === "isr")).toEqual({ concept: "isr", before: "시도함", after: "익숙함" });
    expect(review.graded.correctAnswer).toEqual({ value: 8, tolerance: 0 });
    expect(await dueCount(l, later(16))).toBe(0);
  });

  it("refuses an unknown question and a wrong-shaped answer with Korean 4xx and stores nothing", async () => {
    const l = anon();
    const unknown = await answerQuestion(l, { questionId: "no-such-question", answer: 1, source: "practice" }, T0);
    expect(unknown).toMatchObject({ status: 404, body: { error: expect.stringContaining("없는 문항") } });
    const shape = await answerQuestion(l, { questionId: HW, answer: "여덟", source: "practice" }, T0);
    expect(shape).toMatchObject({ status: 400, body: { error: expect.stringContaining("숫자") } });
    const empty = await answerQuestion(l, { questionId: HW, source: "practice" }, T0);
    expect(empty.status).toBe(400);
    const badSource = await answerQuestion(l, { questionId: HW, answer: 8, source: "exam" }, T0);
    expect(badSource.status).toBe(400);
    expect(await answerQuestion(l, "[]", T0)).toMatchObject({ status: 400 });
    expect(await rows(l)).toEqual({ logs: 0, cards: 0, exams: 0 });
  });

  it("gives back the recorded answer's id (what an essay's self-assessment names), and none for the unrecorded retry", async () => {
    const l = anon();
    const first = ok(await answerQuestion(l, { questionId: HW, answer: 6, source: "practice" }, T0));
    const log = await db.reviewLog.findFirstOrThrow({ where: { anonId: l.anonId, questionId: HW }, select: { id: true } });
    expect(first.answerId).toBe(log.id);
    expect(ok(await answerQuestion(l, { questionId: HW, answer: 8, source: "practice", retry: true }, later(1))).answerId).toBeUndefined();
  });

  it("remembers the scenario of the latest answer to a simulation question, for the next review to avoid", async () => {
    const l = anon();
    const sim = (await findPoolQuestion(SIM))!.question;
    if (sim.type !== "simulation") throw new Error("expected a simulation question");
    const answerFor = (seed: number) => ({ seed, choice: instantiate(sim, seed).choices[0].id });
    const [s1, s2] = [sim.seeds.min, sim.seeds.min + 1];
    await answerQuestion(l, { questionId: SIM, answer: answerFor(s1), source: "practice" }, T0);
    await answerQuestion(l, { questionId: SIM, answer: answerFor(s2), source: "review" }, later(15));
    await answerQuestion(l, { questionId: HW, answer: 8, source: "practice" }, later(16));
    expect(await lastScenarioSeeds(l, [SIM, HW])).toEqual(new Map([[SIM, s2]]));
  });

  it("answers an oversized body with 413 through the route, storing nothing", async () => {
    const big = JSON.stringify({ questionId: HW, source: "practice", answer: "x".repeat(40_000) });
    const res = await postAnswer(new Request("http://localhost/api/review/answers", { method: "POST", headers: { "content-type": "application/json" }, body: big }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/[가-힣]/);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("gives an anonymous learner an id cookie through the route", async () => {
    const res = await postAnswer(
      new Request("http://localhost/api/review/answers", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ questionId: ACKS, answer: true, source: "practice" }),
      }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("set-cookie")).toMatch(/^kc_learner=[A-Za-z0-9_-]+; Path=\/; .*HttpOnly/);
  });
});

describe("signing in keeps anonymous work", () => {
  it("moves answers, cards and exams to the user, merging a card both had", async () => {
    const a = anon();
    const u = await student();
    await answerQuestion(u, { questionId: HW, answer: 8, source: "practice" }, T0);
    await answerQuestion(a, { questionId: HW, answer: 1, source: "practice" }, later(1));
    await answerQuestion(a, { questionId: ACKS, answer: true, source: "practice" }, later(2));
    const exam = ok(await startExam(a, {}, later(3), SECRET));
    ok(await submitExam(a, { token: exam.token, answers: {} }, later(4), SECRET));
    await adoptAnonymousWork(a.anonId!, u.userId!);
    await adoptAnonymousWork(a.anonId!, u.userId!); // idempotent
    expect(await rows(a)).toEqual({ logs: 0, cards: 0, exams: 0 });
    const mine = await rows(u);
    expect(mine.exams).toBe(1);
    expect(mine.logs).toBe(3 + exam.questions.length);
    // One card per question, the HW card rebuilt from both answers: the later miss makes it due now.
    const cards = await db.reviewCard.findMany({ where: { userId: u.userId! } });
    expect(new Set(cards.map((c) => c.questionId)).size).toBe(cards.length);
    expect(cards.find((c) => c.questionId === HW)?.reps).toBeGreaterThanOrEqual(2);
    expect((await answerHistory(u)).length).toBe(mine.logs);
  });
});

describe("course exam", () => {
  it("gives no keys at start, grades the whole attempt once, and stores it with its answers", async () => {
    const l = await student();
    const start = ok(await startExam(l, { timeLimitMinutes: 10 }, T0, SECRET));
    expect(start.questions.length).toBe(10);
    expect(JSON.stringify(start)).not.toMatch(/"answer"|"explanation"/);
    expect(start.deadline).toBe(later(10).toISOString());
    const concepts = new Set(start.questions.map((q) => q.id));
    expect(concepts.size).toBe(10);
    const sub = await submitExam(l, { token: start.token, answers: {} }, later(9), SECRET);
    expect(sub).toMatchObject({ status: 201, body: { attemptId: start.attemptId, score: 0, maxScore: 10, passed: false } });
    const stored = await db.examAttempt.findUniqueOrThrow({ where: { id: start.attemptId }, include: { answers: true } });
    expect(stored.answers).toHaveLength(10);
  });

  it("refuses a replayed token and stores nothing more", async () => {
    const l = await student();
    const start = ok(await startExam(l, {}, T0, SECRET));
    await submitExam(l, { token: start.token, answers: {} }, later(1), SECRET);
    const before = await rows(l);
    const again = await submitExam(l, { token: start.token, answers: {} }, later(2), SECRET);
    expect(again).toMatchObject({ status: 409, body: { error: expect.stringContaining("이미 제출") } });
    expect(await rows(l)).toEqual(before);
  });

  it("refuses a submission after the time limit, a forged token and another learner's token, storing nothing", async () => {
    const l = await student();
    const start = ok(await startExam(l, { timeLimitMinutes: 5 }, T0, SECRET));
    const late = await submitExam(l, { token: start.token, answers: {} }, later(6), SECRET);
    expect(late).toMatchObject({ status: 410, body: { error: expect.stringContaining("제한 시간") } });
    const forged = signAttemptToken({ aid: "forged-attempt-1", sub: learnerKey(l), qv: ["x"], seed: 1, iat: T0.getTime(), lim: null }, "an-attacker-secret-of-32-bytes-or-more");
    expect((await submitExam(l, { token: forged, answers: {} }, later(1), SECRET)).status).toBe(403);
    const other = await student();
    expect((await submitExam(other, { token: start.token, answers: {} }, later(1), SECRET)).status).toBe(403);
    expect((await submitExam(l, { answers: {} }, later(1), SECRET)).status).toBe(400);
    expect((await rows(l)).exams).toBe(0);
    expect((await rows(other)).exams).toBe(0);
  });

  it("refuses answers of the wrong shape or for questions not in the attempt, storing nothing", async () => {
    const l = await student();
    const start = ok(await startExam(l, {}, T0, SECRET));
    const numeric = start.questions.find((q) => q.type === "numeric") ?? start.questions[0];
    const bad = await submitExam(l, { token: start.token, answers: { [numeric.id]: { not: "an answer" } } }, later(1), SECRET);
    expect(bad.status).toBe(400);
    const stranger = await submitExam(l, { token: start.token, answers: { "not-in-this-exam": true } }, later(1), SECRET);
    expect(stranger).toMatchObject({ status: 400, body: { error: expect.stringContaining("없는 문항") } });
    expect(await rows(l)).toEqual({ logs: 0, cards: 0, exams: 0 });
    // The token is still good for a proper submission afterwards.
    expect((await submitExam(l, { token: start.token, answers: {} }, later(2), SECRET)).status).toBe(201);
  });

  it("does not repeat questions across a learner's attempts until the pool is used up", async () => {
    const l = await student();
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const start = ok<ExamStartResponse>(await startExam(l, {}, later(i * 10), SECRET));
      for (const q of start.questions) {
        expect(seen.has(q.id)).toBe(false);
        seen.add(q.id);
      }
      await submitExam(l, { token: start.token, answers: {} }, later(i * 10 + 1), SECRET);
    }
  });
});

describe("assessment routes", () => {
  it("run an anonymous exam from start to results through the boundary, refusing a replay and a bare submission", async () => {
    const started = await postExam(json("/api/exam", { timeLimitMinutes: null }));
    expect(started.status).toBe(201);
    const cookie = started.headers.get("set-cookie")!.split(";")[0];
    const { token } = (await started.json()) as ExamStartResponse;
    const submitted = await postSubmit(json("/api/exam/submit", { token, answers: {} }, { cookie }));
    expect(submitted.status).toBe(201);
    const replay = await postSubmit(json("/api/exam/submit", { token, answers: {} }, { cookie }));
    expect(replay.status).toBe(409);
    const bare = await postSubmit(json("/api/exam/submit", { token, answers: {} }));
    expect(bare.status).toBe(401);
    expect((await bare.json()).error).toMatch(/[가-힣]/);
    const count = await getCount(new Request("http://localhost/api/review/count", { headers: { cookie } }));
    expect(await count.json()).toEqual({ due: expect.any(Number) });
  });

  it("answer a wrong-shaped body and a cross-site post with Korean 4xx, never a 500", async () => {
    const wrong = await postAnswer(json("/api/review/answers", { questionId: 42, answer: 1, source: "practice" }));
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatch(/[가-힣]/);
    const crossSite = await postAnswer(json("/api/review/answers", { questionId: HW, answer: 8, source: "practice" }, { origin: "https://evil.example" }));
    expect(crossSite.status).toBe(403);
    const notJson = await postAnswer(new Request("http://localhost/api/review/answers", { method: "POST", body: "questionId=x" }));
    expect(notJson.status).toBe(415);
  });
});
