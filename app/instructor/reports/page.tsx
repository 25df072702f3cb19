import type { Metadata } from "next";
import Link from "next/link";
import { ResolveReport } from "@/components/instructor/resolve-report";
import { db } from "@/lib/db";
import { listProblemReports } from "@/lib/db/instructor-reports";
import { requireStaffPage } from "../require-staff";

export const metadata: Metadata = { title: "문제 신고" };

export default async function ReportsPage() {
  await requireStaffPage("/instructor/reports");
  const reports = await listProblemReports(db);
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">문제 신고</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">{reports.filter((r) => r.status === "open").length}건 열림</p>
      <ul className="mt-6 space-y-4">
        {reports.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {r.status === "open" ? "열림" : "해결됨"} · {r.chapterSlug} · {r.user?.name ?? "탈퇴한 사용자"} ·{" "}
              {r.createdAt.toLocaleString("ko-KR", { timeZone: "Asia/Seoul" })}
            </p>
            <p className="mt-2 whitespace-pre-wrap">{r.message}</p>
            <p className="mt-2 flex flex-wrap gap-3 text-sm">
              {r.questionId && (
                <Link href={`/instructor/questions/${r.questionId}`} className="text-sky-700 underline dark:text-sky-400">
                  문제 열기 (신고 당시 버전 {r.questionVersionId?.slice(0, 8)})
                </Link>
              )}
              {r.widget && (
                <Link href={`/chapters/${r.chapterSlug}${r.scenario ? `?scenario=${encodeURIComponent(r.scenario)}` : ""}`} className="text-sky-700 underline dark:text-sky-400">
                  {r.widget} 시나리오 다시 보기
                </Link>
              )}
              {r.status === "open" && <ResolveReport id={r.id} />}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
