import { hashPassword, verifyPassword } from "../lib/auth/password";
import type { Role } from "../lib/auth/roles";
import type { Db } from "../lib/db/client";

/** Demo accounts listed in the README. Seeding is idempotent: existing accounts are left alone. */
export const DEMO_ACCOUNTS: { email: string; name: string; password: string; role: Role }[] = [
  { email: "student@example.com", name: "김학생", password: "student1234", role: "student" },
  { email: "instructor@example.com", name: "이강사", password: "instructor1234", role: "instructor" },
  { email: "admin@example.com", name: "박관리", password: "admin1234", role: "admin" },
];

/** Creates the demo accounts that are missing and restores a demo account's documented role. */
export async function seed(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: a.email }, select: { id: true, passwordHash: true, role: true } });
    if (!existing) {
      await db.user.create({ data: { email: a.email, name: a.name, role: a.role, passwordHash: await hashPassword(a.password) } });
      created.push(a.email);
    } else if (existing.role !== a.role || !(await verifyPassword(a.password, existing.passwordHash))) {
      // Demo accounts must keep working as documented, so their role and password are restored.
      await db.user.update({ where: { id: existing.id }, data: { role: a.role, passwordHash: await hashPassword(a.password) } });
    }
  }
  return { created };
}
