import type { Metadata } from "next";
import { SearchClient } from "./search-client";

export const metadata: Metadata = { title: "검색", description: "강의 본문과 용어집 검색" };

/** A static page; the results are computed in the browser from the static index. */
export default function SearchPage() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">검색</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        본문과 용어집에서 찾습니다. 설정 이름(<code>min.insync.replicas</code>)이나 오류 이름(<code>NOT_LEADER_OR_FOLLOWER</code>)도
        그대로 넣으세요.
      </p>
      <SearchClient />
    </div>
  );
}
