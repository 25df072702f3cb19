import { describe, expect, it, vi, afterEach } from "vitest";
import { z } from "zod";
import { db } from "../db";
import { createDb } from "../db/client";
import { createUser, get, jsonPost, sessionCookie, unique } from "./__testing__/requests";
import { defineAction, defineRoute, forgetUser, HttpError, publicOrigin, reply, USER_CACHE_MS } from "./index";

const echo = defineRoute(
  { method: "POST", auth: "public", body: z.object({ n: z.number({ error: "n은 숫자여야 합니다." }) }) },
  async ({ body, user }) => reply({ n: body.n, user: user?.id ?? null }, 201),
);
const instructorOnly = defineRoute({ method: "GET", auth: "instructor" }, async ({ user }) => ({ role: user.role }));
const throwing = (e: unknown) => defineRoute({ method: "GET", auth: "public" }, async () => Promise.reject(e));

async function errorOf(res: Response) {
  expect(res.headers.get("content-type")).toContain("application/json");
  return (await res.json()) as { error: string; code?: string; retryAfter?: number };
}

/** A request body stream that records how much of it was pulled and whether it was cancelled. */
function trackedStream(chunks: number, chunkBytes: number) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.pulled >= chunks) return c.close();
      seen.pulled++;
      c.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 }); // nothing is produced until the reader asks
  return { body, seen };
}

describe("body cap", () => {
  it("refuses a declared Content-Length over the cap with 413 before reading any of it", async () => {
    const { body, seen } = trackedStream(10, 1024);
    const req = new Request("http://localhost/x", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(400 * 1024 * 1024) },
      body,
      duplex: "half",
    } as RequestInit);
    const res = await echo(req);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).error).toContain("요청 본문이 너무 큽니다");
    expect(seen.pulled).toBe(0);
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { body, seen } = trackedStream(10_000, 16 * 1024); // would be 160 MB
    const req = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
    const res = await echo(req);
    expect(res.status).toBe(413);
    expect(seen.pulled).toBeLessThan(10);
    expect(seen.cancelled).toBe(true);
  });
});

describe("content type", () => {
  it.each([
    ["text/plain; x=application/json", 415],
    ["text/plain", 415],
    ["application/json-patch+json", 415],
    ["application/json; charset=latin1", 415],
    ["application/json; charset=utf-8", 201],
    ["Application/JSON", 201],
  ])("%s → %i", async (type, status) => {
    const res = await echo(jsonPost("/x", { n: 1 }, { "content-type": type }));
    expect(res.status).toBe(status);
    if (status === 415) expect((await errorOf(res)).error).toBe("요청 본문은 JSON(application/json)이어야 합니다.");
  });

  it("answers broken JSON, an empty body and a wrong field with Korean 400s", async () => {
    expect((await errorOf(await echo(jsonPost("/x", "{not json")))).error).toBe("요청 본문이 올바른 JSON이 아닙니다.");
    expect((await echo(jsonPost("/x", ""))).status).toBe(400);
    const wrong = await echo(jsonPost("/x", { n: "1" }));
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).error).toBe("n은 숫자여야 합니다.");
  });
});

describe("origin check", () => {
  it("refuses a POST from another site with a Korean 403", async () => {
    const cases: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
    for (const headers of cases) {
      const res = await echo(jsonPost("/x", { n: 1 }, headers));
      expect(res.status).toBe(403);
      expect((await errorOf(res)).error).toContain("다른 사이트에서 보낸 요청");
    }
  });

  it("accepts the site's own origin and requests that carry no browser origin at all", async () => {
    expect((await echo(jsonPost("/x", { n: 1 }, { origin: "http://localhost", "sec-fetch-site": "same-origin" }))).status).toBe(201);
    expect((await echo(jsonPost("/x", { n: 1 }))).status).toBe(201);
  });

  it("never throws on a malformed X-Forwarded-Host", () => {
    for (const bad of ["a b", "ex ample.com:99999999", "evil.example/path", "", "[::1", "%%%"]) {
      const h = new Headers({ host: "localhost:3000" });
      if (bad) h.set("x-forwarded-host", bad);
      expect(() => new URL(publicOrigin(h))).not.toThrow();
    }
    expect(publicOrigin(new Headers({ host: "localhost:3000", "x-forwarded-host": "a b" }))).toBe("http://localhost:3000");
    expect(publicOrigin(new Headers({ host: "kafka.example", "x-forwarded-proto": "javascript" }))).toBe("http://kafka.example");
  });
});

describe("session and role", () => {
  afterEach(() => vi.useRealTimers());

  it("gives the handler the database's user for a valid cookie", async () => {
    const u = await createUser("student");
    const res = await echo(jsonPost("/x", { n: 2 }, { cookie: await sessionCookie(u.id) }));
    expect(await res.json()).toEqual({ n: 2, user: u.id });
  });

  it("answers a deleted user's cookie with 401 다시 로그인해 주세요 and clears it", async () => {
    const u = await createUser("student");
    const cookie = await sessionCookie(u.id);
    await db.user.delete({ where: { id: u.id } });
    forgetUser(u.id);
    const res = await echo(jsonPost("/x", { n: 1 }, { cookie }));
    expect(res.status).toBe(401);
    expect((await errorOf(res)).error).toContain("다시 로그인해 주세요");
    expect(res.headers.get("set-cookie")).toMatch(/^authjs\.session-token=; Path=\/; Max-Age=0/);
  });

  it("answers a forged or expired cookie with 401", async () => {
    const forged = await echo(jsonPost("/x", { n: 1 }, { cookie: "authjs.session-token=not-a-jwe" }));
    expect(forged.status).toBe(401);
    const u = await createUser("student");
    const expired = await echo(jsonPost("/x", { n: 1 }, { cookie: await sessionCookie(u.id, -60) }));
    expect(expired.status).toBe(401);
  });

  it("lets instructors and admins in, refuses students (403) and anonymous callers (401)", async () => {
    expect((await instructorOnly(get("/x"))).status).toBe(401);
    for (const [role, status] of [["student", 403], ["instructor", 200], ["admin", 200]] as const) {
      const u = await createUser(role);
      const res = await instructorOnly(get("/x", { cookie: await sessionCookie(u.id) }));
      expect(res.status).toBe(status);
      if (status === 403) expect((await errorOf(res)).error).toBe("강사만 쓸 수 있는 기능입니다.");
    }
  });

  it("applies a role change and a deleted account within the cache window, without a new cookie", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const u = await createUser("instructor");
    const cookie = await sessionCookie(u.id);
    expect((await instructorOnly(get("/x", { cookie }))).status).toBe(200);
    await db.user.update({ where: { id: u.id }, data: { role: "student" } });
    vi.setSystemTime(Date.now() + USER_CACHE_MS + 1);
    expect((await instructorOnly(get("/x", { cookie }))).status).toBe(403);
    await db.user.delete({ where: { id: u.id } });
    vi.setSystemTime(Date.now() + USER_CACHE_MS + 1);
    expect((await instructorOnly(get("/x", { cookie }))).status).toBe(401);
    expect(USER_CACHE_MS).toBeLessThanOrEqual(60_000);
  });
});

describe("error mapping", () => {
  it("maps real Prisma constraint errors to Korean 409/404", async () => {
    const email = `dup-${unique()}@example.com`;
    await db.user.create({ data: { email, name: "a", passwordHash: "x" } });
    const dup = await throwing(await db.user.create({ data: { email, name: "b", passwordHash: "x" } }).catch((e) => e))(get("/x"));
    expect(dup.status).toBe(409);
    const fk = await throwing(await db.chapterProgress.create({ data: { userId: "no-such-user", chapterSlug: "01-x" } }).catch((e) => e))(get("/x"));
    expect(fk.status).toBe(409);
    expect((await errorOf(fk)).error).toContain("다시 로그인해 주세요");
    const missing = await throwing(await db.user.update({ where: { id: "no-such-user" }, data: { name: "x" } }).catch((e) => e))(get("/x"));
    expect(missing.status).toBe(404);
  });

  it("maps an unreachable database to 503 with Retry-After", async () => {
    const down = createDb("postgresql://nobody@127.0.0.1:1/none");
    const err = await down.user.count().catch((e) => e);
    await down.$disconnect().catch(() => {});
    const res = await throwing(err)(get("/x"));
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await errorOf(res)).error).toContain("잠시 후 다시 시도해 주세요");
  });

  it("keeps a deliberate HttpError and turns anything else into a JSON 500", async () => {
    const teapot = await throwing(new HttpError(418, "차를 끓일 수 없습니다."))(get("/x"));
    expect([teapot.status, (await errorOf(teapot)).error]).toEqual([418, "차를 끓일 수 없습니다."]);
    const bug = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await throwing(new TypeError("x is undefined"))(get("/x"));
    bug.mockRestore();
    expect(res.status).toBe(500);
    expect((await errorOf(res)).error).toContain("서버에서 문제가 생겼습니다");
  });

  it("refuses the wrong method with 405", async () => {
    expect((await echo(get("/x"))).status).toBe(405);
  });
});

describe("rate limit hook", () => {
  it("answers past the limit with 429, Retry-After and when to retry in Korean", async () => {
    const limit = { name: `test_${unique()}`, points: 2, durationSeconds: 120 };
    const limited = defineRoute({ method: "GET", auth: "public", rateLimit: ({ ip }) => [{ limit, key: ip }] }, async () => ({ ok: true }));
    const h = { "x-forwarded-for": "203.0.113.7" };
    expect((await limited(get("/x", h))).status).toBe(200);
    expect((await limited(get("/x", h))).status).toBe(200);
    const res = await limited(get("/x", h));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(60);
    expect((await errorOf(res)).error).toMatch(/요청이 너무 많습니다\. \d분 후에 다시 시도해 주세요\./);
    expect((await limited(get("/x", { "x-forwarded-for": "203.0.113.8" }))).status).toBe(200);
  });
});

describe("server actions", () => {
  const rename = defineAction({ auth: "user", input: z.object({ name: z.string().trim().min(1, "이름을 입력해 주세요.") }) }, async ({ user, input }) => {
    await db.user.update({ where: { id: user.id }, data: { name: input.name } });
    return { name: input.name };
  });

  it("returns Korean errors as data: origin, session, validation", async () => {
    const u = await createUser("student");
    const cookie = await sessionCookie(u.id);
    const form = new FormData();
    form.set("name", " ");
    expect(await rename.run(new Headers({ cookie, origin: "https://evil.example" }), form)).toMatchObject({ status: "error", code: "cross_site" });
    expect(await rename.run(new Headers(), form)).toMatchObject({ status: "error", error: "로그인이 필요합니다." });
    expect(await rename.run(new Headers({ cookie }), form)).toMatchObject({ status: "error", fieldErrors: { name: "이름을 입력해 주세요." } });
    form.set("name", "새 이름");
    expect(await rename.run(new Headers({ cookie }), form)).toEqual({ status: "ok", data: { name: "새 이름" } });
  });
});
