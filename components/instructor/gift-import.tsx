"use client";

import { useState } from "react";
import type { GiftPreview } from "@/lib/db/bank-gift";
import { TYPE_LABEL } from "./labels";
import { STAFF_ROW } from "./staff-table";

interface Result extends GiftPreview {
  saved: string[];
  error?: string;
}

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-600 dark:bg-slate-950";

/** GIFT import: paste or upload, see every parsed question and every error by line, then save all or nothing. */
export function GiftImport({ chapters }: { chapters: { slug: string; label: string }[] }) {
  const [text, setText] = useState("");
  const [chapterSlug, setChapter] = useState(chapters[0]?.slug ?? "");
  const [result, setResult] = useState<Result | null>(null);
  const [checkedText, setCheckedText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const send = async (save: boolean) => {
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch("/api/instructor/gift", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ text, chapterSlug, save }),
      });
      const data = await res.json();
      if (res.status === 413) return setMessage("파일이 너무 큽니다. 512KB 이하로 나눠서 가져오세요.");
      if (!res.ok && !data.items) return setMessage(data.error ?? "가져오지 못했습니다.");
      setResult(data);
      setCheckedText(text);
      if (save && res.ok) setMessage(`${data.saved.length}개 문제를 초안으로 저장했습니다. 문제 은행에서 확인하고 게시하세요.`);
      else if (!res.ok) setMessage(data.error);
    } catch {
      setMessage("서버에 연결하지 못했습니다.");
    } finally {
      setPending(false);
    }
  };

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (f) setText(await f.text());
  };

  const ready = result && checkedText === text && result.errors.length === 0 && result.items.length > 0 && !result.saved.length;

  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm font-semibold">
          기본 장 ($CATEGORY에 장이 없을 때)
          <select className={input} value={chapterSlug} onChange={(e) => setChapter(e.target.value)}>
            {chapters.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-semibold">
          GIFT 파일 올리기
          <input type="file" accept=".txt,.gift,text/plain" onChange={onFile} className="mt-1 block text-sm" />
        </label>
      </div>
      <label className="block text-sm font-semibold">
        GIFT 텍스트
        <textarea className={`${input} font-mono`} rows={12} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="flex gap-3">
        <button type="button" disabled={pending || !text.trim()} onClick={() => send(false)} className="rounded-md border border-slate-300 px-4 py-2 font-semibold disabled:opacity-60 dark:border-slate-600">
          미리 보기
        </button>
        <button type="button" disabled={pending || !ready} onClick={() => send(true)} className="rounded-md bg-sky-700 px-4 py-2 font-semibold text-white hover:bg-sky-800 disabled:opacity-60">
          모두 가져오기
        </button>
      </div>
      {message && (
        <p role="status" className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
          {message}
        </p>
      )}
      {result && (
        <>
          {result.errors.length > 0 && (
            <section aria-labelledby="gift-errors" className="rounded-md border border-red-300 p-4 dark:border-red-800">
              <h2 id="gift-errors" className="font-bold text-red-800 dark:text-red-300">
                오류 {result.errors.length}개 — 오류가 있으면 아무것도 저장하지 않습니다
              </h2>
              <ul className="mt-2 space-y-1 text-sm">
                {result.errors.map((e, i) => (
                  <li key={i}>
                    <strong>{e.line}번째 줄</strong>: {e.message}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <table className="w-full text-left text-sm">
            <caption className="text-left font-bold">읽은 문제 {result.items.length}개</caption>
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="py-2 pr-3">줄</th>
                <th scope="col" className="py-2 pr-3">이름</th>
                <th scope="col" className="py-2 pr-3">유형</th>
                <th scope="col" className="py-2 pr-3">장</th>
                <th scope="col" className="py-2 pr-3">개념</th>
                <th scope="col" className="py-2">문제</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((it) => (
                <tr key={it.line} className={STAFF_ROW}>
                  <td className="py-2 pr-3">{it.line}</td>
                  <td className="py-2 pr-3">{it.name}</td>
                  <td className="py-2 pr-3">{TYPE_LABEL[it.draft.type]}</td>
                  <td className="py-2 pr-3">{it.chapterSlug}</td>
                  <td className="py-2 pr-3">{it.draft.concepts.join(", ")}</td>
                  <td className="py-2">{it.draft.prompt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
