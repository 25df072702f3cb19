"use client";

// The pieces every signed, timed attempt shares in the browser (종합 평가 and class quizzes): posting
// JSON with a Korean error, the countdown that submits at the server's deadline, and the answer form.
import { useEffect, useRef, useState } from "react";
import type { PublicQuestion } from "@/lib/quiz/contracts";
import { QuestionView, type AnswerValue } from "../quiz/question-view";

export type PostOutcome<T> = { ok: true; data: T } | { ok: false; error: string };

/** POSTs JSON and returns the body, or the server's Korean `error` (or a Korean network message). */
export async function postJson<T>(url: string, body: unknown): Promise<PostOutcome<T>> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    return res.ok ? { ok: true, data: data as T } : { ok: false, error: (data as { error?: string }).error ?? "요청을 처리하지 못했습니다." };
  } catch {
    return { ok: false, error: "서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도해 주세요." };
  }
}

/**
 * Seconds left until `deadline` (ISO), ticking every second, or null when untimed. At the deadline it
 * calls `onExpire` once: the server refuses late submissions, so sending then keeps what was answered.
 */
export function useDeadline(deadline: string | null | undefined, onExpire: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);
  useEffect(() => {
    if (!deadline) return;
    const at = Date.parse(deadline);
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= at) {
        clearInterval(id);
        expire.current();
      }
    };
    const id = setInterval(tick, 1000);
    // Counts from now at once, not from when the component mounted.
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(id);
      clearTimeout(first);
    };
  }, [deadline]);
  return deadline ? Math.max(0, Math.round((Date.parse(deadline) - now) / 1000)) : null;
}

/** "N분 SS초" for a countdown. */
export const countdown = (sec: number) => `${Math.floor(sec / 60)}분 ${String(sec % 60).padStart(2, "0")}초`;

/** An attempt's questions as one controlled answer form (answers by question id; clearing one removes it). */
export function AttemptQuestions({
  questions,
  answers,
  onAnswers,
}: {
  questions: PublicQuestion[];
  answers: Record<string, AnswerValue>;
  onAnswers: (update: (a: Record<string, AnswerValue>) => Record<string, AnswerValue>) => void;
}) {
  return questions.map((q, i) => (
    <QuestionView
      key={q.id}
      question={q}
      index={i}
      value={answers[q.id]}
      onChange={(v) =>
        onAnswers((a) => {
          const next = { ...a };
          if (v === undefined) delete next[q.id];
          else next[q.id] = v;
          return next;
        })
      }
    />
  ));
}
