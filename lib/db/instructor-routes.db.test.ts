// Route × role matrix over every instructor route: the real handlers against the test database,
// signed in with real session cookies.
import { encode } from "@auth/core/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import * as giftExport from "@/app/api/instructor/gift/export/route";
import * as giftImport from "@/app/api/instructor/gift/route";
import * as progress from "@/app/api/instructor/progress/route";
import * as questionOne from "@/app/api/instructor/questions/[id]/route";
import * as questionStatus from "@/app/api/instructor/questions/[id]/status/route";
import * as questions from "@/app/api/instructor/questions/route";
import * as stats from "@/app/api/instructor/stats/[quiz]/route";
import * as userRole from "@/app/api/instructor/users/[id]/role/route";
import * as resolveReport from "@/app/api/instructor/reports/[id]/resolve/route";
import * as classQuizzes from "@/app/api/instructor/quizzes/route";
import * as classQuizOne from "@/app/api/instructor/quizzes/[id]/route";
import * as classQuizStatus from "@/app/api/instructor/quizzes/[id]/status/route";
import * as classQuizGrades from "@/app/api/instructor/quizzes/[id]/grades/route";
import { createAuthoredQuestion } from "./bank";
import * as reports from "@/app/api/reports/route";
import { SCENARIO_ENGINE_VERSION, scenarioParamValue } from "@/lib/kafka/scenario";
import { db } from "./index";
import { listProblemReports, widgetReplay } from "./instructor-reports";

type Role = "anonymous" | "student" | "instructor" | "admin";
const ORIGIN = "http://localhost:3107";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const cookies = new Map<Role, string>();
const userIds = new Map<Role, string>();

async function signIn(role: Exclude<Role, "anonymous">) {
  const u = await db.user.create({ data: { email: `${role}-${unique()}@example.com`, name: role, passwordHash: "x", role } });
  const token = await encode({
    token: { sub: u.id, email: u.email, name: u.name, role },
    secret: process.env.AUTH_SECRET!,
    salt: "authjs.session-token",
  });
  cookies.set(role, `authjs.session-token=${token}`);
  userIds.set(role, u.id);
}

function request(role: Role, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { host: "localhost:3107", origin: ORIGIN, "sec-fetch-site": "same-origin" };
  const cookie = cookies.get(role);
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(ORIGIN + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

const ctx = (params: Record<string, string>) => ({ params: Promise.resolve(params) });

const draft = (prompt: string) => ({
  chapterSlug: "01-kafka-ecosystem",
  status: "draft",
  question: { type: "true-false", concepts: ["matrix"], prompt, answer: true, explanation: "참입니다" },
});

let questionId = "";
let reportId = "";
let quizQuestionId = "";
let classQuizId = "";
const classQuiz = (title: string) => ({ title, items: [{ kind: "fixed", questionId: quizQuestionId }], maxAttempts: 2, gradingPolicy: "average" });

beforeAll(async () => {
  for (const r of ["student", "instructor", "admin"] as const) await signIn(r);
  const res = await questions.POST(request("instructor", "POST", "/api/instructor/questions", draft("기준 문제")));
  expect(res.status).toBe(201);
  questionId = (await res.json()).id;
  reportId = (await db.problemReport.create({ data: { chapterSlug: "01-kafka-ecosystem", questionId, message: "오타" } })).id;
  const q = await createAuthoredQuestion(db, {
    question: { type: "true-false", concepts: ["matrix"], prompt: "수업 퀴즈 문제", answer: true, explanation: "참" },
    chapterSlug: "01-kafka-ecosystem",
    authorId: null,
    status: "published",
  });
  quizQuestionId = q.id;
  const res2 = await classQuizzes.POST(request("instructor", "POST", "/api/instructor/quizzes", classQuiz("기준 퀴즈")));
  expect(res2.status, await res2.clone().text()).toBe(201);
  classQuizId = (await res2.json()).quiz.id;
});

interface Case {
  name: string;
  /** the lowest role allowed */
  allowed: Exclude<Role, "anonymous">;
  call: (role: Role) => Promise<Response>;
  /** true when a refused call must leave the database as it was */
  writes?: boolean;
}

const gift = "::질문::[markdown]카프카는 분산 로그인가요? {T}";
const cases: Case[] = [
  { name: "GET questions", allowed: "instructor", call: (r) => questions.GET(request(r, "GET", "/api/instructor/questions")) },
  { name: "POST questions", allowed: "instructor", writes: true, call: (r) => questions.POST(request(r, "POST", "/api/instructor/questions", draft(`새 문제 ${r}`))) },
  { name: "GET question", allowed: "instructor", call: (r) => questionOne.GET(request(r, "GET", `/api/instructor/questions/${questionId}`), ctx({ id: questionId })) },
  {
    name: "PUT question",
    allowed: "instructor",
    writes: true,
    call: (r) => questionOne.PUT(request(r, "PUT", `/api/instructor/questions/${questionId}`, draft(`고친 문제 ${r}`)), ctx({ id: questionId })),
  },
  {
    name: "POST question status",
    allowed: "instructor",
    writes: true,
    call: (r) => questionStatus.POST(request(r, "POST", `/api/instructor/questions/${questionId}/status`, { status: "archived" }), ctx({ id: questionId })),
  },
  {
    name: "POST gift (preview)",
    allowed: "instructor",
    call: (r) => giftImport.POST(request(r, "POST", "/api/instructor/gift", { text: gift, chapterSlug: "01-kafka-ecosystem", save: false })),
  },
  {
    name: "POST gift (save)",
    allowed: "instructor",
    writes: true,
    call: (r) => giftImport.POST(request(r, "POST", "/api/instructor/gift", { text: gift, chapterSlug: "01-kafka-ecosystem", save: true })),
  },
  { name: "GET gift export", allowed: "instructor", call: (r) => giftExport.GET(request(r, "GET", "/api/instructor/gift/export")) },
  { name: "GET stats", allowed: "instructor", call: (r) => stats.GET(request(r, "GET", "/api/instructor/stats/01-kafka-ecosystem"), ctx({ quiz: "01-kafka-ecosystem" })) },
  { name: "GET progress", allowed: "instructor", call: (r) => progress.GET(request(r, "GET", "/api/instructor/progress")) },
  {
    name: "POST user role",
    allowed: "admin",
    writes: true,
    call: (r) => userRole.POST(request(r, "POST", `/api/instructor/users/${userIds.get("student")}/role`, { role: "student" }), ctx({ id: userIds.get("student")! })),
  },
  {
    name: "POST reports (learner)",
    allowed: "student",
    call: (r) => reports.POST(request(r, "POST", "/api/reports", { chapterSlug: "01-kafka-ecosystem", questionId, message: "<script>alert(1)</script> 정답이 이상해요" })),
  },
  {
    name: "POST report resolve",
    allowed: "instructor",
    writes: true,
    call: (r) => resolveReport.POST(request(r, "POST", `/api/instructor/reports/${reportId}/resolve`), ctx({ id: reportId })),
  },
  { name: "GET class quizzes", allowed: "instructor", call: (r) => classQuizzes.GET(request(r, "GET", "/api/instructor/quizzes")) },
  { name: "POST class quizzes", allowed: "instructor", writes: true, call: (r) => classQuizzes.POST(request(r, "POST", "/api/instructor/quizzes", classQuiz(`새 퀴즈 ${r}`))) },
  { name: "GET class quiz", allowed: "instructor", call: (r) => classQuizOne.GET(request(r, "GET", `/api/instructor/quizzes/${classQuizId}`), ctx({ id: classQuizId })) },
  {
    name: "PUT class quiz",
    allowed: "instructor",
    writes: true,
    call: (r) => classQuizOne.PUT(request(r, "PUT", `/api/instructor/quizzes/${classQuizId}`, classQuiz(`고친 퀴즈 ${r}`)), ctx({ id: classQuizId })),
  },
  {
    name: "POST class quiz status",
    allowed: "instructor",
    writes: true,
    call: (r) => classQuizStatus.POST(request(r, "POST", `/api/instructor/quizzes/${classQuizId}/status`, { status: "active" }), ctx({ id: classQuizId })),
  },
  {
    name: "GET class quiz grades (CSV)",
    allowed: "instructor",
    call: (r) => classQuizGrades.GET(request(r, "GET", `/api/instructor/quizzes/${classQuizId}/grades?format=csv`), ctx({ id: classQuizId })),
  },
];

const RANK: Record<Role, number> = { anonymous: -1, student: 0, instructor: 1, admin: 2 };

async function snapshot() {
  const [q, v, u] = await Promise.all([db.question.count(), db.questionVersion.count(), db.user.findMany({ select: { role: true } })]);
  const s = await db.question.findUnique({ where: { id: questionId }, select: { status: true } });
  const rep = await db.problemReport.findUnique({ where: { id: reportId }, select: { status: true } });
  const cq = await db.classQuiz.findMany({ select: { title: true, status: true }, orderBy: { id: "asc" } });
  return { q, v, roles: u.map((x) => x.role).sort().join(), status: s?.status, report: rep?.status, cq };
}

describe("instructor routes by role", () => {
  for (const c of cases) {
    for (const role of ["anonymous", "student", "instructor", "admin"] as const) {
      const allowed = RANK[role] >= RANK[c.allowed];
      it(`${c.name}: ${role} ${allowed ? "is served" : role === "anonymous" ? "gets 401" : "gets 403"}`, async () => {
        const before = c.writes && !allowed ? await snapshot() : null;
        const res = await c.call(role);
        if (allowed) expect(res.status, await res.clone().text()).toBeLessThan(300);
        else {
          expect(res.status).toBe(role === "anonymous" ? 401 : 403);
          expect((await res.json()).error).toMatch(/[가-힣]/);
        }
        if (before) expect(await snapshot()).toEqual(before);
      });
    }
  }
});

describe("instructor routes refuse bad input", () => {
  it("names the invalid fields of a question in Korean and saves nothing", async () => {
    const before = await db.question.count();
    const res = await questions.POST(
      request("instructor", "POST", "/api/instructor/questions", {
        chapterSlug: "01-kafka-ecosystem",
        question: { type: "single", concepts: [], prompt: "", options: [{ id: "a", text: "하나" }], answer: "z", explanation: "x" },
      }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toMatchObject({ prompt: expect.stringMatching(/[가-힣]/), concepts: expect.stringMatching(/[가-힣]/) });
    expect(await db.question.count()).toBe(before);
  });

  it("answers an oversized GIFT import with 413 and saves nothing", async () => {
    const before = await db.question.count();
    const huge = `::큰::${"가".repeat(300_000)}{T}`;
    const res = await giftImport.POST(request("instructor", "POST", "/api/instructor/gift", { text: huge, chapterSlug: "01-kafka-ecosystem", save: true }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/[가-힣]/);
    expect(await db.question.count()).toBe(before);
  });

  it("imports nothing from a GIFT file with an error and names its line", async () => {
    const before = await db.question.count();
    const text = "::좋은::카프카는 분산 로그인가요?{T}\n\n::나쁜::복제본은 몇 개?{#일곱}\n";
    const res = await giftImport.POST(request("instructor", "POST", "/api/instructor/gift", { text, chapterSlug: "01-kafka-ecosystem", save: true }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.saved).toEqual([]);
    expect(body.errors.map((e: { line: number }) => e.line)).toEqual([3]);
    expect(await db.question.count()).toBe(before);
  });

  it("names a class quiz's item the bank cannot serve, in Korean, and saves nothing", async () => {
    const before = await db.classQuiz.count();
    const res = await classQuizzes.POST(
      request("instructor", "POST", "/api/instructor/quizzes", { title: "규칙이 너무 큰 퀴즈", items: [{ kind: "fixed", questionId: "nope" }, { kind: "draw", concept: "matrix", count: 20 }] }),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toEqual({ "items.0": expect.stringContaining("없는"), "items.1": expect.stringMatching(/^이 규칙에 맞는 문항이 \d+개뿐이라 20개를 뽑을 수 없습니다\.$/) });
    expect(await db.classQuiz.count()).toBe(before);
    const bad = await classQuizzes.POST(request("instructor", "POST", "/api/instructor/quizzes", { title: "", items: [] }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/[가-힣]/);
  });

  it("exports class quiz grades as UTF-8 CSV with a BOM", async () => {
    const res = await classQuizGrades.GET(request("instructor", "GET", `/api/instructor/quizzes/${classQuizId}/grades?format=csv`), ctx({ id: classQuizId }));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(new Uint8Array(await res.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("refuses a cross-site write even from an instructor", async () => {
    const req = request("instructor", "POST", "/api/instructor/questions", draft("다른 사이트"));
    const forged = new Request(req, { headers: { ...Object.fromEntries(req.headers), origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect((await questions.POST(forged)).status).toBe(403);
  });
});

describe("problem reports on widgets", () => {
  const run = { engine: SCENARIO_ENGINE_VERSION, mechanism: "cluster", profile: "kafka-4.x" as const, seed: 42, events: [{ type: "crash", broker: 1 }] };
  const post = (body: Record<string, unknown>) => reports.POST(request("student", "POST", "/api/reports", { chapterSlug: "02-brokers-and-cluster", message: "리더가 안 바뀌어요", ...body }));

  it("stores a widget report with its run, which the instructors' list replays in that widget and can resolve", async () => {
    const scenario = scenarioParamValue("cluster-lab", run);
    const res = await post({ widget: "cluster-lab", scenario, message: `<img src=x onerror=alert(1)> 리더가 안 바뀌어요` });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const row = await db.problemReport.findUniqueOrThrow({ where: { id }, select: { userId: true, chapterSlug: true, widget: true, scenario: true, questionId: true, message: true, status: true } });
    expect(row).toEqual({
      userId: userIds.get("student"),
      chapterSlug: "02-brokers-and-cluster",
      widget: "cluster-lab",
      scenario,
      questionId: null,
      message: "<img src=x onerror=alert(1)> 리더가 안 바뀌어요", // stored as written; pages render it as text
      status: "open",
    });
    const listed = (await listProblemReports(db)).find((r) => r.id === id)!;
    expect(widgetReplay(listed)).toEqual({ href: `/chapters/02-brokers-and-cluster?scenario=${scenario}#cluster-lab`, events: 1 });
    const resolved = await resolveReport.POST(request("instructor", "POST", `/api/instructor/reports/${id}/resolve`), ctx({ id }));
    expect(resolved.status).toBe(200);
    expect((await db.problemReport.findUniqueOrThrow({ where: { id } })).status).toBe("resolved");
  });

  it("offers the untouched widget when no run was attached, and no link for a row whose run does not validate", () => {
    expect(widgetReplay({ chapterSlug: "02-brokers-and-cluster", widget: "cluster-lab", scenario: null })).toEqual({ href: "/chapters/02-brokers-and-cluster#cluster-lab", events: null });
    expect(widgetReplay({ chapterSlug: "02-brokers-and-cluster", widget: "cluster-lab", scenario: 'cluster-lab."><script>' })).toBeNull();
    expect(widgetReplay({ chapterSlug: "javascript:alert(1)//", widget: "cluster-lab", scenario: null })).toBeNull();
    expect(widgetReplay({ chapterSlug: "02-brokers-and-cluster", widget: null, scenario: null })).toBeNull();
  });

  it("refuses a run of another widget, a broken, oversized or deeply nested one, in Korean, and stores nothing", async () => {
    const deep = Buffer.from(`{"v":1,"m":"cluster","p":"kafka-4.x","s":1,"e":[{"type":"x","v":${"[".repeat(3000)}1${"]".repeat(3000)}}]}`).toString("base64url");
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ widget: "cluster-lab", scenario: scenarioParamValue("replication-lab", run) }, /이 위젯의 것이 아닙니다/],
      [{ widget: "cluster-lab", scenario: "cluster-lab.%%%" }, /base64url/],
      [{ widget: "cluster-lab", scenario: `cluster-lab.${"A".repeat(17_000)}` }, /너무 깁니다/],
      [{ widget: "cluster-lab", scenario: `cluster-lab.${deep}` }, /중첩/],
      [{ scenario: scenarioParamValue("cluster-lab", run) }, /신고할 문제나 위젯/],
      [{ widget: "<b>x</b>" }, /위젯 이름/],
      [{ widget: "cluster-lab", extra: 1 }, /알 수 없는 필드/],
    ];
    const before = await db.problemReport.count();
    for (const [body, message] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await res.json()).error).toMatch(message);
    }
    const huge = await post({ widget: "cluster-lab", message: "가".repeat(12_000) });
    expect(huge.status).toBe(413);
    expect(await db.problemReport.count()).toBe(before);
  });
});
