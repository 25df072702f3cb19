import type { Metadata } from "next";
import Link from "next/link";
import { TYPE_LABEL } from "@/components/instructor/labels";
import { db } from "@/lib/db";
import { quizItemStats } from "@/lib/db/instructor-stats";
import { requireStaffPage } from "../../require-staff";
import { STAFF_ROW } from "@/components/instructor/staff-table";

export const metadata: Metadata = { title: "문항 분석" };

type Props = { params: Promise<{ quiz: string }>; searchParams: Promise<{ scope?: string }> };
const fmt = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

export default async function QuizStatsPage({ params, searchParams }: Props) {
  const { quiz } = await params;
  await requireStaffPage(`/instructor/stats/${quiz}`);
  const scope = (await searchParams).scope === "all" ? "all" : "first";
  const stats = await quizItemStats(db, quiz.slice(0, 100), scope);
  const th = "py-2 pr-3 font-semibold";

  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">문항 분석: {quiz}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300" role="status">
        {scope === "first" ? "첫 응시만" : "모든 응시"} · 응시 {stats.attempts}회
      </p>
      <div className="mt-4 flex flex-wrap gap-3 text-sm">
        <Link href={`/instructor/stats/${quiz}?scope=${scope === "first" ? "all" : "first"}`} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
          {scope === "first" ? "모든 응시로 보기" : "첫 응시만 보기"}
        </Link>
        <a href={`/api/instructor/stats/${quiz}?scope=${scope}&format=csv`} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
          CSV 내려받기
        </a>
      </div>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">문항별 통계</caption>
          <thead className="border-b border-slate-200 dark:border-slate-700">
            <tr>
              <th scope="col" className={th}>문제</th>
              <th scope="col" className={th}>응답</th>
              <th scope="col" className={th}>정답률</th>
              <th scope="col" className={th}>표준편차</th>
              <th scope="col" className={th}>변별도</th>
              <th scope="col" className={th}>변별 효율</th>
              <th scope="col" className={th}>보기별 선택</th>
            </tr>
          </thead>
          <tbody>
            {stats.items.map((i) => (
              <tr key={i.versionId} className={STAFF_ROW} data-testid={`item-${i.questionId}`}>
                <td className="max-w-sm py-2 pr-3">
                  <Link href={`/instructor/questions/${i.questionId}`} className="text-sky-700 hover:underline dark:text-sky-400">
                    {i.prompt.length > 70 ? `${i.prompt.slice(0, 70)}…` : i.prompt}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {TYPE_LABEL[i.type] ?? i.type} · v{i.version}
                  </span>
                  {i.flags.map((f) => (
                    <span key={f.code} className="mt-1 block rounded bg-amber-100 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                      ⚠ {f.message}
                    </span>
                  ))}
                </td>
                <td className="py-2 pr-3">{i.attempts}</td>
                <td className="py-2 pr-3">{pct(i.facility)}</td>
                <td className="py-2 pr-3">{fmt(i.sd, 3)}</td>
                <td className="py-2 pr-3">{fmt(i.discriminationIndex)}</td>
                <td className="py-2 pr-3">{fmt(i.discriminativeEfficiency)}</td>
                <td className="py-2">
                  {i.options.length ? (
                    <ul>
                      {i.options.map((o) => (
                        <li key={o.id}>
                          {o.id}. {o.correct ? "(정답) " : ""}
                          {o.count}명 ({pct(o.share)})
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="mt-10" aria-labelledby="by-concept">
        <h2 id="by-concept" className="text-xl font-bold">
          개념별 결과
        </h2>
        <table className="mt-2 text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className={th}>개념</th>
              <th scope="col" className={th}>문제 수</th>
              <th scope="col" className={th}>정답률</th>
            </tr>
          </thead>
          <tbody>
            {stats.concepts.map((c) => (
              <tr key={c.concept} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-1 pr-3">{c.concept}</td>
                <td className="py-1 pr-3">{c.questions}</td>
                <td className="py-1 pr-3">{pct(c.facility)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
