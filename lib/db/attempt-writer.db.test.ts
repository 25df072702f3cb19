import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { isPostgresUrl } from "../env-schema";
import { gradeQuiz } from "../quiz/grade";
import { sampleQuiz, unique } from "../testing/sample-quiz";
import { db } from "./index";
import { createStudent, recordAttempt } from "./queries";

const url = process.env.DATABASE_URL ?? "";
const sqlite = !isPostgresUrl(url);

async function student() {
  const u = await createStudent({ email: `w-${unique()}@example.com`, name: "쓰기", passwordHash: "x" });
  if (!u) throw new Error("student not created");
  return u;
}

describe("attempt writer", { timeout: 60_000 }, () => {
  it("stores a burst of submissions made in one turn of the event loop, each with its own responses", async () => {
    const user = await student();
    const quiz = sampleQuiz(`95-${unique()}`);
    const answers = { [`${quiz.id}-a`]: true, [`${quiz.id}-b`]: 3 };
    const ids = await Promise.all(Array.from({ length: 300 }, () => recordAttempt({ userId: user.id, quiz, answers, grade: gradeQuiz(quiz, answers) })));
    expect(new Set(ids.map((a) => a.id)).size).toBe(300);
    expect(await db.attempt.count({ where: { userId: user.id, score: 2, maxScore: 2 } })).toBe(300);
    expect(await db.response.count({ where: { attempt: { userId: user.id }, correct: true } })).toBe(600);
  });

  it.skipIf(!sqlite)("waits for another connection's write lock instead of failing, and stores the attempt once it is free", async () => {
    const user = await student();
    const quiz = sampleQuiz(`94-${unique()}`);
    const answers = { [`${quiz.id}-a`]: false };
    await recordAttempt({ userId: user.id, quiz, answers, grade: gradeQuiz(quiz, answers) }); // versions synced, writer open
    const other = new Database(url.replace(/^file:/, ""), { timeout: 0 });
    other.exec("BEGIN IMMEDIATE");
    let settled = false;
    const pending = recordAttempt({ userId: user.id, quiz, answers, grade: gradeQuiz(quiz, answers) }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 150));
    expect(settled).toBe(false); // still waiting: the other connection holds the lock
    other.exec("COMMIT");
    other.close();
    const { id } = await pending;
    expect(await db.attempt.findUnique({ where: { id }, select: { userId: true } })).toEqual({ userId: user.id });
  });

  it("fails only the attempt whose user was deleted meanwhile; the others in its batch are stored", async () => {
    const [kept, gone] = [await student(), await student()];
    const quiz = sampleQuiz(`93-${unique()}`);
    const answers = { [`${quiz.id}-a`]: true };
    await recordAttempt({ userId: kept.id, quiz, answers, grade: gradeQuiz(quiz, answers) });
    await db.user.delete({ where: { id: gone.id } });
    const results = await Promise.allSettled([
      recordAttempt({ userId: kept.id, quiz, answers, grade: gradeQuiz(quiz, answers) }),
      recordAttempt({ userId: gone.id, quiz, answers, grade: gradeQuiz(quiz, answers) }),
      recordAttempt({ userId: kept.id, quiz, answers, grade: gradeQuiz(quiz, answers) }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await db.attempt.count({ where: { userId: kept.id } })).toBe(3);
    expect(await db.attempt.count({ where: { userId: gone.id } })).toBe(0);
  });
});
