"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { QuizForm } from "@/components/quiz/quiz-form";
import type { FieldErrors, QuestionStatus } from "@/lib/db/instructor-schema";
import { STATUS_LABEL } from "@/lib/db/instructor-schema";
import type { PublicQuestion } from "@/lib/quiz/public";
import type { Question } from "@/lib/quiz/schema";
import { TYPE_LABEL } from "./labels";

/** The types this editor writes so far; others are authored in content/ quiz files. */
type QType = "single" | "multiple" | "true-false" | "short-answer" | "numeric";
const EDITABLE: readonly string[] = ["single", "multiple", "true-false", "short-answer", "numeric"];
interface Option {
  id: string;
  text: string;
}
interface EditorState {
  type: QType;
  prompt: string;
  options: Option[];
  single: string;
  multiple: string[];
  trueFalse: boolean;
  shortAnswers: string;
  numericValue: string;
  numericTolerance: string;
  explanation: string;
  concepts: string;
  chapterSlug: string;
  status: QuestionStatus;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

function fromQuestion(q: Question | null, chapterSlug: string, status: QuestionStatus): EditorState {
  const s: EditorState = {
    type: q && EDITABLE.includes(q.type) ? (q.type as QType) : "single",
    prompt: q?.prompt ?? "",
    options: [
      { id: "a", text: "" },
      { id: "b", text: "" },
    ],
    single: "a",
    multiple: [],
    trueFalse: true,
    shortAnswers: "",
    numericValue: "",
    numericTolerance: "0",
    explanation: q?.explanation ?? "",
    concepts: q?.concepts.join(", ") ?? "",
    chapterSlug,
    status,
  };
  if (!q) return s;
  if (q.type === "single") Object.assign(s, { options: q.options, single: q.answer });
  if (q.type === "multiple") Object.assign(s, { options: q.options, multiple: q.answer });
  if (q.type === "true-false") s.trueFalse = q.answer;
  if (q.type === "short-answer") s.shortAnswers = q.answer.map((a) => (typeof a === "string" ? a : a.text)).join("\n");
  if (q.type === "numeric") {
    const a = Array.isArray(q.answer) ? q.answer[0] : q.answer;
    const [value, tolerance] = "min" in a ? [(a.min + a.max) / 2, (a.max - a.min) / 2] : [a.value, a.tolerance];
    Object.assign(s, { numericValue: String(value), numericTolerance: String(tolerance) });
  }
  return s;
}

/** The question as the server validates it (same shape as content/ quiz.yaml questions, without id). */
function toDraft(s: EditorState): Record<string, unknown> {
  const base = {
    type: s.type,
    prompt: s.prompt,
    explanation: s.explanation,
    concepts: s.concepts
      .split(/[,\s]+/)
      .map((c) => c.trim().toLowerCase())
      .filter(Boolean),
  };
  switch (s.type) {
    case "single":
      return { ...base, options: s.options, answer: s.single };
    case "multiple":
      return { ...base, options: s.options, answer: s.multiple };
    case "true-false":
      return { ...base, answer: s.trueFalse };
    case "short-answer":
      return { ...base, answer: s.shortAnswers.split("\n").map((a) => a.trim()).filter(Boolean) };
    case "numeric":
      return { ...base, answer: { value: s.numericValue === "" ? NaN : Number(s.numericValue), tolerance: Number(s.numericTolerance || 0) } };
  }
}

function previewQuestion(s: EditorState): PublicQuestion {
  if (s.type === "single" || s.type === "multiple")
    return { id: "preview", type: s.type, prompt: s.prompt || "(문제를 입력하세요)", options: s.options.map((o) => ({ id: o.id, text: o.text || "(보기)" })) };
  return { id: "preview", type: s.type, prompt: s.prompt || "(문제를 입력하세요)" };
}

export interface QuestionEditorProps {
  questionId: string | null;
  initial: Question | null;
  chapterSlug: string;
  status: QuestionStatus;
  chapters: { slug: string; label: string }[];
}

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";

function FieldError({ id, errors, name }: { id: string; errors: FieldErrors; name: string }) {
  const msg = errors[name];
  if (!msg) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {msg}
    </p>
  );
}

/** The question editor: every field of every question type, with the learner's view beside it. */
export function QuestionEditor({ questionId, initial, chapterSlug, status, chapters }: QuestionEditorProps) {
  const router = useRouter();
  const [s, setS] = useState(() => fromQuestion(initial, chapterSlug, status));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = <K extends keyof EditorState>(k: K, v: EditorState[K]) => setS((p) => ({ ...p, [k]: v }));
  const described = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `err-${name}` } : {});

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch(questionId ? `/api/instructor/questions/${questionId}` : "/api/instructor/questions", {
        method: questionId ? "PUT" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ chapterSlug: s.chapterSlug, status: s.status, question: toDraft(s) }),
      });
      const data = await res.json();
      if (!res.ok) {
        setErrors(data.fieldErrors ?? {});
        setMessage(data.error ?? "저장하지 못했습니다.");
        return;
      }
      setErrors({});
      setMessage(data.changed === false ? "바뀐 내용이 없습니다." : `저장했습니다 (버전 ${data.version}).`);
      if (!questionId) router.push(`/instructor/questions/${data.id}`);
      else router.refresh();
    } catch {
      setMessage("서버에 연결하지 못했습니다. 입력한 내용은 그대로 있습니다.");
    } finally {
      setPending(false);
    }
  };

  const setOption = (i: number, text: string) => set("options", s.options.map((o, j) => (j === i ? { ...o, text } : o)));
  const addOption = () => s.options.length < 8 && set("options", [...s.options, { id: LETTERS[s.options.length], text: "" }]);
  const removeOption = (i: number) => {
    const kept = s.options.filter((_, j) => j !== i).map((o, j) => ({ ...o, id: LETTERS[j] }));
    setS((p) => ({ ...p, options: kept, single: "a", multiple: [] }));
  };

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form onSubmit={save} className="space-y-5" aria-label="문제 편집" noValidate>
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-sm font-semibold">
            장
            <select className={input} value={s.chapterSlug} onChange={(e) => set("chapterSlug", e.target.value)} {...described("chapterSlug")}>
              {chapters.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.label}
                </option>
              ))}
            </select>
            <FieldError id="err-chapterSlug" errors={errors} name="chapterSlug" />
          </label>
          <label className="block text-sm font-semibold">
            유형
            <select className={input} value={s.type} onChange={(e) => set("type", e.target.value as QType)}>
              {Object.entries(TYPE_LABEL).filter(([t]) => EDITABLE.includes(t)).map(([t, label]) => (
                <option key={t} value={t}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="block text-sm font-semibold">
          문제 (Markdown)
          <textarea className={input} rows={4} value={s.prompt} onChange={(e) => set("prompt", e.target.value)} {...described("prompt")} />
          <FieldError id="err-prompt" errors={errors} name="prompt" />
        </label>
        {(s.type === "single" || s.type === "multiple") && (
          <fieldset className="space-y-2">
            <legend className="text-sm font-semibold">보기와 정답</legend>
            {s.options.map((o, i) => (
              <div key={o.id} className="flex items-start gap-2">
                <input
                  type={s.type === "single" ? "radio" : "checkbox"}
                  name="correct"
                  aria-label={`보기 ${o.id} 정답`}
                  className="mt-3"
                  checked={s.type === "single" ? s.single === o.id : s.multiple.includes(o.id)}
                  onChange={(e) =>
                    s.type === "single"
                      ? set("single", o.id)
                      : set("multiple", e.target.checked ? [...s.multiple, o.id] : s.multiple.filter((x) => x !== o.id))
                  }
                />
                <div className="flex-1">
                  <input aria-label={`보기 ${o.id}`} className={input} value={o.text} onChange={(e) => setOption(i, e.target.value)} {...described(`options.${i}.text`)} />
                  <FieldError id={`err-options.${i}.text`} errors={errors} name={`options.${i}.text`} />
                </div>
                {s.options.length > 2 && (
                  <button type="button" onClick={() => removeOption(i)} className="mt-2 text-sm text-red-700 dark:text-red-400" aria-label={`보기 ${o.id} 삭제`}>
                    삭제
                  </button>
                )}
              </div>
            ))}
            <button type="button" onClick={addOption} className="text-sm font-semibold text-sky-700 dark:text-sky-400">
              + 보기 추가
            </button>
            <FieldError id="err-options" errors={errors} name="options" />
            <FieldError id="err-answer" errors={errors} name="answer" />
          </fieldset>
        )}
        {s.type === "true-false" && (
          <fieldset>
            <legend className="text-sm font-semibold">정답</legend>
            <label className="mr-4">
              <input type="radio" name="tf" checked={s.trueFalse} onChange={() => set("trueFalse", true)} /> 참
            </label>
            <label>
              <input type="radio" name="tf" checked={!s.trueFalse} onChange={() => set("trueFalse", false)} /> 거짓
            </label>
          </fieldset>
        )}
        {s.type === "short-answer" && (
          <label className="block text-sm font-semibold">
            인정할 답 (한 줄에 하나)
            <textarea className={input} rows={3} value={s.shortAnswers} onChange={(e) => set("shortAnswers", e.target.value)} {...described("answer")} />
            <FieldError id="err-answer" errors={errors} name="answer" />
          </label>
        )}
        {s.type === "numeric" && (
          <div className="grid grid-cols-2 gap-3">
            <label className="block text-sm font-semibold">
              정답 값
              <input className={input} inputMode="decimal" value={s.numericValue} onChange={(e) => set("numericValue", e.target.value)} {...described("answer.value")} />
              <FieldError id="err-answer.value" errors={errors} name="answer.value" />
            </label>
            <label className="block text-sm font-semibold">
              허용 오차
              <input className={input} inputMode="decimal" value={s.numericTolerance} onChange={(e) => set("numericTolerance", e.target.value)} {...described("answer.tolerance")} />
              <FieldError id="err-answer.tolerance" errors={errors} name="answer.tolerance" />
            </label>
          </div>
        )}
        <label className="block text-sm font-semibold">
          해설 (Markdown, 제출 후에만 보입니다)
          <textarea className={input} rows={3} value={s.explanation} onChange={(e) => set("explanation", e.target.value)} {...described("explanation")} />
          <FieldError id="err-explanation" errors={errors} name="explanation" />
        </label>
        <label className="block text-sm font-semibold">
          개념 태그 (쉼표로 구분, 예: isr, acks)
          <input className={input} value={s.concepts} onChange={(e) => set("concepts", e.target.value)} {...described("concepts")} />
          <FieldError id="err-concepts" errors={errors} name="concepts" />
          <FieldError id="err-concepts.0" errors={errors} name="concepts.0" />
        </label>
        <label className="block text-sm font-semibold">
          상태
          <select className={input} value={s.status} onChange={(e) => set("status", e.target.value as QuestionStatus)}>
            {Object.entries(STATUS_LABEL).map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {message && (
          <p role="status" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
            {message}
          </p>
        )}
        <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-5 py-2.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
          {pending ? "저장 중…" : "저장"}
        </button>
      </form>
      <section aria-label="수강생 화면 미리 보기">
        <h2 className="text-sm font-semibold text-slate-600 dark:text-slate-400">미리 보기 (수강생이 보는 화면)</h2>
        <QuizForm key={JSON.stringify(previewQuestion(s))} quiz={{ id: "preview", chapterSlug: s.chapterSlug, title: "수강생이 보는 퀴즈", questions: [previewQuestion(s)] }} />
      </section>
    </div>
  );
}
