"use client";

import { useEffect, useState } from "react";
import type { ChapterProgressDto, ProgressResponse } from "@/lib/api/contracts";
import { useSession } from "../auth/session-provider";

/** One chapter's progress as GET /api/progress returns it. */
export type MyChapterProgress = ChapterProgressDto;

/** The signed-in learner's progress by chapter slug (null while loading or when signed out). */
export function useMyProgress(): Map<string, MyChapterProgress> | null {
  const session = useSession();
  const [progress, setProgress] = useState<Map<string, MyChapterProgress> | null>(null);
  useEffect(() => {
    if (session.status !== "signed-in") return;
    let cancelled = false;
    fetch("/api/progress", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { progress: [] }))
      .then((d: ProgressResponse) => {
        if (!cancelled) setProgress(new Map(d.progress.map((p) => [p.chapterSlug, p])));
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [session.status]);
  return session.status === "signed-in" ? progress : null;
}
