import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuizBuilder } from "@/components/instructor/quiz-builder";
import { QuizArchiveButton } from "@/components/instructor/quiz-builder-archive";
import { QuizShareLink } from "@/components/instructor/quiz-builder-share";
import { statsQuizId } from "@/lib/assessment/class-quiz";
import { GRADING_POLICY_LABEL } from "@/lib/assessment/exam-policy";
import { db } from "@/lib/db";
import { classQuizGrades, getClassQuiz, toClassQuizDto } from "@/lib/db/class-quiz";
import { publicOrigin } from "@/lib/server";
import { requireStaffPage } from "../../require-staff";
import { builderData } from "../builder-data";
import { STAFF_ROW, StaffTable } from "@/components/instructor/staff-table";

export const metadata: Metadata = { title: "수업 퀴즈" };

type Props = { params: Promise<{ id: string }> };
const pct = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`);

/** One class quiz: its share link, every learner's attempts and grade, and the builder to edit it. */
export default async function ClassQuizPage({ params }: Props) {
  const { id } = await params;
  await requireStaffPage(`/instructor/quizzes/${id}`);
  const quiz = id.length <= 64 ? await getClassQuiz(db, id) : null;
  if (!quiz) notFound();
  const [data, grades, h] = await Promise.all([builderData(), classQuizGrades(db, quiz.id, quiz.gradingPolicy), headers()]);
  const url = `${publicOrigin(h)}/q/${quiz.code}`;
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-bold text-slate-900 dark:text-white">{quiz.title}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{quiz.status === "archived" ? "보관됨: 수강생이 응시할 수 없습니다." : "사용 중"}</p>
        <div className="mt-4 flex flex-wrap items-end gap-4">
          <QuizShareLink url={url} />
          <QuizArchiveButton id={quiz.id} status={quiz.status} />
        </div>
      </div>
      <section aria-labelledby="grades-title">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="grades-title" className="text-xl font-bold text-slate-900 dark:text-white">
            수강생 성적 ({GRADING_POLICY_LABEL[quiz.gradingPolicy]})
          </h2>
          <div className="flex gap-2 text-sm">
            <a href={`/api/instructor/quizzes/${quiz.id}/grades?format=csv`} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
              CSV 내려받기
            </a>
            <Link href={`/instructor/stats/${statsQuizId(quiz.code)}`} className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
              문항 분석
            </Link>
          </div>
        </div>
        {grades.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">아직 응시한 수강생이 없습니다.</p>
        ) : (
          <StaffTable caption="수강생별 응시와 성적" columns={["수강생", "응시", "점수", "성적"]} className="mt-3">
              {grades.map((g) => (
                <tr key={g.userId} className={STAFF_ROW} data-testid={`grade-${g.email}`}>
                  <td className="py-2 pr-3">
                    {g.name}
                    <span className="block text-xs text-slate-500 dark:text-slate-400">{g.email}</span>
                  </td>
                  <td className="py-2 pr-3">{g.attempts.length}회</td>
                  <td className="py-2 pr-3">
                    {g.attempts.map((a) => (
                      <span key={a.attemptNo} className="mr-2 inline-block">
                        {a.attemptNo}회 {a.score}/{a.maxScore}
                      </span>
                    ))}
                  </td>
                  <td className="py-2 font-semibold">{pct(g.grade)}</td>
                </tr>
              ))}
          </StaffTable>
        )}
      </section>
      <section aria-labelledby="edit-title">
        <h2 id="edit-title" className="mb-4 text-xl font-bold text-slate-900 dark:text-white">
          퀴즈 고치기
        </h2>
        <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">이미 제출된 응시는 그때 받은 문항 그대로 남습니다.</p>
        <QuizBuilder quiz={toClassQuizDto(quiz)} {...data} />
      </section>
    </div>
  );
}
