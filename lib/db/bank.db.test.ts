import { describe, expect, it } from "vitest";
import { gradeQuiz } from "../quiz/grade";
import { type Question, type Quiz } from "../quiz/schema";
import {
  chapterQuizFromBank,
  createAuthoredQuestion,
  importContentQuestions,
  loadContentQuizzes,
  saveQuestionVersion,
  setQuestionStatus,
  type QuestionDraft,
} from "./bank";
import { sampleQuiz, unique } from "../testing/sample-quiz";
import { db } from "./index";
import { recordAttempt } from "./queries";

const contentQuiz = (slug: string, explanation = "설명"): Quiz => sampleQuiz(slug, explanation, ["x", "y"]);

const authored = (prompt: string): QuestionDraft => ({
  type: "single",
  concepts: ["isr"],
  prompt,
  options: [
    { id: "a", text: "하나" },
    { id: "b", text: "둘" },
  ],
  answer: "b",
  explanation: "둘입니다",
});

describe("importing content questions", () => {
  it("imports every question of the course once, however often it runs", async () => {
    const quizzes = await loadContentQuizzes();
    const total = quizzes.reduce((n, q) => n + q.questions.length, 0);
    expect(total).toBeGreaterThan(10);
    await importContentQuestions(db, quizzes);
    const again = await importContentQuestions(db, quizzes);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: total });
    const first = quizzes[0];
    const bank = await chapterQuizFromBank(db, first.chapterSlug, first.title);
    // The course's questions keep their order; other tests may have published their own among them.
    const ids = bank?.questions.map((q) => q.id) ?? [];
    const course = new Set(first.questions.map((q) => q.id));
    expect(ids.filter((id) => course.has(id))).toEqual(first.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("versions a changed content question and keeps an instructor's archive on re-import", async () => {
    const slug = `80-${unique()}`;
    expect(await importContentQuestions(db, [contentQuiz(slug)])).toEqual({ created: 2, updated: 0, unchanged: 0 });
    await setQuestionStatus(db, `${slug}-b`, "archived");
    expect(await importContentQuestions(db, [contentQuiz(slug, "고친 설명")])).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const versions = await db.questionVersion.findMany({ where: { questionId: `${slug}-a` }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, JSON.parse(v.body).explanation])).toEqual([
      [1, "설명"],
      [2, "고친 설명"],
    ]);
    const quiz = await chapterQuizFromBank(db, slug, "t");
    expect(quiz?.questions.map((q) => [q.id, q.explanation])).toEqual([[`${slug}-a`, "고친 설명"]]);
  });
});

describe("authoring", () => {
  it("keeps a chapter's quiz to its published questions, content first, authored in order", async () => {
    const slug = `81-${unique()}`;
    await importContentQuestions(db, [contentQuiz(slug)]);
    const draft = await createAuthoredQuestion(db, { question: authored("초안 문제"), chapterSlug: slug, authorId: null });
    const later = await createAuthoredQuestion(db, { question: authored("나중 문제"), chapterSlug: slug, authorId: null, status: "published" });
    let quiz = await chapterQuizFromBank(db, slug, "t");
    expect(quiz?.questions.map((q) => q.id)).toEqual([`${slug}-a`, `${slug}-b`, later.id]);
    await setQuestionStatus(db, draft.id, "published");
    await setQuestionStatus(db, `${slug}-a`, "draft");
    quiz = await chapterQuizFromBank(db, slug, "t");
    expect(quiz?.questions.map((q) => q.id)).toEqual([`${slug}-b`, draft.id, later.id]);
  });

  it("gives an edited question that has attempts a new version and leaves the old attempt on the old one", async () => {
    const slug = `82-${unique()}`;
    const { id, versionId: v1 } = await createAuthoredQuestion(db, {
      question: authored("원래 문제"),
      chapterSlug: slug,
      authorId: null,
      status: "published",
    });
    const quiz = (await chapterQuizFromBank(db, slug, "t"))!;
    const attempt = await recordAttempt({ userId: null, quiz, answers: { [id]: "b" }, grade: gradeQuiz(quiz, { [id]: "b" }) });

    const edited = await saveQuestionVersion(db, id, { ...authored("고친 문제"), id } as Question, { chapterSlug: slug });
    expect(edited).toMatchObject({ version: 2, changed: true });
    expect(edited.versionId).not.toBe(v1);
    const response = await db.response.findFirstOrThrow({ where: { attemptId: attempt.id } });
    expect(response.questionVersionId).toBe(v1);
    expect((await chapterQuizFromBank(db, slug, "t"))?.questions[0].prompt).toBe("고친 문제");

    const same = await saveQuestionVersion(db, id, { ...authored("고친 문제"), id } as Question, { chapterSlug: slug });
    expect(same).toMatchObject({ version: 2, changed: false });
    const reverted = await saveQuestionVersion(db, id, { ...authored("원래 문제"), id } as Question, { chapterSlug: slug });
    expect(reverted).toMatchObject({ versionId: v1, version: 1, changed: true });
  });
});
