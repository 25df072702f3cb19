import type { Metadata } from "next";
import Link from "next/link";
import { listChapters } from "@/lib/content/chapters";
import { statsQuizId } from "@/lib/assessment/class-quiz";
import { db } from "@/lib/db";
import { listClassQuizzes } from "@/lib/db/class-quiz";
import { requireStaffPage } from "../require-staff";

export const metadata: Metadata = { title: "문항 분석" };

export default async function StatsIndexPage() {
  await requireStaffPage("/instructor/stats");
  const [chapters, counts, classQuizzes] = await Promise.all([
    listChapters(),
    db.attempt.groupBy({ by: ["quizId"], _count: { _all: true } }),
    listClassQuizzes(db),
  ]);
  const n = new Map(counts.map((c) => [c.quizId, c._count._all]));
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">문항 분석</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">퀴즈를 고르면 문항별 정답률, 표준편차, 변별도, 변별 효율과 보기별 선택 비율을 보여 줍니다.</p>
      <ul className="mt-6 space-y-2">
        {chapters.map((c) => (
          <li key={c.slug}>
            <Link href={`/instructor/stats/${c.slug}`} className="text-sky-700 hover:underline dark:text-sky-400">
              {c.order}장 {c.title}
            </Link>{" "}
            <span className="text-sm text-slate-600 dark:text-slate-400">응시 {n.get(c.slug) ?? 0}회</span>
          </li>
        ))}
      </ul>
      {classQuizzes.length > 0 && (
        <>
          <h2 className="mt-8 text-xl font-semibold text-slate-900 dark:text-white">수업 퀴즈</h2>
          <ul className="mt-3 space-y-2">
            {classQuizzes.map((q) => (
              <li key={q.id}>
                <Link href={`/instructor/stats/${statsQuizId(q.code)}`} className="text-sky-700 hover:underline dark:text-sky-400">
                  {q.title}
                </Link>{" "}
                <span className="text-sm text-slate-600 dark:text-slate-400">
                  ({q.code}) 응시 {n.get(statsQuizId(q.code)) ?? 0}회
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
