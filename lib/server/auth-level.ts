import type { Role } from "../auth/roles";
import { HttpError } from "./errors";
import { clearCookieHeader, type SessionResult, type SessionUser } from "./session";

/** Who may call a route or action: anyone, any signed-in user, instructors (and admins), admins. */
export type AuthLevel = "public" | "user" | "instructor" | "admin";

/** The user a handler receives: possibly null on public routes, always present otherwise. */
export type UserFor<A extends AuthLevel> = A extends "public" ? SessionUser | null : SessionUser;

const RANK: Record<Role, number> = { student: 0, instructor: 1, admin: 2 };
const NEEDED: Record<Exclude<AuthLevel, "public">, number> = { user: 0, instructor: 1, admin: 2 };
const ROLE_NAME: Record<Exclude<AuthLevel, "public" | "user">, string> = { instructor: "강사", admin: "관리자" };

/**
 * Turns a resolved session into the handler's user or a Korean 401/403: no session → 로그인이 필요합니다,
 * an expired/forged/deleted-user cookie → 다시 로그인해 주세요 (and the cookie is cleared), too low a role → 403.
 */
export function authorize<A extends AuthLevel>(level: A, session: SessionResult): UserFor<A> {
  if (session.state === "stale")
    throw new HttpError(401, "로그인 정보가 만료되었습니다. 다시 로그인해 주세요.", {
      code: "stale_session",
      headers: { "set-cookie": clearCookieHeader(session.cookieName) },
    });
  const user = session.state === "signed-in" ? session.user : null;
  if (level === "public") return user as UserFor<A>;
  if (!user) throw new HttpError(401, "로그인이 필요합니다.", { code: "unauthenticated" });
  if (RANK[user.role] < NEEDED[level as Exclude<AuthLevel, "public">])
    throw new HttpError(403, `${ROLE_NAME[level as "instructor" | "admin"]}만 쓸 수 있는 기능입니다.`, { code: "forbidden" });
  return user as UserFor<A>;
}
