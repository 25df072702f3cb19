/** Who is learning: a signed-in user, or an anonymous id kept in a cookie until sign-in. */

export type Learner = { userId: string; anonId: null } | { userId: null; anonId: string };

/** The cookie that carries an anonymous learner's id. */
export const ANON_COOKIE = "kc_learner";
const ANON_ID = /^[A-Za-z0-9_-]{22,64}$/;

/** A stable string naming the learner, used as an attempt token's subject. */
export function learnerKey(l: Learner): string {
  return l.userId !== null ? `u:${l.userId}` : `a:${l.anonId}`;
}

/** The Prisma `where` fragment selecting a learner's rows. */
export function learnerWhere(l: Learner): { userId: string } | { anonId: string; userId: null } {
  return l.userId !== null ? { userId: l.userId } : { anonId: l.anonId, userId: null };
}

/** Reads a well-formed anonymous id from a Cookie header, or null. */
export function anonIdFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === ANON_COOKIE) return checkAnonId(v.join("="));
  }
  return null;
}

/** The id when it has the shape we issue, else null (a tampered cookie is simply ignored). */
export function checkAnonId(value: string | undefined | null): string | null {
  return value && ANON_ID.test(value) ? value : null;
}

/** A Set-Cookie value for a new anonymous id (a year, HTTP only, same-site). */
export function anonCookie(id: string, secure: boolean): string {
  return `${ANON_COOKIE}=${id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** A Set-Cookie value removing the anonymous id once its rows belong to a user. */
export function clearAnonCookie(): string {
  return `${ANON_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`;
}
