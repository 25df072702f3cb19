"use client";

import { useRouter } from "next/navigation";
import { EssaySelfAssessment } from "../quiz/essay-self-assessment";

/** On the exam results page: rate an essay against its model answer, then re-read the page (new total, pass, concepts). */
export function ExamEssayRating({ answerId, initial }: { answerId: string; initial: number | null }) {
  const router = useRouter();
  return <EssaySelfAssessment target={{ target: "log", id: answerId }} initial={initial} onRated={() => router.refresh()} />;
}
