import { describe, expect, it } from "vitest";
import { createUser, DEMO_ACCOUNTS, demoMode, seed } from "../../prisma/seed";
import { verifyPassword } from "../auth/password";
import { gradeQuiz } from "../quiz/grade";
import { sampleQuiz, unique } from "../testing/sample-quiz";
import { db } from "./index";
import { createStudent, getLearnerProgress, markChapterRead, recordAttempt, syncQuestionVersions } from "./queries";


async function newStudent() {
  const u = await createStudent({ email: `s-${unique()}@example.com`, name: "테스트", passwordHash: "x" });
  if (!u) throw new Error("student not created");
  return u;
}

describe("accounts", { timeout: 60_000 }, () => {
  it("refuses a second account with the same e-mail", async () => {
    const email = `dup-${unique()}@example.com`;
    expect(await createStudent({ email, name: "a", passwordHash: "x" })).not.toBeNull();
    expect(await createStudent({ email, name: "b", passwordHash: "y" })).toBeNull();
  });

  it("seeds the demo accounts once and never resets a changed password or role", async () => {
    await seed(db);
    const [student] = DEMO_ACCOUNTS;
    const u = await db.user.findUniqueOrThrow({ where: { email: student.email }, select: { id: true, role: true, passwordHash: true } });
    expect(u.role).toBe(student.role);
    expect(await verifyPassword(student.password, u.passwordHash)).toBe(true);
    await db.user.update({ where: { id: u.id }, data: { passwordHash: "changed", role: "instructor" } });
    expect((await seed(db)).created).toEqual([]);
    expect(await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { role: true, passwordHash: true } })).toEqual({
      role: "instructor",
      passwordHash: "changed",
    });
  });

  it("creates demo accounts only in demo mode: the default SQLite file or DEMO_ACCOUNTS=1", () => {
    expect(demoMode({ DATABASE_URL: "file:./dev.db" })).toBe(true);
    expect(demoMode({ DATABASE_URL: "postgresql://app@db/prod" })).toBe(false);
    expect(demoMode({ DATABASE_URL: "file:/srv/course.db" })).toBe(false);
    expect(demoMode({ DATABASE_URL: "postgresql://app@db/demo", DEMO_ACCOUNTS: "1" })).toBe(true);
    expect(demoMode({ DATABASE_URL: "file:./dev.db", DEMO_ACCOUNTS: "0" })).toBe(false);
  });

  it("creates a named admin once and leaves an existing e-mail untouched", async () => {
    const email = `Admin-${unique()}@Example.com`;
    const first = await createUser(db, { email, name: "관리자", password: "long-admin-password", role: "admin" });
    expect(first.status).toBe("created");
    expect(await createUser(db, { email, name: "다른", password: "another-password", role: "student" })).toEqual({ status: "exists" });
    const u = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, select: { role: true, name: true } });
    expect(u).toEqual({ role: "admin", name: "관리자" });
  });
});

describe("attempts", () => {
  it("stores a graded attempt with one response per question", async () => {
    const user = await newStudent();
    const quiz = sampleQuiz(`90-${unique()}`);
    const answers = { [`${quiz.id}-a`]: true };
    const { id } = await recordAttempt({ userId: user.id, quiz, answers, grade: gradeQuiz(quiz, answers) });
    const stored = await db.attempt.findUniqueOrThrow({ where: { id }, include: { responses: true } });
    expect(stored).toMatchObject({ score: 1, maxScore: 2, chapterSlug: quiz.id, userId: user.id });
    expect(stored.responses.map((r) => [JSON.parse(r.answer), r.correct]).sort()).toEqual([
      [null, false],
      [true, true],
    ]);
  });

  it("returns the first attempt when the same idempotency key is submitted twice", async () => {
    const user = await newStudent();
    const quiz = sampleQuiz(`91-${unique()}`);
    const key = `key-${unique()}`;
    const input = { userId: user.id, quiz, answers: {}, grade: gradeQuiz(quiz, {}), idempotencyKey: key };
    const first = await recordAttempt(input);
    const again = await recordAttempt(input);
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(1);
  });

  it("answers a repeated key with the stored grade, not one computed from the new answers", async () => {
    const user = await newStudent();
    const quiz = sampleQuiz(`95-${unique()}`);
    const key = `key-${unique()}`;
    const right = { [`${quiz.id}-a`]: true, [`${quiz.id}-b`]: 3 };
    const first = await recordAttempt({ userId: user.id, quiz, answers: right, grade: gradeQuiz(quiz, right), idempotencyKey: key });
    const changed = { [`${quiz.id}-a`]: false };
    const again = await recordAttempt({ userId: user.id, quiz, answers: changed, grade: gradeQuiz(quiz, changed), idempotencyKey: key });
    expect(again.duplicate).toBe(true);
    expect(again.grade).toEqual(first.grade);
    expect(again.grade.score).toBe(2);
  });

  it("stores every one of many concurrent submissions, even when one of them repeats a key", async () => {
    const user = await newStudent();
    const quiz = sampleQuiz(`97-${unique()}`);
    const key = `dup-${unique()}`;
    const answers = { [`${quiz.id}-a`]: true };
    const input = (k?: string) => ({ userId: user.id, quiz, answers, grade: gradeQuiz(quiz, answers), idempotencyKey: k });
    const first = await recordAttempt(input(key));
    const results = await Promise.all([...Array.from({ length: 40 }, () => recordAttempt(input())), recordAttempt(input(key))]);
    expect(results.at(-1)).toMatchObject({ id: first.id, duplicate: true });
    expect(await db.attempt.count({ where: { userId: user.id } })).toBe(41);
    expect(await db.response.count({ where: { attempt: { userId: user.id } } })).toBe(82);
    const stored = await db.attempt.findFirstOrThrow({ where: { userId: user.id, idempotencyKey: null }, include: { responses: true } });
    expect(Math.abs(stored.submittedAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(stored.responses.map((r) => [JSON.parse(r.answer), r.correct]).sort()).toEqual([
      [null, false],
      [true, true],
    ]);
  });

  it("never hands one user's attempt to another user who sends the same key", async () => {
    const [alice, bob] = [await newStudent(), await newStudent()];
    const quiz = sampleQuiz(`96-${unique()}`);
    const key = `shared-${unique()}`;
    const aliceAnswers = { [`${quiz.id}-a`]: true };
    const a = await recordAttempt({ userId: alice.id, quiz, answers: aliceAnswers, grade: gradeQuiz(quiz, aliceAnswers), idempotencyKey: key });
    const b = await recordAttempt({ userId: bob.id, quiz, answers: {}, grade: gradeQuiz(quiz, {}), idempotencyKey: key });
    expect(b.id).not.toBe(a.id);
    expect(b.duplicate).toBe(false);
    expect(b.grade.score).toBe(0);
    expect((await db.attempt.findUniqueOrThrow({ where: { id: b.id } })).userId).toBe(bob.id);
  });

  it("keeps old responses on their question version when the question is edited", async () => {
    const slug = `92-${unique()}`;
    const v1 = await syncQuestionVersions(sampleQuiz(slug, "첫 설명"));
    const v1again = await syncQuestionVersions(sampleQuiz(slug, "첫 설명"));
    const v2 = await syncQuestionVersions(sampleQuiz(slug, "고친 설명"));
    expect(v1again.get(`${slug}-a`)).toBe(v1.get(`${slug}-a`));
    expect(v2.get(`${slug}-a`)).not.toBe(v1.get(`${slug}-a`));
    expect(v2.get(`${slug}-b`)).toBe(v1.get(`${slug}-b`));
    const versions = await db.questionVersion.findMany({
      where: { questionId: `${slug}-a` },
      orderBy: { version: "asc" },
      select: { version: true },
    });
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it("keeps anonymous attempts without a user", async () => {
    const quiz = sampleQuiz(`93-${unique()}`);
    const { id } = await recordAttempt({ userId: null, quiz, answers: {}, grade: gradeQuiz(quiz, {}) });
    expect((await db.attempt.findUniqueOrThrow({ where: { id } })).userId).toBeNull();
  });
});

describe("progress", () => {
  it("keeps the first time a chapter was read", async () => {
    const user = await newStudent();
    const first = await markChapterRead(user.id, "01-x", new Date("2026-01-01T00:00:00Z"));
    const later = await markChapterRead(user.id, "01-x", new Date("2026-02-01T00:00:00Z"));
    expect(later.toISOString()).toBe(first.toISOString());
  });

  it("reports reading and the best quiz score per chapter", async () => {
    const user = await newStudent();
    const quiz = sampleQuiz(`94-${unique()}`);
    for (const answers of [{}, { [`${quiz.id}-a`]: true, [`${quiz.id}-b`]: 3 }, { [`${quiz.id}-a`]: true }])
      await recordAttempt({ userId: user.id, quiz, answers, grade: gradeQuiz(quiz, answers) });
    await markChapterRead(user.id, quiz.id);
    const [p] = await getLearnerProgress(user.id);
    expect(p).toMatchObject({ chapterSlug: quiz.id, bestScore: 2, maxScore: 2, attempts: 3 });
    expect(p.readAt).not.toBeNull();
    expect(await getLearnerProgress((await newStudent()).id)).toEqual([]);
  });
});
