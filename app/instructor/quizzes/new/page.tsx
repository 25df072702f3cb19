import type { Metadata } from "next";
import { QuizBuilder } from "@/components/instructor/quiz-builder";
import { requireStaffPage } from "../../require-staff";
import { builderData } from "../builder-data";

export const metadata: Metadata = { title: "새 수업 퀴즈" };

export default async function NewClassQuizPage() {
  await requireStaffPage("/instructor/quizzes/new");
  const data = await builderData();
  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold text-slate-900 dark:text-white">새 수업 퀴즈</h1>
      <QuizBuilder quiz={null} {...data} />
    </div>
  );
}
