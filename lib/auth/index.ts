import "server-only";
import { Auth, type AuthConfig } from "@auth/core";
import { CredentialsSignin } from "@auth/core/errors";
import Credentials from "@auth/core/providers/credentials";
import { headers } from "next/headers";
import { credentialsSchema } from "../api/contracts";
import { db } from "../db";
import { getEnv } from "../env";
import { clearCookieHeader, resolveSession, type SessionUser } from "../server/session";
import { assertSameOrigin, clientAddress, publicOrigin } from "../server/origin";
import { readBodyCapped } from "../server/body";
import { errorResponse, HttpError, toErrorResponse } from "../server/errors";
import { LIMITS } from "../server/limits";
import { blockedFor, consume, resetLimit } from "../server/rate-limit";
import { DUMMY_HASH_PROMISE, hashPassword, needsRehash, verifyPassword } from "./password";
import { resolveAuthSecret } from "./secret";

export { publicOrigin, type SessionUser };

export const AUTH_BASE_PATH = "/api/auth";
/** Sign-in form bodies are a few hundred bytes; anything near this cap is not a sign-in. */
const AUTH_BODY_LIMIT = 16 * 1024;

/**
 * A sign-in refused by the rate limit. Auth.js puts `code` into the redirect (`?code=rate_limited_120`),
 * which the login form turns into "n분 후에 다시 시도해 주세요".
 */
class RateLimitedSignin extends CredentialsSignin {
  constructor(seconds: number) {
    super();
    this.code = `rate_limited_${seconds}`;
  }
}

const accountKey = (email: string) => email;

/**
 * Checks e-mail and password; unknown e-mails cost the same time as wrong passwords. Failures count
 * against the account and the address (rate-limiter-flexible, shared through the database); a
 * success clears the account's count and upgrades an older password hash.
 */
async function authorize(raw: unknown, request: Request) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientAddress(request.headers);
  const wait = Math.max(await blockedFor(LIMITS.signInPerAccount, accountKey(email)), await blockedFor(LIMITS.signInPerAddress, ip));
  if (wait > 0) throw new RateLimitedSignin(wait);
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, role: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await DUMMY_HASH_PROMISE));
  if (!user || !ok) {
    try {
      await consume(LIMITS.signInPerAccount, accountKey(email));
      await consume(LIMITS.signInPerAddress, ip);
    } catch (e) {
      if (e instanceof HttpError && e.status === 429) throw new RateLimitedSignin(e.options.retryAfterSeconds ?? 60);
      throw e;
    }
    return null;
  }
  await resetLimit(LIMITS.signInPerAccount, accountKey(email));
  if (needsRehash(user.passwordHash))
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

let config: AuthConfig | undefined;

/** The @auth/core configuration: credentials + JWT sessions; the role is read from the database per request. */
export function authConfig(): AuthConfig {
  if (config) return config;
  const env = getEnv();
  config = {
    basePath: AUTH_BASE_PATH, // @auth/core defaults to /auth
    secret: resolveAuthSecret(env), // Auth() does not read AUTH_SECRET itself
    trustHost: true, // the origin is rebuilt by publicOrigin(), which validates the headers
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", signOut: "/logout", error: "/login" },
    logger: {
      // A wrong password or a rate-limited sign-in is an expected outcome, not a server error.
      error(error) {
        // `type` survives minification; `name` does not.
        const type = (error as { type?: string }).type ?? error.name;
        if (type === "CredentialsSignin") return;
        console.error(`[auth] ${type}: ${error.message}`, error.cause ?? "");
      },
    },
    providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
  };
  return config;
}

/** GET /api/auth/session answered from the boundary's session (database-confirmed), not the token alone. */
async function sessionResponse(h: Headers): Promise<Response> {
  const s = await resolveSession(h);
  const headers: Record<string, string> = { "cache-control": "private, no-store" };
  if (s.state === "stale") headers["set-cookie"] = clearCookieHeader(s.cookieName);
  return Response.json(s.state === "signed-in" ? { user: s.user } : null, { headers });
}

/**
 * Runs an Auth.js request with the URL rebuilt on the public origin, the body capped, and the origin
 * checked on POSTs. A rate-limited sign-in asked for as JSON (X-Auth-Return-Redirect) answers 429.
 */
export async function handleAuthRequest(req: Request): Promise<Response> {
  try {
    const u = new URL(req.url);
    if (req.method === "GET" && u.pathname === `${AUTH_BASE_PATH}/session`) return await sessionResponse(req.headers);
    assertSameOrigin(req.method, req.headers);
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBodyCapped(req, AUTH_BODY_LIMIT);
    const res = await Auth(
      new Request(publicOrigin(req.headers) + u.pathname + u.search, { method: req.method, headers: req.headers, body }),
      authConfig(),
    );
    // Auth.js answers a refused sign-in with a redirect (or `{ url }` for JSON clients) carrying our code.
    const LIMITED = /[?&]code=rate_limited_(\d+)/;
    let m = LIMITED.exec(res.headers.get("location") ?? "");
    let status = res.status;
    if (!m && req.headers.has("x-auth-return-redirect") && res.headers.get("content-type")?.includes("json")) {
      const data = (await res.clone().json().catch(() => null)) as { url?: string } | null;
      m = LIMITED.exec(data?.url ?? "");
      if (m) status = 429;
    }
    if (!m) return res.status >= 400 && res.status < 500 ? inKorean(res) : res;
    const h = new Headers(res.headers); // Response.redirect() headers are immutable
    h.set("retry-after", m[1]);
    return new Response(res.body, { status, headers: h });
  } catch (e) {
    return toErrorResponse(e);
  }
}

/**
 * Auth.js answers a request it cannot route (an unknown action, a malformed form) with its own English
 * JSON ("Bad request."); learners and API clients get the product's Korean error shape instead.
 */
async function inKorean(res: Response): Promise<Response> {
  if (!res.headers.get("content-type")?.includes("json")) return res;
  const data = (await res.clone().json().catch(() => null)) as { error?: unknown } | null;
  if (typeof data?.error === "string" && /[가-힣]/.test(data.error)) return res;
  return errorResponse(res.status, { error: "인증 요청을 처리할 수 없습니다. 로그인 페이지에서 다시 시도해 주세요.", code: "bad_auth_request" });
}

/** The signed-in user in a Server Component or server action (database-confirmed), or null. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const s = await resolveSession(await headers());
  return s.state === "signed-in" ? s.user : null;
}

/** The confirmed user of a route handler request, or null. Route handlers should use defineRoute instead. */
export async function getRequestUser(req: Request): Promise<SessionUser | null> {
  const s = await resolveSession(req.headers);
  return s.state === "signed-in" ? s.user : null;
}
