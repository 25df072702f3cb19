// Signing in for a run the way a browser does: a user created directly in the database, then
// Auth.js's CSRF dance (GET /api/auth/csrf, then the credentials form post), as components/auth/login-form.tsx does.
import { randomBytes } from "node:crypto";
import { hashPassword } from "../../lib/auth/password";
import { createDb } from "../../lib/db/client";

/** Creates a student in the database behind `databaseUrl`; returns its e-mail and password. */
export async function createStudent(databaseUrl: string, label: string): Promise<{ id: string; email: string; password: string }> {
  const db = createDb(databaseUrl);
  const email = `${label}-${randomBytes(4).toString("hex")}@bench.example`;
  const password = randomBytes(12).toString("base64url");
  const user = await db.user.create({ data: { email, name: label, passwordHash: await hashPassword(password), role: "student" } });
  await db.$disconnect();
  return { id: user.id, email, password };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/** Signs in through the real credentials flow; returns the `Cookie` header value of the session. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${origin}/api/auth/csrf`, { headers: { origin } });
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf: HTTP ${csrfRes.status}`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin, "sec-fetch-site": "same-origin" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/me" }),
  });
  await res.arrayBuffer();
  const session = cookiesOf(res).filter((c) => c.includes("session-token"));
  if (!session.length) throw new Error(`sign-in failed: HTTP ${res.status} ${res.headers.get("location") ?? ""}`);
  return [...jar, ...session].join("; ");
}
