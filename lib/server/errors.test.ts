import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { firstIssue, toErrorResponse } from "./errors";

const schema = z.strictObject({ answers: z.record(z.string(), z.unknown(), { error: "answers 객체가 필요합니다." }), n: z.number().optional() });
const issue = (v: unknown) => firstIssue(schema.safeParse(v).error!);

describe("firstIssue", () => {
  it("keeps a schema's own Korean message", () => expect(issue({ answers: "a" })).toBe("answers 객체가 필요합니다."));
  it("names an unknown field of a strict object in Korean", () => expect(issue({ answers: {}, extra: 1 })).toBe("알 수 없는 필드입니다: extra"));
  it("puts zod's own English wording in Korean, with the field's path", () =>
    expect(issue({ answers: {}, n: "x" })).toBe("n: 입력값의 형식이 올바르지 않습니다."));
});

describe("toErrorResponse for database outages", () => {
  const prismaError = (message: string, code: string) => Object.assign(new Error(message), { code, clientVersion: "6.19.3" });

  it.each([
    ["PostgreSQL's Unix socket missing while it restarts", prismaError("Invalid `prisma.attempt.create()` invocation:\n\nconnect ENOENT /tmp/pg/.s.PGSQL.5432", "ENOENT")],
    ["a refused TCP connection", prismaError("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["an administrator shutdown", prismaError("terminating connection due to administrator command", "57P01")],
    ["SQLite busy past its timeout", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
  ])("answers %s with 503, Retry-After and a Korean message", async (_, e) => {
    const res = toErrorResponse(e);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    expect(((await res.json()) as { error: string }).error).toMatch(/잠시 후 다시 시도/);
  });

  it("keeps a missing file that is not a connection a 500", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toErrorResponse(Object.assign(new Error("ENOENT: no such file or directory, open 'x.yaml'"), { code: "ENOENT" })).status).toBe(500);
    spy.mockRestore();
  });
});
