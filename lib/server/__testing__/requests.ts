import { encode } from "@auth/core/jwt";
import { hashPassword } from "../../auth/password";
import type { Role } from "../../auth/roles";
import { db } from "../../db";
import { getEnv } from "../../env";
import { resolveAuthSecret } from "../../auth/secret";
import { sessionCookieName } from "../session";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A fresh user row with a role (password hashing skipped: these users sign in by cookie). */
export async function createUser(role: Role) {
  return db.user.create({
    data: { email: `${role}-${unique()}@example.com`, name: `${role} 사용자`, role, passwordHash: "scrypt$0$0$0$x$y" },
    select: { id: true, email: true, name: true, role: true },
  });
}

/** A user whose password is really hashed, for sign-in tests. */
export async function createUserWithPassword(password: string) {
  const email = `signin-${unique()}@example.com`;
  await db.user.create({ data: { email, name: "로그인", passwordHash: await hashPassword(password) } });
  return email;
}

/** A Cookie header carrying the session Auth.js would have issued for this user id. */
export async function sessionCookie(userId: string, maxAge = 3600): Promise<string> {
  const name = sessionCookieName(false);
  const token = await encode({ token: { sub: userId }, secret: resolveAuthSecret(getEnv()), salt: name, maxAge });
  return `${name}=${token}`;
}

/** A JSON POST as a same-origin browser page would send it. */
export function jsonPost(url: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A GET with optional headers. */
export const get = (url: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${url}`, { headers: { host: "localhost", ...headers } });

/** Route-segment params in the shape Next passes them. */
export const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

export { unique };
