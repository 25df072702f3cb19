"use client";

import { useRef, useState } from "react";
import { useSession } from "@/components/auth/session-provider";

export interface ReportProblemProps {
  chapterSlug: string;
  /** the question reported (its current version is attached on the server) */
  questionId?: string;
  /** instead of one questionId: the learner picks which of these questions the report is about */
  questions?: { id: string; label: string }[];
  /** the widget reported, with its simulator scenario as an opaque string to replay */
  widget?: string;
  scenario?: () => string | undefined;
  /** what the report is about, for screen readers when a page has several "문제 신고" buttons */
  about?: string;
}

/** "문제 신고": a small button and dialog any quiz question or widget can include. */
export function ReportProblem({ chapterSlug, questionId, questions, widget, scenario, about }: ReportProblemProps) {
  const session = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [message, setMessage] = useState("");
  const [picked, setPicked] = useState(questions?.[0]?.id);
  const [status, setStatus] = useState<string | null>(null);
  if (session.status !== "signed-in") return null;

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await fetch("/api/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ chapterSlug, questionId: questionId ?? picked, widget, scenario: scenario?.(), message }),
    });
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      setStatus("신고했습니다. 고맙습니다.");
      setMessage("");
      dialog.current?.close();
    } else setStatus(data.error ?? "신고하지 못했습니다.");
  };

  return (
    <>
      <button
        type="button"
        aria-label={about ? `문제 신고 (${about})` : undefined}
        onClick={() => dialog.current?.showModal()}
        className="text-xs text-slate-600 underline hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-200">
        문제 신고
      </button>
      {status && (
        <span role="status" className="ml-2 text-xs text-slate-600 dark:text-slate-400">
          {status}
        </span>
      )}
      <dialog ref={dialog} aria-label="문제 신고" className="rounded-lg p-5 backdrop:bg-black/40 dark:bg-slate-900 dark:text-white">
        <form onSubmit={send} className="w-80 space-y-3">
          <h2 className="font-bold">문제 신고</h2>
          {questions && questions.length > 0 && (
            <label className="block text-sm">
              어느 문제인가요?
              <select value={picked} onChange={(e) => setPicked(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 p-2 dark:border-slate-600 dark:bg-slate-950">
                {questions.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="block text-sm">
            무엇이 이상한가요?
            <textarea required maxLength={2000} rows={4} value={message} onChange={(e) => setMessage(e.target.value)} className="mt-1 block w-full rounded-md border border-slate-300 p-2 dark:border-slate-600 dark:bg-slate-950" />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" onClick={() => dialog.current?.close()} className="rounded-md border px-3 py-1.5 text-sm">
              취소
            </button>
            <button type="submit" className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white">
              보내기
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
