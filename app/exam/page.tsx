import type { Metadata } from "next";
import Link from "next/link";
import { ExamRunner } from "@/components/assessment/exam-runner";
import { DEFAULT_PASS_RATIO, GRADING_POLICY_LABEL, overallGrade } from "@/lib/assessment/exam-policy";
import { EXAM_SIZE } from "@/lib/assessment/handlers";
import { pageLearner } from "@/lib/assessment/page-learner";
import { listExamAttempts } from "@/lib/assessment/store";

export const metadata: Metadata = { title: "종합 평가" };
export const dynamic = "force-dynamic";

const pct = (r: number) => `${Math.round(r * 100)}%`;

/** 종합 평가: a course-wide exam drawn by concept coverage, with the learner's earlier attempts. */
export default async function ExamPage() {
  const learner = await pageLearner();
  const attempts = learner ? await listExamAttempts(learner) : [];
  const best = overallGrade(attempts, "highest");
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">종합 평가</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        여섯 장 전체에서 개념이 고루 들어가도록 {EXAM_SIZE}문항을 뽑습니다. 전에 풀었던 문항은 문제 은행을 다 쓸 때까지 다시 나오지
        않습니다. 채점과 해설은 모두 제출한 뒤 결과 페이지에서 보여 주며, {pct(DEFAULT_PASS_RATIO)} 이상이면 합격입니다.
      </p>
      {attempts.length > 0 && (
        <section aria-labelledby="past-title" className="mt-6">
          <h2 id="past-title" className="text-lg font-bold text-slate-900 dark:text-white">
            지난 응시 ({GRADING_POLICY_LABEL.highest} {best === null ? "-" : pct(best)})
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {attempts.map((a) => (
              <li key={a.id}>
                <Link href={`/results/${a.id}`} className="text-sky-700 underline dark:text-sky-400">
                  {a.submittedAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {a.score} / {a.maxScore} · {a.passed ? "합격" : "불합격"}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ExamRunner />
    </div>
  );
}
