import type { Metadata } from "next";
import Link from "next/link";
import { ResolveReport } from "@/components/instructor/resolve-report";
import { db } from "@/lib/db";
import { listProblemReports, widgetReplay } from "@/lib/db/instructor-reports";
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
              {r.status === "open" ? "열림" : "해결됨"} · {r.chapterSlug} · {r.widget ? `위젯 ${r.widget}` : "문제"} · {r.user?.name ?? "탈퇴한 사용자"} ·{" "}
              {r.createdAt.toLocaleString("ko-KR", { timeZone: "Asia/Seoul" })}
            </p>
            <p className="mt-2 whitespace-pre-wrap">{r.message}</p>
            <p className="mt-2 flex flex-wrap gap-3 text-sm">
              {r.questionId && (
                <Link href={`/instructor/questions/${r.questionId}`} className="text-sky-700 underline dark:text-sky-400">
                  문제 열기 (신고 당시 버전 {r.questionVersionId?.slice(0, 8)})
                </Link>
              )}
              {r.widget && <WidgetReplayLink report={r} />}
              {r.status === "open" && <ResolveReport id={r.id} />}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "시나리오 재생": the chapter with the reported run loaded in the widget (only from a run that validates). */
function WidgetReplayLink({ report }: { report: Parameters<typeof widgetReplay>[0] }) {
  const replay = widgetReplay(report);
  if (!replay) return <span className="text-slate-600 dark:text-slate-400">시나리오를 다시 열 수 없습니다</span>;
  return (
    // A plain link: the widget reads the run from the address as it first renders (a full page load).
    <a href={replay.href} className="text-sky-700 underline dark:text-sky-400">
      {replay.events === null ? `${report.widget} 위젯 열기 (바꾼 상태 없음)` : `시나리오 재생 (이벤트 ${replay.events}개)`}
    </a>
  );
}
