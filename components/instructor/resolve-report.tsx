"use client";

import { useRouter } from "next/navigation";

/** Marks one problem report resolved and refreshes the list. */
export function ResolveReport({ id }: { id: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold dark:border-slate-600"
      onClick={async () => {
        const res = await fetch(`/api/instructor/reports/${id}/resolve`, { method: "POST" });
        if (res.ok) router.refresh();
      }}
    >
      해결됨으로 표시
    </button>
  );
}
