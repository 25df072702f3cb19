import "server-only";
import { randomBytes } from "node:crypto";
import { getRequestUser } from "../auth";
import { resolveAuthSecret } from "../auth/secret";
import { getEnv } from "../env";
import { jsonError, readJson } from "../http";
import { ASSESSMENT_BODY_LIMIT } from "./api-schema";
import type { HandlerResult } from "./handlers";
import { anonCookie, anonIdFromCookieHeader, clearAnonCookie, type Learner } from "./learner";
import { adoptAnonymousWork } from "./store";

export interface RequestLearner {
  learner: Learner | null;
  /** Set-Cookie values the response must carry. */
  cookies: string[];
}

const isHttps = (req: Request) => (req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "")) === "https";

/**
 * The learner behind a request. A signed-in user who still carries an anonymous id gets that id's
 * work moved to their account (and the cookie cleared). `create` issues an anonymous id when there is none.
 */
export async function learnerOf(req: Request, opts: { create: boolean }): Promise<RequestLearner> {
  const user = await getRequestUser(req);
  const anonId = anonIdFromCookieHeader(req.headers.get("cookie"));
  if (user) {
    if (!anonId) return { learner: { userId: user.id, anonId: null }, cookies: [] };
    await adoptAnonymousWork(anonId, user.id);
    return { learner: { userId: user.id, anonId: null }, cookies: [clearAnonCookie()] };
  }
  if (anonId) return { learner: { userId: null, anonId }, cookies: [] };
  if (!opts.create) return { learner: null, cookies: [] };
  const id = randomBytes(18).toString("base64url");
  return { learner: { userId: null, anonId: id }, cookies: [anonCookie(id, isHttps(req))] };
}

/** The JSON body under the assessment size cap, or a ready 4xx. */
export function readAssessmentBody(req: Request) {
  return readJson(req, ASSESSMENT_BODY_LIMIT);
}

/** Turns a handler result into a private, uncached JSON response with any cookies. */
export function toResponse(result: HandlerResult, cookies: string[] = []): Response {
  const res = Response.json(result.body, { status: result.status, headers: { "cache-control": "private, no-store" } });
  for (const c of cookies) res.headers.append("set-cookie", c);
  return res;
}

/** A Korean error response carrying cookies too. */
export function errorResponse(status: number, message: string, cookies: string[] = []): Response {
  const res = jsonError(status, message);
  for (const c of cookies) res.headers.append("set-cookie", c);
  return res;
}

/** The secret attempt tokens are signed with: the server's auth secret. */
export function attemptTokenSecret(): string {
  return resolveAuthSecret(getEnv());
}

/**
 * The shared shape of the assessment POST routes: read the capped body, find (or create) the
 * learner, run the handler at the current time, answer with its result and any cookies.
 */
export async function handleLearnerPost(
  req: Request,
  opts: { createLearner: boolean; noLearner: string },
  run: (learner: Learner, body: unknown, now: Date) => Promise<HandlerResult>,
): Promise<Response> {
  const body = await readAssessmentBody(req);
  if (!body.ok) return body.response;
  const { learner, cookies } = await learnerOf(req, { create: opts.createLearner });
  if (!learner) return errorResponse(401, opts.noLearner, cookies);
  return toResponse(await run(learner, body.body, new Date()), cookies);
}
