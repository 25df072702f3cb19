// Interim stand-in with the same call shape as lib/server's defineRoute, until that boundary is merged.
import { z } from "zod";
import { getRequestUser, type SessionUser } from "@/lib/auth";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { jsonError, readJson } from "@/lib/http";

/** An error a handler throws on purpose: status and Korean message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Level = "user" | "instructor" | "admin";
const ALLOWED: Record<Level, Role[]> = { user: ["student", "instructor", "admin"], instructor: ["instructor", "admin"], admin: ["admin"] };

interface Options<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: "GET" | "POST" | "PUT";
  auth: Level;
  body?: B;
  query?: Q;
  maxBytes?: number;
}
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Authenticate (role confirmed in the database) → validate → act; every failure a Korean JSON 4xx. */
export function defineRoute<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  o: Options<B, Q>,
  handler: (ctx: { req: Request; user: SessionUser; body: Out<B>; query: Out<Q>; params: Record<string, string> }) => Promise<unknown>,
) {
  return async (req: Request, context?: NextContext): Promise<Response> => {
    if (req.method !== o.method) return jsonError(405, "허용되지 않는 요청 방식입니다.");
    if (o.method !== "GET") {
      const site = req.headers.get("sec-fetch-site");
      const origin = req.headers.get("origin");
      const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
      if ((site && site !== "same-origin") || (origin && host && new URL(origin).host !== host))
        return jsonError(403, "다른 사이트에서 온 요청은 받지 않습니다.");
    }
    const session = await getRequestUser(req);
    if (!session) return jsonError(401, "로그인이 필요합니다.");
    const row = await db.user.findUnique({ where: { id: session.id }, select: { role: true } });
    if (!row) return jsonError(401, "로그인 정보가 만료되었습니다. 다시 로그인해 주세요.");
    if (!ALLOWED[o.auth].includes(row.role as Role)) return jsonError(403, o.auth === "admin" ? "관리자만 쓸 수 있는 기능입니다." : "강사만 쓸 수 있는 기능입니다.");
    const user = { ...session, role: row.role as Role };
    const params = Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([k, v]) => [k, String(v)]));
    let body: unknown;
    if (o.body) {
      const r = await readJson(req, o.maxBytes);
      if (!r.ok) return r.response;
      const parsed = o.body.safeParse(r.body);
      if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "입력값이 올바르지 않습니다.");
      body = parsed.data;
    }
    let query: unknown;
    if (o.query) {
      const parsed = o.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
      if (!parsed.success) return jsonError(400, parsed.error.issues[0]?.message ?? "입력값이 올바르지 않습니다.");
      query = parsed.data;
    }
    try {
      const out = await handler({ req, user, body: body as Out<B>, query: query as Out<Q>, params });
      return out instanceof Response ? out : Response.json(out, { headers: { "cache-control": "private, no-store" } });
    } catch (e) {
      if (e instanceof HttpError) return jsonError(e.status, e.message, e.extra);
      throw e;
    }
  };
}
