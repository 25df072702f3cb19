import { decode } from "@auth/core/jwt";
import { db } from "../db";
import { getEnv } from "../env";
import { resolveAuthSecret } from "../auth/secret";
import { toRole, type Role } from "../auth/roles";
import { isSecureOrigin } from "./origin";

/** The signed-in user as confirmed by the database (not merely as the token remembers it). */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** No cookie, a valid session, or a cookie that no longer stands for a user (expired, forged, deleted). */
export type SessionResult = { state: "anonymous" } | { state: "signed-in"; user: SessionUser } | { state: "stale"; cookieName: string };

/** Auth.js's session cookie name; the `__Secure-` prefix is used when the site is served over https. */
export const sessionCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}authjs.session-token`;

/** How long a user row (or its absence) is trusted in memory: deletes and role changes apply within this. */
export const USER_CACHE_MS = 30_000;
const TOKEN_CACHE_MAX = 10_000;
const USER_CACHE_MAX = 10_000;

let secret: string | undefined;
const authSecret = () => (secret ??= resolveAuthSecret(getEnv()));

// Decrypting a JWE costs an HKDF and an AES-CBC+HMAC pass; the same cookie arrives on every request,
// so its claims are kept until the token's own expiry (bounded, oldest dropped first).
const tokenCache = new Map<string, { sub: string; exp: number }>();
const userCache = new Map<string, { user: SessionUser | null; at: number }>();

function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number) {
  if (map.size >= max) map.delete(map.keys().next().value as K);
  map.set(key, value);
}

/** Reads a possibly chunked (`name.0`, `name.1`, …) cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  let whole: string | null = null;
  const chunks: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const k = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (k === name) whole = v;
    else if (k.startsWith(name + ".")) {
      const i = Number(k.slice(name.length + 1));
      if (Number.isInteger(i) && i >= 0 && i < 16) chunks[i] = v;
    }
  }
  if (whole) return whole;
  return chunks.length && chunks.every((c) => c !== undefined) ? chunks.join("") : null;
}

async function claimsOf(token: string, cookieName: string): Promise<{ sub: string; exp: number } | null> {
  const now = Date.now() / 1000;
  const hit = tokenCache.get(token);
  if (hit) return hit.exp > now ? hit : null;
  try {
    const payload = await decode({ token, secret: authSecret(), salt: cookieName });
    if (!payload || typeof payload.sub !== "string" || typeof payload.exp !== "number" || payload.exp <= now) return null;
    const claims = { sub: payload.sub, exp: payload.exp };
    remember(tokenCache, token, claims, TOKEN_CACHE_MAX);
    return claims;
  } catch {
    return null;
  }
}

/** The user row behind a session, cached for USER_CACHE_MS; null when the user no longer exists. */
async function confirmedUser(id: string): Promise<SessionUser | null> {
  const hit = userCache.get(id);
  if (hit && Date.now() - hit.at < USER_CACHE_MS) return hit.user;
  const row = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
  const user = row ? { ...row, role: toRole(row.role) } : null;
  userCache.delete(id);
  remember(userCache, id, { user, at: Date.now() }, USER_CACHE_MAX);
  return user;
}

/** Forgets a cached user at once (after a role change or delete made by this process). */
export function forgetUser(id: string) {
  userCache.delete(id);
}

/**
 * Resolves the session of a request from its cookie: decrypts Auth.js's JWE directly (no synthetic
 * Auth() round trip), then confirms the user still exists and reads the current role.
 */
export async function resolveSession(h: Headers): Promise<SessionResult> {
  const cookieName = sessionCookieName(isSecureOrigin(h));
  const token = readCookie(h.get("cookie"), cookieName);
  if (!token) return { state: "anonymous" };
  const claims = await claimsOf(token, cookieName);
  if (!claims) return { state: "stale", cookieName };
  const user = await confirmedUser(claims.sub);
  return user ? { state: "signed-in", user } : { state: "stale", cookieName };
}

/** A Set-Cookie value that removes a stale session cookie. */
export function clearCookieHeader(cookieName: string): string {
  return `${cookieName}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${cookieName.startsWith("__Secure-") ? "; Secure" : ""}`;
}
