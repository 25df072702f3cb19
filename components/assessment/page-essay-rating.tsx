"use client";

import { useRouter } from "next/navigation";
import { EssaySelfAssessment, type SelfAssessTarget } from "../quiz/essay-self-assessment";

/**
 * On a server-rendered results page (종합 평가, a class quiz attempt): rate an essay against its model
 * answer, then re-read the page so the total, pass and concepts show the new mark.
 */
export function PageEssayRating({ target, initial }: { target: SelfAssessTarget; initial: number | null }) {
  const router = useRouter();
  return <EssaySelfAssessment target={target} initial={initial} onRated={() => router.refresh()} />;
}
