"use client";

import { useRef, useState } from "react";
import { input } from "./type-fields";

/** A class quiz's share link with a copy button; where the clipboard is refused, the link is selected instead. */
export function QuizShareLink({ url }: { url: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("링크를 복사했습니다. 수강생에게 보내 주세요.");
    } catch {
      ref.current?.select();
      setStatus("복사하지 못했습니다. 선택된 링크를 Ctrl+C로 복사해 주세요.");
    }
  };
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="block min-w-72 flex-1 text-sm font-semibold">
        공유 링크
        <input ref={ref} className={`${input} font-mono`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={copy} className="rounded-md bg-sky-700 px-3 py-2 text-sm font-semibold text-white hover:bg-sky-800">
        링크 복사
      </button>
      <p role="status" aria-live="polite" className="w-full text-sm text-slate-600 dark:text-slate-400">
        {status}
      </p>
    </div>
  );
}
