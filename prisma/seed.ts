import { hashPassword } from "../lib/auth/password";
import type { Role } from "../lib/auth/roles";
import type { Db } from "../lib/db/client";
import type { Env } from "../lib/env-schema";

/** Demo accounts listed in the README; only ever created in demo mode (see demoMode). */
export const DEMO_ACCOUNTS: { email: string; name: string; password: string; role: Role }[] = [
  { email: "student@example.com", name: "김학생", password: "student1234", role: "student" },
  { email: "instructor@example.com", name: "이강사", password: "instructor1234", role: "instructor" },
  { email: "admin@example.com", name: "박관리", password: "admin1234", role: "admin" },
];

/** The embedded default database: the one a fresh `npm start` creates. */
export const DEFAULT_DATABASE_URL = "file:./dev.db";

/**
 * Demo mode: DEMO_ACCOUNTS=1, or (unset) the default SQLite file. Never PostgreSQL unless asked,
 * so a production database never gets accounts with published passwords.
 */
export function demoMode(env: Pick<Env, "DEMO_ACCOUNTS" | "DATABASE_URL">): boolean {
  if (env.DEMO_ACCOUNTS) return env.DEMO_ACCOUNTS === "1";
  return env.DATABASE_URL === DEFAULT_DATABASE_URL;
}

/**
 * Creates the demo accounts that are missing. Existing accounts are never touched: a changed
 * password or role stays changed, and a deleted demo account is only re-created by a new database.
 */
export async function seed(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    if (await db.user.findUnique({ where: { email: a.email }, select: { id: true } })) continue;
    try {
      await db.user.create({ data: { email: a.email, name: a.name, role: a.role, passwordHash: await hashPassword(a.password) } });
      created.push(a.email);
    } catch (e) {
      // A second instance starting at the same moment created it first.
      if ((e as { code?: string }).code !== "P2002") throw e;
    }
  }
  return { created };
}

/** Outcome of creating a named account. */
export type CreateUserResult = { status: "created"; id: string } | { status: "exists" };

/** Creates one account with a role; an existing e-mail is left exactly as it is. */
export async function createUser(db: Db, input: { email: string; name: string; password: string; role: Role }): Promise<CreateUserResult> {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { status: "exists" };
  try {
    const u = await db.user.create({
      data: { email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
      select: { id: true },
    });
    return { status: "created", id: u.id };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return { status: "exists" };
    throw e;
  }
}
