import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuestionEditor } from "@/components/instructor/question-editor";
import { SOURCE_LABEL } from "@/components/instructor/labels";
import { db } from "@/lib/db";
import { ensureBankReady } from "@/lib/db/bank-server";
import { getQuestionDetail } from "@/lib/db/instructor";
import { chapterOptions } from "../../chapter-options";
import { requireStaffPage } from "../../require-staff";

export const metadata: Metadata = { title: "문제 편집" };

type Props = { params: Promise<{ id: string }> };

export default async function EditQuestionPage({ params }: Props) {
  const { id } = await params;
  await requireStaffPage(`/instructor/questions/${id}`);
  await ensureBankReady();
  const [detail, chapters] = await Promise.all([getQuestionDetail(db, id), chapterOptions()]);
  if (!detail) notFound();
  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">문제 편집</h1>
      <p className="mb-6 mt-2 text-sm text-slate-600 dark:text-slate-400">
        {SOURCE_LABEL[detail.source]} · 현재 버전 v{detail.version} · 응답이 있는 문제를 고치면 새 버전이 생기고, 이전 응답은 그때의 버전을 그대로 가리킵니다.
      </p>
      <QuestionEditor questionId={detail.id} initial={detail.question} chapterSlug={detail.chapterSlug} status={detail.status} chapters={chapters} />
      <section className="mt-10" aria-labelledby="versions">
        <h2 id="versions" className="text-lg font-bold">
          버전 기록
        </h2>
        <ul className="mt-2 text-sm">
          {detail.versions.map((v) => (
            <li key={v.id}>
              v{v.version} · {new Date(v.createdAt).toLocaleString("ko-KR", { timeZone: "Asia/Seoul" })} · 응답 {v.responses}개
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
