"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { QuestionView } from "@/components/quiz/question-view";
import { SafeMarkdown } from "@/components/quiz/safe-markdown";
import type { QuestionSaved, QuestionStatus } from "@/lib/db/instructor-schema";
import { STATUS_LABEL } from "@/lib/db/instructor-schema";
import type { Question, QuestionType } from "@/lib/quiz/schema";
import { fromQuestion, previewQuestion, toDraft, type EditorState } from "./editor-state";
import { FieldError, input, TypeFields } from "./type-fields";
import { TYPE_LABEL } from "./labels";
import { useJsonSave } from "./use-json-save";

/** The types this editor writes so far; others are authored in content/ quiz files. */
export interface QuestionEditorProps {
  questionId: string | null;
  initial: Question | null;
  chapterSlug: string;
  status: QuestionStatus;
  chapters: { slug: string; label: string }[];
}

/** The question editor: every field of every question type, with the learner's view beside it. */
export function QuestionEditor({ questionId, initial, chapterSlug, status, chapters }: QuestionEditorProps) {
  const router = useRouter();
  const [s, setS] = useState(() => fromQuestion(initial, chapterSlug, status));
  const { errors, message, pending, described, send, setMessage } = useJsonSave();
  const set = <K extends keyof EditorState>(k: K, v: EditorState[K]) => setS((p) => ({ ...p, [k]: v }));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const url = questionId ? `/api/instructor/questions/${questionId}` : "/api/instructor/questions";
    const data = await send<QuestionSaved>(url, questionId ? "PUT" : "POST", { chapterSlug: s.chapterSlug, status: s.status, question: toDraft(s) });
    if (!data) return;
    setMessage(data.changed === false ? "바뀐 내용이 없습니다." : `저장했습니다 (버전 ${data.version}).`);
    if (!questionId) router.push(`/instructor/questions/${data.id}`);
    else router.refresh();
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
            <select className={input} value={s.type} onChange={(e) => set("type", e.target.value as QuestionType)}>
              {Object.entries(TYPE_LABEL).map(([t, label]) => (
                <option key={t} value={t}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="block text-sm font-semibold">
          {s.type === "simulation" ? "문제 앞에 붙일 안내 (Markdown, 선택)" : "문제 (Markdown)"}
          <textarea className={input} rows={4} value={s.prompt} onChange={(e) => set("prompt", e.target.value)} {...described("prompt")} />
          <FieldError id="err-prompt" errors={errors} name="prompt" />
        </label>
        <TypeFields s={s} setS={setS} errors={errors} described={described} />
        <label className="block text-sm font-semibold">
          {s.type === "simulation" ? "해설 (Markdown, 선택: 엔진의 해설이 늘 붙습니다)" : "해설 (Markdown, 제출 후에만 보입니다)"}
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
        <FieldError id="err-question" errors={errors} name="question" />
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
        <Preview s={s} />
      </section>
    </div>
  );
}

/** The learner's view of the question being edited: the same component and Markdown students get. */
function Preview({ s }: { s: EditorState }) {
  const q = previewQuestion(s);
  if (!q)
    return (
      <div className="mt-3 space-y-2">
        <SafeMarkdown text={s.prompt || "(문제를 입력하세요)"} />
        <p className="text-sm text-slate-600 dark:text-slate-400">항목을 채우면 수강생이 보는 문제가 여기에 나타납니다.</p>
      </div>
    );
  return (
    <div className="mt-3">
      <QuestionView key={JSON.stringify(q)} question={q} />
    </div>
  );
}
