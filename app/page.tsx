import Link from "next/link";
import { ProgressBadge } from "@/components/chapter/progress-badge";
import { listChapters } from "@/lib/content/chapters";

export default async function HomePage() {
  const chapters = await listChapters();
  return (
    <div>
      <section className="py-6 sm:py-10">
        <p className="text-sm font-semibold text-sky-700 dark:text-sky-400">아파치 카프카 기초</p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
          읽고, 돌려 보고, 풀어 보며 배우는 카프카
        </h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          각 장의 시뮬레이터는 카프카의 실제 규칙(파티셔너의 murmur2 해시, 세그먼트 삭제, 복제와 ISR)을 그대로 계산합니다. 장 끝의 퀴즈는
          서버에서 채점하고, 읽은 장과 최고 점수는 내 학습에 남습니다.
        </p>
        {chapters[0] && (
          <Link
            href={`/chapters/${chapters[0].slug}`}
            className="mt-6 inline-block rounded-md bg-sky-700 px-5 py-3 font-semibold text-white hover:bg-sky-800"
          >
            1장부터 시작하기
          </Link>
        )}
      </section>
      <section id="chapters" aria-labelledby="chapters-title" className="scroll-mt-20">
        <h2 id="chapters-title" className="text-2xl font-bold text-slate-900 dark:text-white">
          강의 목차
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-2">
          {chapters.map((c) => (
            <li key={c.slug}>
              <Link
                href={`/chapters/${c.slug}`}
                className="block h-full rounded-xl border border-slate-200 p-5 transition hover:border-sky-600 hover:shadow-sm dark:border-slate-700 dark:hover:border-sky-400"
              >
                <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-sky-700 dark:text-sky-400">
                  {c.order}장 <ProgressBadge chapter={c.slug} />
                </p>
                <h3 className="mt-1 text-lg font-bold text-slate-900 dark:text-white">{c.title}</h3>
                <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{c.summary}</p>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
