import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

export const STAFF: readonly Role[] = ["instructor", "admin"];

/**
 * Guards an instructor page on the server: an anonymous visitor goes to sign-in, a signed-in user
 * whose role (read from the database, not the cookie) is not allowed gets the 403 page.
 */
export async function requireStaffPage(path: string, roles: readonly Role[] = STAFF): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  const row = await db.user.findUnique({ where: { id: user.id }, select: { role: true } });
  if (!row) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!roles.includes(row.role as Role)) forbidden();
  return { ...user, role: row.role as Role };
}
