import type { Metadata } from "next";
import { QuestionEditor } from "@/components/instructor/question-editor";
import { chapterOptions } from "../../chapter-options";
import { requireStaffPage } from "../../require-staff";

export const metadata: Metadata = { title: "새 문제" };

export default async function NewQuestionPage() {
  await requireStaffPage("/instructor/questions/new");
  const chapters = await chapterOptions();
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold text-slate-900 dark:text-white">새 문제</h1>
      <QuestionEditor questionId={null} initial={null} chapterSlug={chapters[0]?.slug ?? ""} status="draft" chapters={chapters} />
    </div>
  );
}
