/**
 * Exam attempt tokens: everything an exam attempt needs between start and submission (attempt id,
 * learner, question versions, seed, start time, time limit), signed with HMAC-SHA256 so the server
 * keeps no state until the attempt is submitted. Time and the secret are arguments.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Extra seconds after the time limit for the submission to travel. */
export const SUBMIT_GRACE_SECONDS = 30;
/** An untimed attempt's token still expires, so an old token cannot be submitted forever. */
export const UNTIMED_TOKEN_HOURS = 24;

const payloadSchema = z.object({
  v: z.literal(1),
  /** Attempt id; becomes the stored attempt's id, which is what makes a replay detectable. */
  aid: z.string().min(8).max(64),
  /** The learner the attempt belongs to ("u:<userId>" or "a:<anonymous id>"). */
  sub: z.string().min(3).max(100),
  /** Question version ids in the order shown. */
  qv: z.array(z.string().min(1).max(64)).min(1).max(200),
  /** Seed for option shuffles and simulation instances. */
  seed: z.number().int().min(0).max(0x7fffffff),
  /** Start time, epoch ms. */
  iat: z.number().int().positive(),
  /** Time limit in seconds, or null for untimed. */
  lim: z.number().int().positive().nullable(),
});

/** What an attempt token carries. */
export type AttemptClaims = Omit<z.infer<typeof payloadSchema>, "v">;

/** Why a token was refused; each has a Korean message in TOKEN_ERROR_MESSAGE. */
export type TokenError = "malformed" | "forged" | "expired" | "replayed" | "wrong-learner";

export const TOKEN_ERROR_MESSAGE: Record<TokenError, string> = {
  malformed: "시험 응시 토큰의 형식이 올바르지 않습니다. 시험을 다시 시작해 주세요.",
  forged: "시험 응시 토큰의 서명이 맞지 않습니다. 이 서버가 발급한 토큰이 아닙니다.",
  expired: "제한 시간이 지나 제출할 수 없습니다. 시험을 다시 시작해 주세요.",
  replayed: "이미 제출한 시험입니다. 같은 응시를 두 번 제출할 수 없습니다.",
  "wrong-learner": "다른 학습자의 시험 응시 토큰입니다.",
};

/** HTTP status for each refusal: 400 for a broken token, 403 for one that is not yours, 409/410 by state. */
export const TOKEN_ERROR_STATUS: Record<TokenError, number> = {
  malformed: 400,
  forged: 403,
  expired: 410,
  replayed: 409,
  "wrong-learner": 403,
};

// A key of its own, derived from the auth secret, so a token MAC can never double as anything else.
const keyFrom = (secret: string) => createHmac("sha256", secret).update("kafka-course/exam-attempt-token/v1").digest();
const mac = (secret: string, body: string) => createHmac("sha256", keyFrom(secret)).update(body).digest();

/** Signs claims into a compact `payload.signature` token (both base64url). Pure. */
export function signAttemptToken(claims: AttemptClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify({ v: 1, ...claims })).toString("base64url");
  return `${body}.${mac(secret, body).toString("base64url")}`;
}

/** The instant after which a submission is refused, epoch ms. */
export function submitDeadline(claims: Pick<AttemptClaims, "iat" | "lim">): number {
  return claims.lim === null ? claims.iat + UNTIMED_TOKEN_HOURS * 3_600_000 : claims.iat + (claims.lim + SUBMIT_GRACE_SECONDS) * 1000;
}

export interface VerifyContext {
  secret: string;
  now: Date;
  /** The learner submitting. */
  sub: string;
  /** Whether an attempt with this id is already stored (checked again by the store's unique id). */
  isSubmitted?: (attemptId: string) => boolean;
}

export type VerifyResult = { ok: true; claims: AttemptClaims } | { ok: false; error: TokenError; message: string };

const fail = (error: TokenError): VerifyResult => ({ ok: false, error, message: TOKEN_ERROR_MESSAGE[error] });

/** Checks a token's signature, owner, deadline and replay, in that order. Pure given `isSubmitted`. */
export function verifyAttemptToken(token: unknown, ctx: VerifyContext): VerifyResult {
  if (typeof token !== "string" || token.length > 16_000) return fail("malformed");
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return fail("malformed");
  const [body, sig] = parts;
  const given = Buffer.from(sig, "base64url");
  const expected = mac(ctx.secret, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail("forged");
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return fail("malformed");
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return fail("malformed");
  const { aid, sub, qv, seed, iat, lim } = parsed.data;
  const claims: AttemptClaims = { aid, sub, qv, seed, iat, lim };
  if (claims.sub !== ctx.sub) return fail("wrong-learner");
  if (ctx.now.getTime() > submitDeadline(claims)) return fail("expired");
  if (ctx.isSubmitted?.(claims.aid)) return fail("replayed");
  return { ok: true, claims };
}
