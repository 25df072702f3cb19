"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { MarkReadRequest } from "@/lib/api/contracts";
import { useSession } from "../auth/session-provider";

/**
 * Placed after a chapter's last paragraph: when it scrolls into view, a signed-in learner's
 * chapter is marked read (once; the server keeps the first time).
 */
export function ReadTracker({ chapter }: { chapter: string }) {
  const session = useSession();
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"idle" | "saved" | "error">("idle");

  useEffect(() => {
    if (session.status !== "signed-in" || state === "saved") return;
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      fetch("/api/progress/read", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ chapter } satisfies MarkReadRequest) })
        .then((r) => setState(r.ok ? "saved" : "error"))
        .catch(() => setState("error"));
    });
    io.observe(el);
    return () => io.disconnect();
  }, [session.status, chapter, state]);

  return (
    <div
      ref={ref}
      className="not-prose mt-10 border-t border-slate-200 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400"
      data-testid="chapter-end"
    >
      <p role="status" aria-live="polite">
        {session.status === "signed-out" && (
          <>
            이 장을 끝까지 읽었습니다.{" "}
            <Link href="/login" className="text-sky-700 underline dark:text-sky-400">
              로그인
            </Link>
            하면 진도가 저장됩니다.
          </>
        )}
        {session.status === "signed-in" && state === "saved" && "✓ 이 장을 끝까지 읽었습니다. 내 학습에 기록했습니다."}
        {session.status === "signed-in" && state === "error" && "진도를 저장하지 못했습니다. 새로고침하면 다시 시도합니다."}
      </p>
    </div>
  );
}
