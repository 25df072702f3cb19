"use client";

import { useState } from "react";
import { ROLE_LABEL, ROLES, type Role } from "@/lib/auth/roles";

/** An admin's role picker for one user; saves on change and says so. */
export function RoleSelect({ userId, role, label }: { userId: string; role: Role; label: string }) {
  const [value, setValue] = useState(role);
  const [message, setMessage] = useState<string | null>(null);
  const change = async (next: Role) => {
    setMessage(null);
    const res = await fetch(`/api/instructor/users/${userId}/role`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ role: next }) });
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      setValue(next);
      setMessage("저장했습니다.");
    } else setMessage(data.error ?? "바꾸지 못했습니다.");
  };
  return (
    <span className="flex items-center gap-2">
      <select aria-label={`${label}의 역할`} value={value} onChange={(e) => change(e.target.value as Role)} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-950">
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABEL[r]}
          </option>
        ))}
      </select>
      {message && <span role="status" className="text-xs text-slate-600 dark:text-slate-400">{message}</span>}
    </span>
  );
}
