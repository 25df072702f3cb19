import { describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...auth]/route";
import { GET as progressGet } from "@/app/api/progress/route";
import { GET as gradingGet, POST as gradingPost } from "@/app/api/instructor/grading/route";
import { POST as readPost } from "@/app/api/progress/read/route";
import { POST as attemptPost } from "@/app/api/quizzes/[slug]/attempts/route";
import { POST as selfAssessPost } from "@/app/api/review/self-assessment/route";
import { POST as signupPost } from "@/app/api/signup/route";
import { POST as classQuizStart } from "@/app/api/q/[code]/start/route";
import { POST as classQuizSubmit } from "@/app/api/q/[code]/submit/route";
import { classQuizInputSchema } from "../assessment/class-quiz-contracts";
import { createAuthoredQuestion } from "../db/bank";
import { createClassQuiz } from "../db/class-quiz";
import { db } from "../db";
import { createUser, get, jsonPost, params, sessionCookie, unique } from "./__testing__/requests";
import { forgetUser } from "./session";

type Caller = "anonymous" | "student" | "instructor" | "admin" | "deleted";
const CALLERS: Caller[] = ["anonymous", "student", "instructor", "admin", "deleted"];
const CHAPTER = "01-kafka-ecosystem";

/** One class quiz (one published question, no limits) shared by the rows below, made on first use. */
let shareCode: Promise<string> | undefined;
const classQuizCode = () =>
  (shareCode ??= (async () => {
    const q = await createAuthoredQuestion(db, {
      question: { type: "true-false", concepts: ["matrix"], prompt: "수업 퀴즈 문제", answer: true, explanation: "참" },
      chapterSlug: CHAPTER,
      authorId: null,
      status: "published",
    });
    return (await createClassQuiz(db, classQuizInputSchema.parse({ title: "행렬 퀴즈", items: [{ kind: "fixed", questionId: q.id }] }), null)).code;
  })());

/** Every route (and method) of the product, how to call it, and the status each caller gets. */
const ROUTES: { name: string; call: (h: Record<string, string>) => Promise<Response>; expect: Record<Caller, number> }[] = [
  {
    name: "GET /api/progress",
    call: (h) => progressGet(get("/api/progress", h)),
    expect: { anonymous: 401, student: 200, instructor: 200, admin: 200, deleted: 401 },
  },
  {
    name: "POST /api/progress/read",
    call: (h) => readPost(jsonPost("/api/progress/read", { chapter: CHAPTER }, h)),
    expect: { anonymous: 401, student: 200, instructor: 200, admin: 200, deleted: 401 },
  },
  {
    name: "POST /api/quizzes/[slug]/attempts",
    call: (h) => attemptPost(jsonPost(`/api/quizzes/${CHAPTER}/attempts`, { answers: {} }, h), params({ slug: CHAPTER })),
    expect: { anonymous: 201, student: 201, instructor: 201, admin: 201, deleted: 401 },
  },
  {
    // Nobody's answer: a caller with no learner is 401; anyone else finds no essay of theirs to rate.
    name: "POST /api/review/self-assessment",
    call: (h) => selfAssessPost(jsonPost("/api/review/self-assessment", { target: "log", id: "no-such-answer", selfAssessment: 1 }, h)),
    expect: { anonymous: 401, student: 404, instructor: 404, admin: 404, deleted: 401 },
  },
  {
    name: "POST /api/q/[code]/start",
    call: async (h) => {
      const code = await classQuizCode();
      return classQuizStart(jsonPost(`/api/q/${code}/start`, {}, h), params({ code }));
    },
    expect: { anonymous: 401, student: 201, instructor: 201, admin: 201, deleted: 401 },
  },
  {
    // A made-up token: signed-in callers get the Korean 400, nobody gets a grade.
    name: "POST /api/q/[code]/submit",
    call: async (h) => {
      const code = await classQuizCode();
      return classQuizSubmit(jsonPost(`/api/q/${code}/submit`, { token: "x.y", answers: {} }, h), params({ code }));
    },
    expect: { anonymous: 401, student: 403, instructor: 403, admin: 403, deleted: 401 },
  },
  {
    name: "GET /api/instructor/grading",
    call: (h) => gradingGet(get("/api/instructor/grading?state=all", h)),
    expect: { anonymous: 401, student: 403, instructor: 200, admin: 200, deleted: 401 },
  },
  {
    // Past the role check, an id that is no essay answer is a 404.
    name: "POST /api/instructor/grading",
    call: (h) => gradingPost(jsonPost("/api/instructor/grading", { target: "log", id: "no-such-answer", score: 0.5 }, h)),
    expect: { anonymous: 401, student: 403, instructor: 404, admin: 404, deleted: 401 },
  },
  {
    name: "POST /api/signup",
    call: (h) => signupPost(jsonPost("/api/signup", { name: "새 학생", email: `new-${unique()}@example.com`, password: "12345678" }, h)),
    expect: { anonymous: 201, student: 201, instructor: 201, admin: 201, deleted: 401 },
  },
  {
    name: "GET /api/auth/session",
    call: (h) => authGet(get("/api/auth/session", h)),
    expect: { anonymous: 200, student: 200, instructor: 200, admin: 200, deleted: 200 },
  },
  {
    name: "GET /api/auth/csrf",
    call: (h) => authGet(get("/api/auth/csrf", h)),
    expect: { anonymous: 200, student: 200, instructor: 200, admin: 200, deleted: 200 },
  },
  {
    // Without the CSRF double-submit token Auth.js refuses the sign-in by redirecting back.
    name: "POST /api/auth/callback/credentials (no CSRF token)",
    call: (h) =>
      authPost(
        new Request("http://localhost/api/auth/callback/credentials", {
          method: "POST",
          headers: { host: "localhost", "content-type": "application/x-www-form-urlencoded", ...h },
          body: "email=a%40b.c&password=x",
        }),
      ),
    expect: { anonymous: 302, student: 302, instructor: 302, admin: 302, deleted: 302 },
  },
];

async function headersFor(caller: Caller): Promise<Record<string, string>> {
  if (caller === "anonymous") return {};
  const u = await createUser(caller === "deleted" ? "student" : caller);
  const cookie = await sessionCookie(u.id);
  if (caller === "deleted") {
    await db.user.delete({ where: { id: u.id } });
    forgetUser(u.id);
  }
  return { cookie };
}

describe("route × role", () => {
  for (const route of ROUTES) {
    it.each(CALLERS)(`${route.name} as %s`, async (caller) => {
      const res = await route.call(await headersFor(caller));
      expect(res.status).toBe(route.expect[caller]);
      if (res.status >= 400) expect(((await res.json()) as { error: string }).error).toMatch(/[가-힣]/);
    });
  }

  it("a signed-in session reports the database's role, and a deleted user's reports no one", async () => {
    const u = await createUser("instructor");
    const cookie = await sessionCookie(u.id);
    expect(await (await authGet(get("/api/auth/session", { cookie }))).json()).toEqual({ user: u });
    await db.user.delete({ where: { id: u.id } });
    forgetUser(u.id);
    const res = await authGet(get("/api/auth/session", { cookie }));
    expect(await res.json()).toBeNull();
    expect(res.headers.get("set-cookie")).toContain("Max-Age=0");
  });

  it("no route answers a malformed X-Forwarded-Host with a 5xx", async () => {
    const h = { "x-forwarded-host": "a b", cookie: "authjs.session-token=x" };
    for (const route of ROUTES) expect((await route.call(h)).status, route.name).toBeLessThan(500);
    expect((await authGet(get("/api/auth/providers", { "x-forwarded-host": "a b" }))).status).toBe(200);
  });
});
