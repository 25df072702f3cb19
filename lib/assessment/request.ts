import "server-only";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { resolveAuthSecret } from "../auth/secret";
import { getEnv } from "../env";
import { defineRoute, reply, type SessionUser } from "../server";
import { isSecureOrigin } from "../server/origin";
import { ASSESSMENT_BODY_LIMIT } from "./api-schema";
import type { HandlerResult } from "./handlers";
import { anonCookie, anonIdFromCookieHeader, clearAnonCookie, type Learner } from "./learner";
import { adoptAnonymousWork } from "./store";

export interface RequestLearner {
  learner: Learner | null;
  /** A Set-Cookie value the response must carry, if any. */
  cookie?: string;
}

/** Anonymous practice, review and exam writes per address: generous for a class behind one NAT. */
export const ANONYMOUS_WRITES_PER_ADDRESS = { name: "assess_anon_address", points: 240, durationSeconds: 60 };

/**
 * The learner behind a request, given the session the boundary confirmed. A signed-in user who
 * still carries an anonymous id gets that id's work moved to their account (and the cookie cleared).
 * `create` issues an anonymous id when there is none.
 */
export async function learnerOf(req: Request, user: SessionUser | null, opts: { create: boolean }): Promise<RequestLearner> {
  const anonId = anonIdFromCookieHeader(req.headers.get("cookie"));
  if (user) {
    if (!anonId) return { learner: { userId: user.id, anonId: null } };
    await adoptAnonymousWork(anonId, user.id);
    return { learner: { userId: user.id, anonId: null }, cookie: clearAnonCookie() };
  }
  if (anonId) return { learner: { userId: null, anonId } };
  if (!opts.create) return { learner: null };
  const id = randomBytes(18).toString("base64url");
  return { learner: { userId: null, anonId: id }, cookie: anonCookie(id, isSecureOrigin(req.headers)) };
}

/**
 * For the sign-in and sign-up paths: moves the anonymous work named by the request's cookie to the
 * user who just signed in. Returns the Set-Cookie value clearing the anonymous id, or null when there
 * was none. (Assessment routes and pages also do this on the first request after sign-in.)
 */
export async function keepAnonymousWork(req: Request, userId: string): Promise<string | null> {
  const anonId = anonIdFromCookieHeader(req.headers.get("cookie"));
  if (!anonId) return null;
  await adoptAnonymousWork(anonId, userId);
  return clearAnonCookie();
}

/** The secret attempt tokens are signed with: the server's auth secret. */
export function attemptTokenSecret(): string {
  return resolveAuthSecret(getEnv());
}

type Run = (learner: Learner, body: unknown, now: Date) => Promise<HandlerResult>;

/**
 * An assessment POST route on the server boundary (origin, session, capped JSON body, zod, rate limit
 * for anonymous writers): finds or creates the learner, runs the handler at the current time.
 */
export function learnerPost(schema: z.ZodType, opts: { createLearner: boolean; noLearner: string }, run: Run) {
  return defineRoute(
    {
      method: "POST",
      auth: "public",
      body: schema,
      maxBytes: ASSESSMENT_BODY_LIMIT,
      rateLimit: ({ ip, user }) => [{ limit: ANONYMOUS_WRITES_PER_ADDRESS, key: user ? null : ip, what: "제출" }],
    },
    async ({ req, user, body }) => {
      const { learner, cookie } = await learnerOf(req, user, { create: opts.createLearner });
      const headers = cookie ? { "set-cookie": cookie } : undefined;
      if (!learner) return reply({ error: opts.noLearner }, 401, headers);
      const result = await run(learner, body, new Date());
      return reply(result.body, result.status, headers);
    },
  );
}
