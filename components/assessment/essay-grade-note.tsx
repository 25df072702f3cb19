import { ESSAY_MAX_SCORE, kstText, type EssayGradeDto } from "@/lib/api/grading-contracts";

/** What a learner sees of an instructor's mark on their essay: "강사 채점", the points and the comment. */
export function EssayGradeNote({ grade }: { grade: EssayGradeDto }) {
  return (
    <div
      className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950/60"
      data-testid="instructor-grade"
    >
      <p className="font-semibold text-slate-900 dark:text-white">
        강사 채점: {grade.score} / {ESSAY_MAX_SCORE}점
      </p>
      {grade.comment && <p className="mt-1 whitespace-pre-wrap text-slate-800 dark:text-slate-200">{grade.comment}</p>}
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {grade.graderName ?? "강사"} · {kstText(grade.gradedAt)}
      </p>
    </div>
  );
}
