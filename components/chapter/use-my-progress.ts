"use client";

import { useEffect, useState } from "react";
import { useSession } from "../auth/session-provider";

export interface MyChapterProgress {
  chapterSlug: string;
  readAt: string | null;
  bestScore: number | null;
  maxScore: number | null;
  attempts: number;
}

/** The signed-in learner's progress by chapter slug (null while loading or when signed out). */
export function useMyProgress(): Map<string, MyChapterProgress> | null {
  const session = useSession();
  const [progress, setProgress] = useState<Map<string, MyChapterProgress> | null>(null);
  useEffect(() => {
    if (session.status !== "signed-in") return;
    let cancelled = false;
    fetch("/api/progress", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : { progress: [] }))
      .then((d: { progress: MyChapterProgress[] }) => {
        if (!cancelled) setProgress(new Map(d.progress.map((p) => [p.chapterSlug, p])));
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, [session.status]);
  return session.status === "signed-in" ? progress : null;
}
