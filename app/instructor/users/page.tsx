import type { Metadata } from "next";
import { RoleSelect } from "@/components/instructor/role-select";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/db/instructor";
import { toRole } from "@/lib/auth/roles";
import { requireStaffPage } from "../require-staff";
import { STAFF_ROW, StaffTable } from "@/components/instructor/staff-table";

export const metadata: Metadata = { title: "사용자 역할" };

export default async function UsersPage() {
  await requireStaffPage("/instructor/users", ["admin"]);
  const users = await listUsers(db);
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">사용자 역할</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">관리자만 볼 수 있습니다. 바꾼 역할은 늦어도 30초 안에 모든 서버에 적용됩니다.</p>
      <StaffTable caption="사용자 목록" columns={["이름", "이메일", "역할"]} className="mt-6">
          {users.map((u) => (
            <tr key={u.id} className={STAFF_ROW}>
              <td className="py-2 pr-3">{u.name}</td>
              <td className="py-2 pr-3">{u.email}</td>
              <td className="py-2">
                <RoleSelect userId={u.id} role={toRole(u.role)} label={u.name} />
              </td>
            </tr>
          ))}
      </StaffTable>
    </div>
  );
}
