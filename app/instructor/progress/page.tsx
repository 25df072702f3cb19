import type { Metadata } from "next";
import { listChapters } from "@/lib/content/chapters";
import { db } from "@/lib/db";
import { classProgress, type StudentProgress } from "@/lib/db/instructor-progress";
import { requireStaffPage } from "../require-staff";

export const metadata: Metadata = { title: "학습 현황" };

type Props = { searchParams: Promise<{ q?: string; sort?: string }> };
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${Math.round(x * 100)}%`);

/** Heatmap colour for a 0..1 share; the number is always printed in the cell too. */
function heat(x: number | undefined) {
  if (x === undefined) return "bg-slate-50 text-slate-500 dark:bg-slate-900";
  if (x >= 0.8) return "bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-white";
  if (x >= 0.5) return "bg-amber-100 text-amber-950 dark:bg-amber-800 dark:text-white";
  return "bg-red-200 text-red-950 dark:bg-red-900 dark:text-white";
}

const completion = (s: StudentProgress, slugs: string[]) =>
  slugs.length ? slugs.reduce((n, slug) => n + (s.chapters[slug]?.read ? 0.5 : 0) + (s.chapters[slug]?.best ?? 0) / 2, 0) / slugs.length : 0;

export default async function ClassProgressPage({ searchParams }: Props) {
  await requireStaffPage("/instructor/progress");
  const sp = await searchParams;
  const [chapters, data] = await Promise.all([listChapters(), classProgress(db)]);
  const slugs = chapters.map((c) => c.slug);
  const q = (sp.q ?? "").trim().toLowerCase();
  let students = data.students.filter((s) => !q || s.name.toLowerCase().includes(q) || s.email.toLowerCase().includes(q));
  const sort = sp.sort ?? "name";
  if (sort === "progress") students = [...students].sort((a, b) => completion(b, slugs) - completion(a, slugs));
  else if (sort.startsWith("concept:")) {
    const c = sort.slice("concept:".length);
    students = [...students].sort((a, b) => (a.concepts[c] ?? -1) - (b.concepts[c] ?? -1));
  }
  const th = "px-2 py-2 text-left font-semibold";

  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">학습 현황</h1>
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="수강생 거르기">
        <label>
          이름·이메일
          <input name="q" defaultValue={sp.q ?? ""} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950" />
        </label>
        <label>
          정렬
          <select name="sort" defaultValue={sort} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950">
            <option value="name">이름순</option>
            <option value="progress">진도 높은 순</option>
            {data.concepts.map((c) => (
              <option key={c} value={`concept:${c}`}>
                개념 {c} 낮은 순
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
          적용
        </button>
        <a href="/api/instructor/progress?format=csv" className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
          CSV 내려받기
        </a>
      </form>
      <p className="mt-3 text-sm text-slate-600 dark:text-slate-400" role="status">
        수강생 {students.length}명
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="text-sm">
          <caption className="text-left font-bold">장별 진도 (읽음 여부와 퀴즈 최고 점수)</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className={th}>수강생</th>
              <th scope="col" className={th}>전체</th>
              {chapters.map((c) => (
                <th key={c.slug} scope="col" className={th}>
                  {c.order}장
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {students.map((s) => (
              <tr key={s.id} className="border-b border-slate-100 dark:border-slate-800" data-testid={`student-${s.email}`}>
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {s.name} <span className="text-xs text-slate-500">{s.email}</span>
                </th>
                <td className="px-2 py-1">{pct(completion(s, slugs))}</td>
                {chapters.map((c) => {
                  const p = s.chapters[c.slug];
                  return (
                    <td key={c.slug} className="px-2 py-1">
                      {p?.read ? "읽음" : "—"} · {pct(p?.best)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="mt-10" aria-labelledby="heatmap">
        <h2 id="heatmap" className="text-xl font-bold">
          개념 숙달 히트맵
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">칸마다 그 개념 문제에서 얻은 점수 비율을 숫자로 적었습니다. 색: 80% 이상 초록, 50% 이상 노랑, 그 아래 빨강, 응답 없음 회색.</p>
        <div className="mt-2 overflow-x-auto">
          <table className="text-sm">
            <caption className="sr-only">수강생별·개념별 숙달 비율</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>수강생</th>
                {data.concepts.map((c) => (
                  <th key={c} scope="col" className={`${th} whitespace-nowrap`}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">
                    {s.name}
                  </th>
                  {data.concepts.map((c) => (
                    <td key={c} className={`px-2 py-1 text-center ${heat(s.concepts[c])}`}>
                      {s.concepts[c] === undefined ? <span aria-label="응답 없음">—</span> : pct(s.concepts[c])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
