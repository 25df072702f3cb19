import { db } from "@/lib/db";
import { idParams } from "@/lib/db/instructor-schema";
import { setUserRole } from "@/lib/db/instructor";
import { roleChangeSchema } from "@/lib/db/instructor-schema";
import { defineRoute, forgetUser, HttpError } from "@/lib/server";

/** Changes a user's role (admins only); an admin cannot demote themselves and lock everyone out. */
export const POST = defineRoute({ method: "POST", auth: "admin", params: idParams, body: roleChangeSchema }, async ({ params, body, user }) => {
  if (params.id === user.id && body.role !== "admin") throw new HttpError(400, "자기 자신의 관리자 역할은 바꿀 수 없습니다.");
  if (!(await setUserRole(db, params.id, body.role))) throw new HttpError(404, "그런 사용자가 없습니다.");
  forgetUser(params.id); // this process applies the new role at once; others within the session cache time
  return { id: params.id, role: body.role };
});
