import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/lib/auth/roles";
import { resolveSession, type SessionUser } from "@/lib/server";

export const STAFF: readonly Role[] = ["instructor", "admin"];

/**
 * Guards an instructor page on the server with the boundary's session (user and role confirmed in
 * the database): an anonymous visitor goes to sign-in, any other role gets the Korean 403 page.
 */
export async function requireStaffPage(path: string, roles: readonly Role[] = STAFF): Promise<SessionUser> {
  const session = await resolveSession(await headers());
  if (session.state !== "signed-in") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (!roles.includes(session.user.role)) forbidden();
  return session.user;
}
