import type { Metadata } from "next";
import Link from "next/link";
import { SOURCE_LABEL, TYPE_LABEL } from "@/components/instructor/labels";
import { listChapters } from "@/lib/content/chapters";
import { db } from "@/lib/db";
import { ensureBankReady } from "@/lib/db/bank-server";
import { listBankQuestions, listConceptTags } from "@/lib/db/instructor";
import { QUESTION_STATUSES, STATUS_LABEL } from "@/lib/db/instructor-schema";
import { requireStaffPage } from "./require-staff";
import { STAFF_ROW, StaffTable } from "@/components/instructor/staff-table";

export const metadata: Metadata = { title: "문제 은행" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function QuestionBankPage({ searchParams }: Props) {
  await requireStaffPage("/instructor");
  await ensureBankReady();
  const sp = await searchParams;
  const filter = { chapter: one(sp.chapter), concept: one(sp.concept), status: one(sp.status), type: one(sp.type) };
  const [chapters, concepts, rows] = await Promise.all([listChapters(), listConceptTags(db), listBankQuestions(db, filter)]);
  const chapterTitle = new Map(chapters.map((c) => [c.slug, `${c.order}장 ${c.title}`]));

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-900 dark:text-white">문제 은행</h1>
        <div className="flex gap-2 text-sm">
          <Link href="/instructor/questions/new" className="rounded-md bg-sky-700 px-3 py-2 font-semibold text-white hover:bg-sky-800">
            새 문제 만들기
          </Link>
          <a href={`/api/instructor/gift/export${filter.chapter ? `?chapter=${filter.chapter}` : ""}`} className="rounded-md border border-slate-300 px-3 py-2 font-semibold dark:border-slate-600">
            GIFT로 내보내기
          </a>
        </div>
      </div>
      <form className="mt-6 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="문제 거르기">
        <FilterSelect label="장" name="chapter" value={filter.chapter} all="모든 장" options={chapters.map((c) => [c.slug, `${c.order}장 ${c.title}`])} />
        <FilterSelect label="개념" name="concept" value={filter.concept} all="모든 개념" options={concepts.map((c) => [c, c])} />
        <FilterSelect label="상태" name="status" value={filter.status} all="모든 상태" options={QUESTION_STATUSES.map((st) => [st, STATUS_LABEL[st]])} />
        <FilterSelect label="유형" name="type" value={filter.type} all="모든 유형" options={Object.entries(TYPE_LABEL)} />
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
          거르기
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" role="status">
        {rows.length}개 문제
      </p>
      <div className="mt-2 overflow-x-auto">
        <StaffTable caption="문제 은행의 문제 목록" columns={["문제", "장", "유형", "개념", "상태", "출처", "버전"]}>
            {rows.map((r) => (
              <tr key={r.id} className={STAFF_ROW}>
                <td className="max-w-md py-2 pr-3">
                  <Link href={`/instructor/questions/${r.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                    {r.prompt.length > 80 ? `${r.prompt.slice(0, 80)}…` : r.prompt || r.id}
                  </Link>
                </td>
                <td className="py-2 pr-3">{chapterTitle.get(r.chapterSlug) ?? r.chapterSlug}</td>
                <td className="py-2 pr-3">{TYPE_LABEL[r.type] ?? r.type}</td>
                <td className="py-2 pr-3">{r.concepts.join(", ")}</td>
                <td className="py-2 pr-3">{STATUS_LABEL[r.status] ?? r.status}</td>
                <td className="py-2 pr-3">{SOURCE_LABEL[r.source]}</td>
                <td className="py-2">v{r.version}</td>
              </tr>
            ))}
        </StaffTable>
      </div>
    </div>
  );
}

/** One filter of the bank list: a labelled select whose first option means "no filter". */
function FilterSelect(props: { label: string; name: string; value?: string; all: string; options: [string, string][] }) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950">
        <option value="">{props.all}</option>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
