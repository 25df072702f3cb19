import type { Metadata } from "next";
import Link from "next/link";
import { GRADING_POLICY_LABEL } from "@/lib/assessment/exam-policy";
import { db } from "@/lib/db";
import { listClassQuizzes } from "@/lib/db/class-quiz";
import { requireStaffPage } from "../require-staff";
import { STAFF_ROW, StaffTable } from "@/components/instructor/staff-table";

export const metadata: Metadata = { title: "수업 퀴즈" };

type Props = { searchParams: Promise<{ archived?: string }> };

/** The instructor's class quizzes: each with its share code, rules and how many learners answered. */
export default async function ClassQuizListPage({ searchParams }: Props) {
  await requireStaffPage("/instructor/quizzes");
  const archived = (await searchParams).archived === "1";
  const quizzes = await listClassQuizzes(db, { archived });
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-3xl font-bold text-slate-900 dark:text-white">수업 퀴즈</h1>
        <div className="flex gap-2 text-sm">
          <Link href="/instructor/quizzes/new" className="rounded-md bg-sky-700 px-3 py-2 font-semibold text-white hover:bg-sky-800">
            새 퀴즈 만들기
          </Link>
          <Link href={archived ? "/instructor/quizzes" : "/instructor/quizzes?archived=1"} className="rounded-md border border-slate-300 px-3 py-2 font-semibold dark:border-slate-600">
            {archived ? "보관한 퀴즈 숨기기" : "보관한 퀴즈도 보기"}
          </Link>
        </div>
      </div>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        문제 은행에서 고른 문항과 무작위 규칙으로 퀴즈를 만들고, 링크를 수강생에게 보내세요. 수강생은 로그인한 뒤 응시합니다.
      </p>
      {quizzes.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">아직 만든 퀴즈가 없습니다.</p>
      ) : (
        <StaffTable caption="수업 퀴즈 목록" columns={["제목", "링크 코드", "규칙", "응시", "상태"]} className="mt-6">
            {quizzes.map((q) => (
              <tr key={q.id} className={STAFF_ROW}>
                <td className="py-2 pr-3">
                  <Link href={`/instructor/quizzes/${q.id}`} className="text-sky-700 hover:underline dark:text-sky-400">
                    {q.title}
                  </Link>
                </td>
                <td className="py-2 pr-3 font-mono">/q/{q.code}</td>
                <td className="py-2 pr-3">
                  {q.timeLimitMinutes ? `${q.timeLimitMinutes}분` : "시간 제한 없음"} · {q.maxAttempts ? `${q.maxAttempts}번` : "횟수 제한 없음"} ·{" "}
                  {GRADING_POLICY_LABEL[q.gradingPolicy]}
                </td>
                <td className="py-2 pr-3">
                  {q.learners}명 · {q.attempts}회
                </td>
                <td className="py-2">{q.status === "archived" ? "보관됨" : "사용 중"}</td>
              </tr>
            ))}
        </StaffTable>
      )}
    </div>
  );
}
