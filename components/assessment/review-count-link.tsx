"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

/** Header link to 오늘의 복습 with the number of questions due (loaded in the browser, so pages stay static). */
export function ReviewCountLink({ className }: { className?: string }) {
  const [due, setDue] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    fetch("/api/review/count", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((d: { due?: number } | null) => live && setDue(typeof d?.due === "number" ? d.due : null))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return (
    <Link href="/review" className={className} data-testid="review-count-link">
      오늘의 복습
      {due !== null && due > 0 && (
        <span className="ml-1 rounded-full bg-rose-600 px-1.5 py-0.5 text-xs font-bold text-white">
          {due}
          <span className="sr-only">개 복습할 문항</span>
        </span>
      )}
    </Link>
  );
}
