import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as selfAssessPost } from "@/app/api/review/self-assessment/route";
import { SELF_ASSESSMENT_GRADED_MESSAGE, SELF_ASSESSMENT_NOT_FOUND_MESSAGE } from "../api/self-assessment-contracts";
import { ANON_COOKIE, type Learner } from "../assessment/learner";
import { masteryByConcept } from "../assessment/mastery";
import { dueCount } from "../assessment/review-queue";
import { answerHistory, recordAnswer } from "../assessment/store";
import { gradeQuizWith } from "../quiz/grade";
import { createUser, jsonPost, sessionCookie } from "../server/__testing__/requests";
import { essaySetup, examWithEssay, practiceEssay, type EssayFixture } from "../testing/essay-fixtures";
import { unique } from "../testing/sample-quiz";
import { classQuizInputSchema, type ClassQuizStartResponse, type ClassQuizSubmitResponse } from "../assessment/class-quiz-contracts";
import { startClassQuiz, submitClassQuiz } from "../assessment/class-quiz-handlers";
import { createAuthoredQuestion } from "./bank";
import { createClassQuiz } from "./class-quiz";
import { gradeEssayAnswer, listEssayAnswers } from "./grading";
import { selfAssessEssay } from "./self-assessment";
import { db } from "./index";
import { recordAttempt } from "./queries";

const T0 = new Date("2026-04-01T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const anon = (): Learner => ({ userId: null, anonId: randomBytes(18).toString("base64url") });
const anonCookie = (l: Learner) => ({ cookie: `${ANON_COOKIE}=${l.anonId}` });
const rate = (body: unknown, headers: Record<string, string> = {}) => selfAssessPost(jsonPost("/api/review/self-assessment", body, headers));
const errorOf = async (res: Response) => ((await res.json()) as { error: string }).error;

const logRow = (id: string) => db.reviewLog.findUniqueOrThrow({ where: { id }, select: { score: true, rating: true, answer: true } });
const cardOf = (fx: EssayFixture, l: Learner) =>
  db.reviewCard.findFirstOrThrow({
    where: { ...(l.userId ? { userId: l.userId } : { anonId: l.anonId }), questionId: fx.essayId },
    select: { due: true, stability: true, difficulty: true, reps: true, lapses: true, state: true },
  });
const trail = (reviewLogId: string) =>
  db.essaySelfAssessment.findMany({ where: { reviewLogId }, orderBy: { assessedAt: "asc" }, select: { score: true } });

describe("an essay's self-assessment", () => {
  it("rates an anonymous learner's own practice essay: score, FSRS rating, card and mastery follow; the same mark twice changes nothing; a new one replaces it and both stay in the trail", async () => {
    const fx = await essaySetup();
    const l = anon();
    const log = await practiceEssay(fx, null, T0, l);
    // Unrated, the essay counts 0: missed, so it is back in today's review at once.
    expect(await dueCount(l, later(11))).toBe(1);

    const res = await rate({ target: "log", id: log.id, selfAssessment: 1 }, anonCookie(l));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      selfAssessment: 1,
      score: 1,
      attemptScore: null,
      mastery: [{ concept: fx.concept, before: "시도함", after: "익숙함" }],
    });
    expect(await logRow(log.id)).toEqual({ score: 1, rating: "good", answer: JSON.stringify({ text: "리더가 쓰기를 거절합니다.", selfAssessment: 1 }) });
    expect(masteryByConcept(await answerHistory(l)).get(fx.concept)).toBe("익숙함");
    expect(await dueCount(l, later(11))).toBe(0);
    const card = await cardOf(fx, l);

    // Rating the same again is idempotent: same rows, same card, no new trail entry.
    const again = await rate({ target: "log", id: log.id, selfAssessment: 1 }, anonCookie(l));
    expect(again.status).toBe(200);
    expect(await cardOf(fx, l)).toEqual(card);
    expect(await trail(log.id)).toEqual([{ score: 1 }]);

    // A new mark replaces it.
    const half = await rate({ target: "log", id: log.id, selfAssessment: 0.5 }, anonCookie(l));
    expect(((await half.json()) as { score: number }).score).toBe(0.5);
    expect(await logRow(log.id)).toMatchObject({ score: 0.5, rating: "hard" });
    expect(await trail(log.id)).toEqual([{ score: 1 }, { score: 0.5 }]);
    // The instructor's queue shows the learner's own mark, still waiting for a grade.
    const [item] = await listEssayAnswers({ question: fx.essayId, state: "pending" });
    expect(item).toMatchObject({ id: log.id, selfAssessment: 0.5, score: 0.5, grades: [] });
  });

  it("refuses someone else's answer (404), a caller with no learner (401) and bad input (Korean 400), changing nothing", async () => {
    const fx = await essaySetup();
    const l = anon();
    const log = await practiceEssay(fx, null, T0, l);
    const body = { target: "log", id: log.id, selfAssessment: 1 };

    const stranger = await rate(body, anonCookie(anon()));
    expect(stranger.status).toBe(404);
    expect(await errorOf(stranger)).toBe(SELF_ASSESSMENT_NOT_FOUND_MESSAGE);
    const otherUser = await createUser("student");
    expect((await rate(body, { cookie: await sessionCookie(otherUser.id) })).status).toBe(404);
    expect((await rate(body)).status).toBe(401);
    // Even an instructor cannot give a self-assessment on a learner's behalf.
    expect((await rate(body, { cookie: await sessionCookie(fx.instructor.id) })).status).toBe(404);

    for (const bad of [
      { ...body, selfAssessment: 0.7 },
      { ...body, selfAssessment: "1" },
      { ...body, target: "quiz" },
      { target: "log", selfAssessment: 1 },
      { ...body, extra: true },
    ]) {
      const res = await rate(bad, anonCookie(l));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(await errorOf(res)).toMatch(/[가-힣]/);
    }
    expect((await rate("{not json", anonCookie(l))).status).toBe(400);

    // Not an essay: a true/false answer of the same learner.
    await recordAnswer(
      l,
      { questionId: fx.tfId, questionVersionId: fx.versions.get(fx.tfId)!, concepts: [], source: "practice", answer: true, score: 1, rating: "good" },
      T0,
    );
    const tf = await db.reviewLog.findFirstOrThrow({ where: { anonId: l.anonId, questionId: fx.tfId }, select: { id: true } });
    expect((await rate({ target: "log", id: tf.id, selfAssessment: 0 }, anonCookie(l))).status).toBe(404);
    expect(await logRow(log.id)).toMatchObject({ score: 0, rating: "again" });
    expect(await trail(log.id)).toEqual([]);
  });

  it("an instructor's grade wins: it replaces a self-assessment, and a self-assessment after it is refused", async () => {
    const fx = await essaySetup();
    const student = { cookie: await sessionCookie(fx.student.id) };
    const log = await practiceEssay(fx, null, T0);
    expect((await rate({ target: "log", id: log.id, selfAssessment: 1 }, student)).status).toBe(200);
    await gradeEssayAnswer({ target: "log", id: log.id, score: 0.25, graderId: fx.instructor.id }, later(30));
    expect(await logRow(log.id)).toMatchObject({ score: 0.25, rating: "hard" });

    const refused = await rate({ target: "log", id: log.id, selfAssessment: 1 }, student);
    expect(refused.status).toBe(409);
    expect(await errorOf(refused)).toBe(SELF_ASSESSMENT_GRADED_MESSAGE);
    expect(await logRow(log.id)).toMatchObject({ score: 0.25, rating: "hard" });
    expect(await trail(log.id)).toEqual([{ score: 1 }]);
    const [item] = await listEssayAnswers({ question: fx.essayId, state: "graded" });
    expect(item).toMatchObject({ selfAssessment: 1, score: 0.25, grades: [expect.objectContaining({ score: 0.25 })] });
  });

  it("a rating and a grade given at the same moment: the grade is the score whichever commits first", async () => {
    const fx = await essaySetup();
    const student = { cookie: await sessionCookie(fx.student.id) };
    const log = await practiceEssay(fx, null, T0);
    const [rated] = await Promise.all([
      rate({ target: "log", id: log.id, selfAssessment: 1 }, student),
      gradeEssayAnswer({ target: "log", id: log.id, score: 0, graderId: fx.instructor.id }, later(1)),
    ]);
    expect([200, 409]).toContain(rated.status);
    expect(await logRow(log.id)).toMatchObject({ score: 0, rating: "again" });
  });

  it("a chapter quiz essay is rated by attempt and question and the attempt's total follows; an anonymous attempt has no owner", async () => {
    const fx = await essaySetup();
    const student = { cookie: await sessionCookie(fx.student.id) };
    const answers = { [fx.essayId]: { text: "쓰기가 실패합니다" }, [fx.tfId]: true };
    const attempt = await recordAttempt({ userId: fx.student.id, quiz: fx.quiz, answers, grade: gradeQuizWith(fx.quiz, answers) });
    expect(attempt.grade.score).toBe(1);

    const res = await rate({ target: "response", attemptId: attempt.id, questionId: fx.essayId, selfAssessment: 0.5 }, student);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ selfAssessment: 0.5, score: 0.5, attemptScore: 1.5, mastery: [] });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { score: true } })).score).toBe(1.5);
    const response = await db.response.findFirstOrThrow({
      where: { attemptId: attempt.id, questionVersionId: fx.versions.get(fx.essayId) },
      select: { score: true, correct: true, answer: true },
    });
    // Still waiting for an instructor, so not "correct" yet.
    expect(response).toEqual({ score: 0.5, correct: false, answer: JSON.stringify({ text: "쓰기가 실패합니다", selfAssessment: 0.5 }) });
    // Not a question of that attempt, or the true/false one: nothing to rate.
    expect((await rate({ target: "response", attemptId: attempt.id, questionId: fx.tfId, selfAssessment: 1 }, student)).status).toBe(404);
    expect((await rate({ target: "response", attemptId: "no-such", questionId: fx.essayId, selfAssessment: 1 }, student)).status).toBe(404);

    const anonymous = await recordAttempt({ userId: null, quiz: fx.quiz, answers, grade: gradeQuizWith(fx.quiz, answers) });
    const l = anon();
    expect((await rate({ target: "response", attemptId: anonymous.id, questionId: fx.essayId, selfAssessment: 1 }, anonCookie(l))).status).toBe(404);
    expect((await rate({ target: "response", attemptId: anonymous.id, questionId: fx.essayId, selfAssessment: 1 }, student)).status).toBe(404);
  });

  it("an exam essay: the rating moves the exam's score and pass", async () => {
    const fx = await essaySetup();
    const id = await examWithEssay(fx, { text: "답" }, later(10));
    const log = await db.reviewLog.findFirstOrThrow({ where: { examAttemptId: id, questionId: fx.essayId }, select: { id: true } });
    const res = await rate({ target: "log", id: log.id, selfAssessment: 1 }, { cookie: await sessionCookie(fx.student.id) });
    expect(await res.json()).toMatchObject({ score: 1, attemptScore: 2, mastery: [{ concept: fx.concept, before: "시도함", after: "익숙함" }] });
    expect(await db.examAttempt.findUniqueOrThrow({ where: { id }, select: { score: true, passed: true } })).toEqual({ score: 2, passed: true });

    // An essay the exam left unanswered has nothing to rate.
    const blank = await examWithEssay(fx, { text: "" }, later(20));
    await db.reviewLog.updateMany({ where: { examAttemptId: blank, questionId: fx.essayId }, data: { answer: "null" } });
    const unanswered = await db.reviewLog.findFirstOrThrow({ where: { examAttemptId: blank, questionId: fx.essayId }, select: { id: true } });
    expect((await rate({ target: "log", id: unanswered.id, selfAssessment: 1 }, { cookie: await sessionCookie(fx.student.id) })).status).toBe(404);
  });

  it("a class quiz essay: the rating moves the class attempt's score, and waits while the quiz shows feedback only after closing", async () => {
    const concept = `cq-essay-${unique()}`;
    // Drafts, named by the quiz as fixed items: no chapter's practice or exam asks them.
    const essay = await createAuthoredQuestion(db, {
      question: { type: "essay", concepts: [concept], prompt: "ISR을 설명하세요.", modelAnswer: "리더와 따라잡은 팔로워입니다.", explanation: "비교해 보세요." },
      chapterSlug: "04-replication-isr",
      authorId: null,
      status: "draft",
    });
    const tf = await createAuthoredQuestion(db, {
      question: { type: "true-false", concepts: [concept], prompt: "참인가요?", answer: true, explanation: "참" },
      chapterSlug: "04-replication-isr",
      authorId: null,
      status: "draft",
    });
    const user = await createUser("student");
    const now = new Date();
    const at = (sec: number) => new Date(now.getTime() + sec * 1000);
    const quiz = await createClassQuiz(
      db,
      classQuizInputSchema.parse({
        title: "서술형 수업 퀴즈",
        items: [
          { kind: "fixed", questionId: essay.id },
          { kind: "fixed", questionId: tf.id },
        ],
        feedback: "after-close",
        closesAt: at(3600).toISOString(),
      }),
      null,
    );
    const secret = "test-secret-that-is-at-least-32-bytes-long";
    const start = (await startClassQuiz(db, quiz.code, user.id, now, secret)).body as ClassQuizStartResponse;
    const submitted = (await submitClassQuiz(db, quiz.code, user.id, { token: start.token, answers: { [essay.id]: { text: "리더와 팔로워" }, [tf.id]: true } }, at(10), secret))
      .body as ClassQuizSubmitResponse;
    expect(submitted.score).toBe(1);
    const req = { target: "response" as const, attemptId: submitted.attemptId, questionId: essay.id, selfAssessment: 1 as const };
    const me: Learner = { userId: user.id, anonId: null };

    expect(await selfAssessEssay(me, req, at(20))).toEqual({ ok: false, reason: "hidden" });
    expect(await selfAssessEssay(me, req, at(3700))).toMatchObject({ ok: true, value: { score: 1, attemptScore: 2 } });
    expect(await db.classQuizAttempt.findUniqueOrThrow({ where: { id: submitted.attemptId }, select: { score: true } })).toEqual({ score: 2 });
  });
});
