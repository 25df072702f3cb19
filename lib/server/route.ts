import type { z } from "zod";
import { authorize, type AuthLevel, type UserFor } from "./auth-level";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "./body";
import { HttpError, toErrorResponse } from "./errors";
import { assertSameOrigin, clientAddress } from "./origin";
import { consume, type LimitSpec } from "./rate-limit";
import { resolveSession } from "./session";

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

/** One rate-limit check: a limit and the key it counts (null skips it, e.g. no e-mail given). */
export type LimitCheck = { limit: LimitSpec; key: string | null; what?: string };

/** What a route declares; the boundary enforces it before the handler runs. */
export interface RouteOptions<A extends AuthLevel, B, Q, P, R> {
  /** The HTTP method this handler serves (checked; also decides whether the origin check applies). */
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  auth: A;
  /** zod schema for the JSON body; when set, the body must be `application/json` within `maxBytes`. */
  body?: B;
  /** zod schema for the query string (an object of strings). */
  query?: Q;
  /** zod schema for the dynamic route segments (e.g. `{ slug }`). */
  params?: P;
  /** zod schema of the success body; types the handler's result (shared with the client). */
  response?: R;
  /** Body cap in bytes (default 64 KiB). */
  maxBytes?: number;
  /** Limits counted after validation, so keys may use the body (an e-mail) as well as the address. */
  rateLimit?: (ctx: { ip: string; user: UserFor<A>; body: Out<B> }) => LimitCheck[];
  /** Origin / Sec-Fetch-Site check for state-changing methods (default true). */
  csrf?: boolean;
}

/** What a handler receives: the confirmed user, the parsed inputs and the client address. */
export interface RouteContext<A extends AuthLevel, B, Q, P> {
  req: Request;
  user: UserFor<A>;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  ip: string;
}

const REPLY = Symbol("reply");
/** A success body with a status other than 200, or extra headers. */
export interface Reply<T> {
  [REPLY]: true;
  status: number;
  body: T;
  headers?: Record<string, string>;
}
/** Answers with `body` and `status` (e.g. 201) from a handler. */
export const reply = <T>(body: T, status = 200, headers?: Record<string, string>): Reply<T> => ({ [REPLY]: true, status, body, headers });

type Result<R> = R extends Schema ? z.input<R> : unknown;
type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * Wraps a route handler in the one server boundary: method, origin check, session (decoded cookie +
 * confirmed user + role), capped JSON body, zod validation of body/query/params, rate limits, then
 * the handler; every failure becomes a Korean JSON 4xx/5xx. Authenticate → validate → act.
 */
export function defineRoute<A extends AuthLevel, B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined, R extends Schema | undefined = undefined>(
  options: RouteOptions<A, B, Q, P, R>,
  handler: (ctx: RouteContext<A, B, Q, P>) => Promise<Result<R> | Reply<Result<R>> | Response>,
): (req: Request, context?: NextContext) => Promise<Response> {
  return async (req, context) => {
    try {
      if (req.method !== options.method && !(options.method === "GET" && req.method === "HEAD"))
        throw new HttpError(405, "허용되지 않는 요청 방식입니다.", { code: "method", headers: { allow: options.method } });
      if (options.csrf !== false) assertSameOrigin(req.method, req.headers);
      const user = authorize(options.auth, await resolveSession(req.headers));
      const params = options.params ? options.params.parse((await context?.params) ?? {}) : undefined;
      const body = options.body ? options.body.parse(await readJsonBody(req, options.maxBytes ?? DEFAULT_BODY_LIMIT)) : undefined;
      const query = options.query ? options.query.parse(Object.fromEntries(new URL(req.url).searchParams)) : undefined;
      const ip = clientAddress(req.headers);
      const ctx = { req, user, body, query, params, ip } as RouteContext<A, B, Q, P>;
      if (options.rateLimit)
        for (const c of options.rateLimit({ ip, user: ctx.user, body: ctx.body })) if (c.key !== null) await consume(c.limit, c.key, c.what);
      const out = await handler(ctx);
      if (out instanceof Response) return out;
      if (out && typeof out === "object" && REPLY in out) {
        const r = out as Reply<unknown>;
        return Response.json(r.body, { status: r.status, headers: { ...NO_STORE, ...r.headers } });
      }
      return Response.json(out, { headers: NO_STORE });
    } catch (e) {
      return toErrorResponse(e);
    }
  };
}
