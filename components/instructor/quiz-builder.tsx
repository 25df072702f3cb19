"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeRule } from "@/lib/assessment/class-quiz";
import { FEEDBACK_MODES, GRADING_POLICIES, type ClassQuizDto, type ClassQuizSaved, type FeedbackMode } from "@/lib/assessment/class-quiz-contracts";
import { GRADING_POLICY_LABEL, type GradingPolicy } from "@/lib/assessment/exam-policy";
import { TYPE_LABEL } from "./labels";
import { QuizBuilderPicker, type BankOption } from "./quiz-builder-picker";
import { emptyBuilder, fromDto, moveItem, toInput, validateBuilder, type BuilderState } from "./quiz-builder-state";
import { FieldError, input } from "./type-fields";
import { useJsonSave } from "./use-json-save";

export interface QuizBuilderProps {
  /** The saved quiz when editing; null for a new one. */
  quiz: ClassQuizDto | null;
  bank: BankOption[];
  chapters: { slug: string; label: string }[];
  concepts: string[];
}

const FEEDBACK_LABEL: Record<FeedbackMode, string> = { "after-attempt": "제출할 때마다 바로", "after-close": "마감된 뒤에만" };
const small = "block text-sm font-semibold";
const iconButton = "rounded border border-slate-300 px-2 py-0.5 text-xs font-semibold disabled:opacity-40 dark:border-slate-600";

/** The class-quiz builder: title, rules, and fixed questions and random draw rules from the bank, in order. */
export function QuizBuilder({ quiz, bank, chapters, concepts }: QuizBuilderProps) {
  const router = useRouter();
  const [s, setS] = useState<BuilderState>(() => (quiz ? fromDto(quiz) : emptyBuilder()));
  const { errors, setErrors, message, setMessage, pending, described, send } = useJsonSave();
  const set = <K extends keyof BuilderState>(k: K, v: BuilderState[K]) => setS((p) => ({ ...p, [k]: v }));
  const byId = new Map(bank.map((q) => [q.id, q]));
  const chapterLabel = (slug: string) => chapters.find((c) => c.slug === slug)?.label ?? slug;
  const chosen = new Set(s.items.flatMap((i) => (i.kind === "fixed" ? [i.questionId] : [])));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const local = validateBuilder(s);
    setErrors(local);
    if (Object.keys(local).length) return setMessage("입력한 내용을 확인해 주세요.");
    const url = quiz ? `/api/instructor/quizzes/${quiz.id}` : "/api/instructor/quizzes";
    const data = await send<ClassQuizSaved>(url, quiz ? "PUT" : "POST", toInput(s));
    if (!data) return;
    setMessage("저장했습니다.");
    if (!quiz) router.push(`/instructor/quizzes/${data.quiz.id}`);
    else router.refresh();
  };

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form onSubmit={save} className="space-y-5" aria-label="퀴즈 만들기" noValidate>
        <label className={small}>
          제목
          <input className={input} value={s.title} onChange={(e) => set("title", e.target.value)} {...described("title")} />
          <FieldError id="err-title" errors={errors} name="title" />
        </label>
        <label className={small}>
          설명 (선택)
          <textarea className={input} rows={3} value={s.description} onChange={(e) => set("description", e.target.value)} {...described("description")} />
          <FieldError id="err-description" errors={errors} name="description" />
        </label>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className={small}>
            제한 시간(분, 비우면 없음)
            <input className={input} type="number" min={1} max={300} value={s.timeLimitMinutes} onChange={(e) => set("timeLimitMinutes", e.target.value)} {...described("timeLimitMinutes")} />
            <FieldError id="err-timeLimitMinutes" errors={errors} name="timeLimitMinutes" />
          </label>
          <label className={small}>
            응시 횟수(비우면 제한 없음)
            <input className={input} type="number" min={1} max={20} value={s.maxAttempts} onChange={(e) => set("maxAttempts", e.target.value)} {...described("maxAttempts")} />
            <FieldError id="err-maxAttempts" errors={errors} name="maxAttempts" />
          </label>
          <label className={small}>
            성적 방식
            <select className={input} value={s.gradingPolicy} onChange={(e) => set("gradingPolicy", e.target.value as GradingPolicy)}>
              {GRADING_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {GRADING_POLICY_LABEL[p]}
                </option>
              ))}
            </select>
          </label>
          <label className={small}>
            정답과 해설 보여 주기
            <select className={input} value={s.feedback} onChange={(e) => set("feedback", e.target.value as FeedbackMode)}>
              {FEEDBACK_MODES.map((m) => (
                <option key={m} value={m}>
                  {FEEDBACK_LABEL[m]}
                </option>
              ))}
            </select>
          </label>
          <label className={small}>
            시작 시각(선택)
            <input className={input} type="datetime-local" value={s.opensAt} onChange={(e) => set("opensAt", e.target.value)} {...described("opensAt")} />
            <FieldError id="err-opensAt" errors={errors} name="opensAt" />
          </label>
          <label className={small}>
            마감 시각(선택)
            <input className={input} type="datetime-local" value={s.closesAt} onChange={(e) => set("closesAt", e.target.value)} {...described("closesAt")} />
            <FieldError id="err-closesAt" errors={errors} name="closesAt" />
          </label>
        </div>
        <section aria-labelledby="items-title">
          <h2 id="items-title" className="text-lg font-bold text-slate-900 dark:text-white">
            문항 ({s.items.length}개 항목)
          </h2>
          <FieldError id="err-items" errors={errors} name="items" />
          {s.items.length === 0 && <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">오른쪽에서 문제를 고르거나 무작위 규칙을 추가하세요.</p>}
          <ol className="mt-2 space-y-2" aria-label="퀴즈 문항">
            {s.items.map((item, i) => {
              const q = item.kind === "fixed" ? byId.get(item.questionId) : undefined;
              const label =
                item.kind === "fixed"
                  ? `고정 문항: ${q?.prompt || item.questionId}`
                  : `무작위: ${describeRule(item, { chapter: chapterLabel, type: (t) => TYPE_LABEL[t] ?? t })}`;
              return (
                <li key={`${i}-${item.kind === "fixed" ? item.questionId : "draw"}`} className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
                  <div className="flex items-start justify-between gap-2">
                    <span>
                      {i + 1}. {label}
                    </span>
                    <span className="flex shrink-0 gap-1">
                      <button type="button" className={iconButton} disabled={i === 0} aria-label={`${i + 1}번 항목 위로`} onClick={() => set("items", moveItem(s.items, i, -1))}>
                        ↑
                      </button>
                      <button type="button" className={iconButton} disabled={i === s.items.length - 1} aria-label={`${i + 1}번 항목 아래로`} onClick={() => set("items", moveItem(s.items, i, 1))}>
                        ↓
                      </button>
                      <button type="button" className={iconButton} aria-label={`${i + 1}번 항목 빼기`} onClick={() => set("items", s.items.filter((_, j) => j !== i))}>
                        빼기
                      </button>
                    </span>
                  </div>
                  <FieldError id={`err-items.${i}`} errors={errors} name={`items.${i}`} />
                </li>
              );
            })}
          </ol>
        </section>
        {message && (
          <p role="status" aria-live="polite" className="text-sm font-semibold">
            {message}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
          {pending ? "저장하는 중…" : quiz ? "퀴즈 저장" : "퀴즈 만들기"}
        </button>
      </form>
      <QuizBuilderPicker bank={bank} chapters={chapters} concepts={concepts} chosen={chosen} onAdd={(item) => set("items", [...s.items, item])} />
    </div>
  );
}
