/** Roles stored on the user row; instructors author and analyse quizzes, admins manage users. */
export const ROLES = ["student", "instructor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Narrows an untrusted string to a known role, defaulting to the least privileged. */
export function toRole(value: unknown): Role {
  return (ROLES as readonly unknown[]).includes(value) ? (value as Role) : "student";
}

/** The Korean label shown next to a role. */
export const ROLE_LABEL: Record<Role, string> = { student: "수강생", instructor: "강사", admin: "관리자" };
