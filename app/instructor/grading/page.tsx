import type { Metadata } from "next";
import { EssayGradeForm } from "@/components/instructor/essay-grade-form";
import { SafeMarkdown } from "@/components/quiz/safe-markdown";
import {
  ESSAY_MAX_SCORE,
  ESSAY_SOURCE_LABEL,
  GRADING_STATE_LABEL,
  GRADING_STATES,
  gradingQuerySchema,
  kstText,
  type GradingItem,
} from "@/lib/api/grading-contracts";
import { selfAssessmentText } from "@/lib/api/self-assessment-contracts";
import { listChapters } from "@/lib/content/chapters";
import { essayQuestionsForFilter, listEssayAnswers } from "@/lib/db/grading";
import { requireStaffPage } from "../require-staff";

export const metadata: Metadata = { title: "서술형 채점" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

/** 서술형 채점: essay answers from chapter quizzes, practice, review and exams, with the model answer and a mark form. */
export default async function GradingPage({ searchParams }: Props) {
  await requireStaffPage("/instructor/grading");
  const sp = await searchParams;
  // A hand-edited query that does not parse falls back to the default queue instead of an error page.
  const parsed = gradingQuerySchema.safeParse({ chapter: one(sp.chapter), question: one(sp.question), state: one(sp.state) });
  const query = parsed.success ? { ...parsed.data, state: parsed.data.state ?? "pending" } : { state: "pending" as const };
  const [chapters, questions, items] = await Promise.all([listChapters(), essayQuestionsForFilter(), listEssayAnswers(query)]);
  const chapterName = new Map(chapters.map((c) => [c.slug, `${c.order}장 ${c.title}`]));
  const select = "mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-600 dark:bg-slate-950";

  return (
    <div>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">서술형 채점</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        장 퀴즈·장 연습·오늘의 복습·종합 평가에서 받은 서술형 답안입니다. 모범 답안과 비교해 0~{ESSAY_MAX_SCORE}점(부분 점수 가능)을 주면
        학습자의 스스로 채점 대신 그 점수가 퀴즈·시험 점수와 숙련도에 들어가고, 학습자는 결과에서 강사 채점과 의견을 봅니다. 다시 채점하면
        점수가 바뀌고 이전 채점은 기록으로 남습니다.
      </p>
      <form className="mt-6 flex flex-wrap items-end gap-3 text-sm" role="search" aria-label="서술형 답안 거르기">
        <label>
          장
          <select name="chapter" defaultValue={query.chapter ?? ""} className={select}>
            <option value="">모든 장</option>
            {chapters.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.order}장 {c.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          문항
          <select name="question" defaultValue={query.question ?? ""} className={`${select} max-w-xs`}>
            <option value="">모든 문항</option>
            {questions.map((q) => (
              <option key={q.questionId} value={q.questionId}>
                {q.prompt.slice(0, 40)} ({q.questionId})
              </option>
            ))}
          </select>
        </label>
        <label>
          상태
          <select name="state" defaultValue={query.state} className={select}>
            {GRADING_STATES.map((s) => (
              <option key={s} value={s}>
                {GRADING_STATE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 font-semibold dark:border-slate-600">
          거르기
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-600 dark:text-slate-400" role="status">
        {GRADING_STATE_LABEL[query.state]} {items.length}건
      </p>
      {items.length === 0 ? (
        <p className="mt-4 rounded-xl border border-slate-200 p-5 dark:border-slate-700">조건에 맞는 서술형 답안이 없습니다.</p>
      ) : (
        <ol className="mt-4 space-y-6">
          {items.map((item) => (
            <GradingEntry key={`${item.target}-${item.id}`} item={item} chapter={chapterName.get(item.chapterSlug) ?? item.chapterSlug} />
          ))}
        </ol>
      )}
    </div>
  );
}

function GradingEntry({ item, chapter }: { item: GradingItem; chapter: string }) {
  const label = "text-sm font-semibold text-slate-700 dark:text-slate-300";
  return (
    <li className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={`essay-${item.id}`}>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {ESSAY_SOURCE_LABEL[item.source]} · {chapter} · {item.learnerName} · {kstText(item.answeredAt)}
      </p>
      <h2 className="mt-2 font-semibold text-slate-900 dark:text-white">
        <SafeMarkdown inline text={item.prompt} />
      </h2>
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <section aria-label="학습자 답안">
          <h3 className={label}>학습자 답안</h3>
          {/* Plain text: whatever the learner typed (HTML, script, Markdown) shows as the characters typed. */}
          <p
            className="mt-1 rounded-md border border-slate-200 p-3 whitespace-pre-wrap break-words dark:border-slate-700"
            data-testid="learner-text"
          >
            {item.text || "(빈 답안)"}
          </p>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">스스로 채점: {selfAssessmentText(item.selfAssessment)}</p>
        </section>
        <section aria-label="모범 답안">
          <h3 className={label}>모범 답안</h3>
          <div className="mt-1 rounded-md bg-slate-50 p-3 dark:bg-slate-900">
            <SafeMarkdown text={item.modelAnswer} />
          </div>
        </section>
      </div>
      <EssayGradeForm target={item.target} id={item.id} grades={item.grades} provisionalScore={item.score} />
    </li>
  );
}
