"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ClassQuizStatus } from "@/lib/assessment/class-quiz-contracts";

/** Archives a class quiz (its link stops taking attempts) or restores it. */
export function QuizArchiveButton({ id, status }: { id: string; status: ClassQuizStatus }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const next: ClassQuizStatus = status === "archived" ? "active" : "archived";
  return (
    <span>
      <button
        type="button"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold dark:border-slate-600"
        onClick={async () => {
          setError(null);
          try {
            const res = await fetch(`/api/instructor/quizzes/${id}/status`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: next }) });
            if (res.ok) return router.refresh();
            setError(((await res.json()) as { error?: string }).error ?? "바꾸지 못했습니다.");
          } catch {
            setError("서버에 연결하지 못했습니다.");
          }
        }}
      >
        {status === "archived" ? "보관 해제" : "보관하기"}
      </button>
      {error && (
        <span role="alert" className="ml-2 text-sm text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </span>
  );
}
