import type { GradedQuestion, PublicQuestion } from "@/lib/quiz/contracts";
import { SafeMarkdown } from "./safe-markdown";

function optionText(options: { id: string; text: string }[], ids: string[]): string {
  return ids.map((id) => options.find((o) => o.id === id)?.text ?? id).join(", ");
}

/** The key of a graded question in words, or null when the mode withholds it. */
export function describeKey(q: PublicQuestion, g: GradedQuestion): string | null {
  if (g.correctAnswer === undefined) return null;
  switch (g.type) {
    case "single":
      return q.type === "single" ? optionText(q.options, [g.correctAnswer!]) : g.correctAnswer!;
    case "multiple":
      return q.type === "multiple" ? optionText(q.options, g.correctAnswer!) : g.correctAnswer!.join(", ");
    case "true-false":
      return g.correctAnswer ? "참" : "거짓";
    case "short-answer":
      return g.correctAnswer!.join(" 또는 ");
    case "numeric": {
      const k = g.correctAnswer!;
      return "min" in k ? `${k.min} ~ ${k.max}` : k.tolerance ? `${k.value} (±${k.tolerance})` : String(k.value);
    }
    case "matching":
      return q.type === "matching" ? q.items.map((i) => `${i.prompt} → ${g.correctAnswer![i.id]}`).join(", ") : null;
    case "ordering":
      return q.type === "ordering" ? g.correctAnswer!.map((id) => q.items.find((i) => i.id === id)?.text ?? id).join(" → ") : null;
    case "essay":
      return null;
    case "simulation":
      return optionText(g.correctAnswer!.choices, g.correctAnswer!.choice) || "없음";
  }
}

/** Verdict, key, feedback and explanation of one graded question. */
export function AnswerFeedback({ question: q, graded: g }: { question: PublicQuestion; graded: GradedQuestion }) {
  const key = describeKey(q, g);
  const verdict = g.pending ? "채점 대기" : !g.answered ? "답하지 않음" : g.correct ? "정답" : g.score > 0 ? "부분 정답" : "오답";
  const tone = g.correct
    ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/60"
    : g.pending
      ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/60"
      : "border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/60";
  if (g.correctAnswer === undefined && g.explanation === undefined) {
    return (
      <div className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700" data-testid={`feedback-${q.id}`}>
        제출했습니다. 결과는 응시를 마친 뒤 볼 수 있습니다.
      </div>
    );
  }
  return (
    <div className={`space-y-2 rounded-md border p-3 text-sm ${tone}`} data-testid={`feedback-${q.id}`}>
      <p className="font-semibold text-slate-900 dark:text-white">
        {verdict}
        {g.answered && !g.correct && !g.pending && g.score > 0 && <span className="font-normal"> ({Math.round(g.score * 100)}%)</span>}
        {!g.correct && key && (
          <span className="font-normal">
            {" "}
            · 정답: <SafeMarkdown inline text={key} />
          </span>
        )}
      </p>
      {g.cbm && (
        <p className="text-slate-700 dark:text-slate-300">
          확신도 {g.cbm.confidence} · 확신도 반영 점수 {g.cbm.mark > 0 ? "+" : ""}
          {Number(g.cbm.mark.toFixed(2))}
        </p>
      )}
      {g.feedback?.map((f, i) => (
        <div key={i} className="text-slate-800 dark:text-slate-200">
          <SafeMarkdown text={f} />
        </div>
      ))}
      {g.type === "essay" && g.correctAnswer !== undefined && (
        <div>
          <p className="font-semibold text-slate-900 dark:text-white">모범 답안</p>
          <SafeMarkdown text={g.correctAnswer} />
          {g.pending && <p className="text-slate-600 dark:text-slate-400">내 답을 모범 답안과 비교해 보세요. 강사가 나중에 채점할 수 있습니다.</p>}
        </div>
      )}
      {g.explanation && (
        <div className="text-slate-800 dark:text-slate-200">
          <SafeMarkdown text={g.explanation} />
        </div>
      )}
      {q.type === "simulation" && (
        <p>
          <a href={q.scenarioHref} className="font-semibold text-sky-700 underline dark:text-sky-400">
            이 시나리오를 위젯에서 재생하기
          </a>
        </p>
      )}
    </div>
  );
}
