"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { searchIndex, type SearchIndex } from "@/lib/content/search";

let cached: Promise<SearchIndex> | null = null;
/** The index is fetched once per page load and shared by every search. */
function loadIndex(): Promise<SearchIndex> {
  cached ??= fetch("/search/index.json").then((r) => {
    if (!r.ok) throw new Error(String(r.status));
    return r.json() as Promise<SearchIndex>;
  });
  return cached;
}

/** Search box and results; the query lives in the URL (?q=) so results can be shared and reloaded. */
export function SearchClient() {
  const [query, setQuery] = useState("");
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    // ?q= is read in the browser once the index is here: the page itself stays static.
    loadIndex().then(
      (loaded) => {
        setQuery((typed) => typed || (new URLSearchParams(window.location.search).get("q") ?? ""));
        setIndex(loaded);
      },
      () => setFailed(true),
    );
  }, []);

  const hits = useMemo(() => (index ? searchIndex(index, query) : []), [index, query]);

  function onChange(value: string) {
    setQuery(value);
    const url = new URL(window.location.href);
    if (value) url.searchParams.set("q", value);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
  }

  return (
    <div className="mt-6">
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="search-page-input" className="sr-only">
          검색어
        </label>
        <input
          id="search-page-input"
          type="search"
          value={query}
          onChange={(e) => onChange(e.target.value)}
          placeholder="예: 파티션, min.insync.replicas"
          autoComplete="off"
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-white"
        />
      </form>
      <div aria-live="polite" className="mt-4 text-sm text-slate-600 dark:text-slate-300">
        {failed
          ? "검색 색인을 불러오지 못했습니다. 잠시 뒤 다시 시도해 주세요."
          : !index
            ? "검색 색인을 불러오는 중입니다…"
            : query.trim()
              ? `'${query.trim()}' 검색 결과 ${hits.length}개`
              : "검색어를 입력하세요."}
      </div>
      {hits.length > 0 && (
        <ol className="mt-4 space-y-4">
          {hits.map((h) => (
            <li key={h.doc.href} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <p className="text-xs text-slate-500 dark:text-slate-400">{h.doc.where}</p>
              <Link href={h.doc.href} className="mt-1 block font-semibold text-sky-700 hover:underline dark:text-sky-400">
                {h.doc.title}
              </Link>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
                {h.snippet.before}
                {h.snippet.match && <mark className="rounded bg-amber-100 px-0.5 text-slate-900 dark:bg-amber-700 dark:text-white">{h.snippet.match}</mark>}
                {h.snippet.after}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
