import { describe, expect, it } from "vitest";
import { GET as queueGet, POST as gradePost } from "@/app/api/instructor/grading/route";
import { masteryByConcept } from "../assessment/mastery";
import { dueCount } from "../assessment/review-queue";
import { answerHistory } from "../assessment/store";
import { gradeQuizWith } from "../quiz/grade";
import { createUser, get, jsonPost, sessionCookie } from "../server/__testing__/requests";
import { essaySetup, examWithEssay, practiceEssay } from "../testing/essay-fixtures";
import { currentGradesOfLogs, gradeEssayAnswer, listEssayAnswers } from "./grading";
import { db } from "./index";
import { getLearnerProgress, recordAttempt } from "./queries";

const T0 = new Date("2026-04-01T09:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const setup = essaySetup;

describe("essay grading", () => {
  it("a chapter quiz essay: the mark replaces the self-assessment, and the attempt's score and the learner's progress follow", async () => {
    const fx = await setup();
    const text = "<script>alert(1)</script> 쓰기가 실패합니다";
    const answers = { [fx.essayId]: { text, selfAssessment: 1 as const }, [fx.tfId]: true };
    const attempt = await recordAttempt({ userId: fx.student.id, quiz: fx.quiz, answers, grade: gradeQuizWith(fx.quiz, answers) });
    expect(attempt.grade.score).toBe(2);

    const pending = await listEssayAnswers({ chapter: fx.slug, state: "pending" });
    expect(pending).toEqual([
      expect.objectContaining({
        target: "response",
        source: "quiz",
        questionId: fx.essayId,
        text,
        selfAssessment: 1,
        score: 1,
        learnerName: fx.student.name,
        grades: [],
      }),
    ]);
    const outcome = await gradeEssayAnswer(
      { target: "response", id: pending[0].id, score: 0.5, comment: "근거가 부족합니다.", graderId: fx.instructor.id },
      later(5),
    );
    expect(outcome).toEqual({
      attemptScore: 1.5,
      grade: { score: 0.5, comment: "근거가 부족합니다.", graderName: fx.instructor.name, gradedAt: later(5).toISOString() },
    });

    const response = await db.response.findUniqueOrThrow({ where: { id: pending[0].id }, select: { score: true, correct: true } });
    expect(response).toEqual({ score: 0.5, correct: false });
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { score: true } })).score).toBe(1.5);
    expect((await getLearnerProgress(fx.student.id)).find((p) => p.chapterSlug === fx.slug)).toMatchObject({ bestScore: 1.5, maxScore: 2 });
    expect(await listEssayAnswers({ chapter: fx.slug, state: "pending" })).toEqual([]);
    expect(await listEssayAnswers({ chapter: fx.slug, state: "graded" })).toHaveLength(1);
  });

  it("re-grading replaces the mark and keeps who gave each mark and when", async () => {
    const fx = await setup();
    const admin = await createUser("admin");
    const answers = { [fx.essayId]: { text: "답", selfAssessment: 0 as const } };
    await recordAttempt({ userId: fx.student.id, quiz: fx.quiz, answers, grade: gradeQuizWith(fx.quiz, answers) });
    const [item] = await listEssayAnswers({ question: fx.essayId });
    await gradeEssayAnswer({ target: "response", id: item.id, score: 0.25, graderId: fx.instructor.id }, later(1));
    const again = await gradeEssayAnswer(
      { target: "response", id: item.id, score: 1, comment: "다시 보니 맞습니다.", graderId: admin.id },
      later(2),
    );
    expect(again?.attemptScore).toBe(1);
    const [graded] = await listEssayAnswers({ question: fx.essayId, state: "graded" });
    expect(graded.score).toBe(1);
    expect(graded.grades).toEqual([
      { score: 1, comment: "다시 보니 맞습니다.", graderName: admin.name, gradedAt: later(2).toISOString() },
      { score: 0.25, comment: null, graderName: fx.instructor.name, gradedAt: later(1).toISOString() },
    ]);
    expect((await db.response.findUniqueOrThrow({ where: { id: item.id }, select: { correct: true } })).correct).toBe(true);
  });

  it("a practice essay: the mark is what mastery and today's review read", async () => {
    const fx = await setup();
    const log = await practiceEssay(fx, 1, T0);
    expect(masteryByConcept(await answerHistory(fx.learner)).get(fx.concept)).toBe("익숙함");
    expect(await dueCount(fx.learner, later(30))).toBe(0);

    const outcome = await gradeEssayAnswer(
      { target: "log", id: log.id, score: 0, comment: "모범 답안을 다시 읽어 보세요.", graderId: fx.instructor.id },
      later(60),
    );
    expect(outcome?.attemptScore).toBeNull();
    expect(masteryByConcept(await answerHistory(fx.learner)).get(fx.concept)).toBe("시도함");
    // A missed answer comes back at once: the card was rebuilt from the log with the new rating.
    expect(await dueCount(fx.learner, later(61))).toBe(1);
    expect(await db.reviewLog.findUniqueOrThrow({ where: { id: log.id }, select: { score: true, rating: true } })).toEqual({
      score: 0,
      rating: "again",
    });
    expect((await currentGradesOfLogs([log.id])).get(log.id)).toMatchObject({ score: 0, comment: "모범 답안을 다시 읽어 보세요." });
    // The learner's own list holds it; another learner's does not.
    expect(await listEssayAnswers({ state: "graded" }, fx.learner)).toEqual([expect.objectContaining({ id: log.id, source: "practice" })]);
    expect(await listEssayAnswers({ state: "all" }, { userId: fx.instructor.id, anonId: null })).toEqual([]);
  });

  it("an exam essay: the exam's score and pass follow the mark", async () => {
    const fx = await setup();
    await examWithEssay(fx, { text: "모르겠습니다", selfAssessment: 0 }, later(10));
    const [item] = await listEssayAnswers({ question: fx.essayId, state: "pending" });
    expect(item).toMatchObject({ target: "log", source: "exam", selfAssessment: 0 });
    const outcome = await gradeEssayAnswer({ target: "log", id: item.id, score: 0.75, graderId: fx.instructor.id }, later(20));
    expect(outcome?.attemptScore).toBe(1.75);
    const exam = await db.examAttempt.findFirstOrThrow({ where: { userId: fx.student.id }, select: { score: true, passed: true } });
    expect(exam).toEqual({ score: 1.75, passed: true });
  });

  it("marks on two essays of one attempt given at the same moment both reach the attempt's score", async () => {
    const fx = await setup();
    const second = { ...fx.quiz.questions[0], id: `${fx.essayId}-2` };
    const quiz = { ...fx.quiz, questions: [fx.quiz.questions[0], second] };
    const answers = { [fx.essayId]: { text: "하나" }, [second.id]: { text: "둘" } };
    const attempt = await recordAttempt({ userId: fx.student.id, quiz, answers, grade: gradeQuizWith(quiz, answers) });
    const items = await listEssayAnswers({ chapter: fx.slug, state: "pending" });
    expect(items).toHaveLength(2);
    await Promise.all(
      items.map((it, i) => gradeEssayAnswer({ target: "response", id: it.id, score: i ? 0.25 : 0.5, graderId: fx.instructor.id })),
    );
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { score: true } })).score).toBe(0.75);
  });

  it("refuses a non-essay answer and an unknown id, storing nothing", async () => {
    const fx = await setup();
    const attempt = await recordAttempt({
      userId: fx.student.id,
      quiz: fx.quiz,
      answers: { [fx.tfId]: false },
      grade: gradeQuizWith(fx.quiz, { [fx.tfId]: false }),
    });
    const rows = await db.response.findMany({ where: { attemptId: attempt.id }, select: { id: true, questionVersionId: true } });
    const tf = rows.find((r) => r.questionVersionId === fx.versions.get(fx.tfId))!;
    const unansweredEssay = rows.find((r) => r.questionVersionId === fx.versions.get(fx.essayId))!;
    const before = await db.essayGrade.count();
    expect(await gradeEssayAnswer({ target: "response", id: tf.id, score: 1, graderId: fx.instructor.id })).toBeNull();
    expect(await gradeEssayAnswer({ target: "response", id: unansweredEssay.id, score: 1, graderId: fx.instructor.id })).toBeNull();
    expect(await gradeEssayAnswer({ target: "log", id: "no-such-log", score: 1, graderId: fx.instructor.id })).toBeNull();
    expect(await db.essayGrade.count()).toBe(before);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { score: true } })).score).toBe(0);
    // An unanswered essay is not in the queue.
    expect(await listEssayAnswers({ chapter: fx.slug, state: "all" })).toEqual([]);
  });
});

describe("the grading routes", () => {
  it("list and grade for instructors; students get 403, anonymous callers 401, bad marks a Korean 400", async () => {
    const fx = await setup();
    const answers = { [fx.essayId]: { text: "답안", selfAssessment: 0.5 as const } };
    await recordAttempt({ userId: fx.student.id, quiz: fx.quiz, answers, grade: gradeQuizWith(fx.quiz, answers) });
    const teacher = { cookie: await sessionCookie(fx.instructor.id) };
    const student = { cookie: await sessionCookie(fx.student.id) };

    const list = await queueGet(get(`/api/instructor/grading?chapter=${fx.slug}`, teacher));
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: { id: string; target: string }[] };
    expect(items).toHaveLength(1);
    expect((await queueGet(get(`/api/instructor/grading?chapter=${fx.slug}`, student))).status).toBe(403);
    expect((await queueGet(get("/api/instructor/grading?state=soon", teacher))).status).toBe(400);

    const body = { target: items[0].target, id: items[0].id, score: 0.75, comment: "좋습니다" };
    expect((await gradePost(jsonPost("/api/instructor/grading", body))).status).toBe(401);
    const forbidden = await gradePost(jsonPost("/api/instructor/grading", body, student));
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: string }).error).toMatch(/강사/);
    for (const score of [1.5, -0.1, 0.333, "1"]) {
      const bad = await gradePost(jsonPost("/api/instructor/grading", { ...body, score }, teacher));
      expect(bad.status, String(score)).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/점수/);
    }
    expect((await gradePost(jsonPost("/api/instructor/grading", { ...body, id: "nope" }, teacher))).status).toBe(404);
    expect(await db.essayGrade.count({ where: { responseId: items[0].id } })).toBe(0);

    const ok = await gradePost(jsonPost("/api/instructor/grading", body, teacher));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      id: items[0].id,
      attemptScore: 0.75,
      grade: { score: 0.75, comment: "좋습니다", graderName: fx.instructor.name },
    });
  });
});
