import { ESSAY_SOURCE_LABEL, type GradingItem } from "@/lib/api/grading-contracts";
import { selfAssessmentText } from "@/lib/api/self-assessment-contracts";
import { SafeMarkdown } from "../quiz/safe-markdown";
import { EssayGradeNote } from "./essay-grade-note";

/** A learner's own essay answers and, once an instructor has marked them, the 강사 채점 with its comment. */
export function MyEssays({ items }: { items: readonly GradingItem[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="my-essays-title" className="mt-10">
      <h2 id="my-essays-title" className="text-xl font-bold text-slate-900 dark:text-white">
        서술형 답안
      </h2>
      <ol className="mt-4 space-y-4">
        {items.map((e) => (
          <li
            key={`${e.target}-${e.id}`}
            className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
            data-testid={`my-essay-${e.questionId}`}
          >
            <p className="text-sm text-slate-600 dark:text-slate-400">{ESSAY_SOURCE_LABEL[e.source]}</p>
            <p className="font-semibold text-slate-900 dark:text-white">
              <SafeMarkdown inline text={e.prompt} />
            </p>
            <p className="whitespace-pre-wrap break-words text-slate-800 dark:text-slate-200">{e.text}</p>
            {e.grades[0] ? (
              <EssayGradeNote grade={e.grades[0]} />
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {e.selfAssessment === null
                  ? "채점 대기 · 스스로 채점하지 않아 지금은 0점으로 셉니다."
                  : `채점 대기 · 지금은 스스로 채점한 ${selfAssessmentText(e.selfAssessment)}으로 셉니다.`}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
