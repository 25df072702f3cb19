import type { Metadata } from "next";
import Link from "next/link";
import { readCorpus, readGlossary, resolveSection } from "@/lib/content/corpus";

export const metadata: Metadata = { title: "용어집", description: "카프카 코스에 나오는 용어의 짧은 설명, 로그에 보이는 영어 이름, 가르치는 절로 가는 링크" };

// Read at build time only: the page is static like the lessons.
export const dynamic = "force-static";

/** 용어집: every term with its English form and links to the sections that teach it, then the writing conventions. */
export default function GlossaryPage() {
  const chapters = readCorpus();
  const glossary = readGlossary();
  const terms = [...glossary.terms].sort((a, b) => a.term.localeCompare(b.term, "ko"));
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">용어집</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">
        강의에 나오는 카프카 용어 {terms.length}개입니다. 영어 이름은 로그와 설정, 도구 출력에 보이는 그대로 적었습니다.
      </p>
      <dl className="mt-8 divide-y divide-slate-200 dark:divide-slate-800">
        {terms.map((t) => (
          <div key={t.id} id={t.id} className="scroll-mt-20 py-4 target:bg-sky-50 dark:target:bg-sky-950/40">
            <dt className="flex flex-wrap items-baseline gap-x-3">
              <span className="text-lg font-semibold text-slate-900 dark:text-white">{t.term}</span>
              <code className="text-sm text-slate-600 dark:text-slate-300">{t.english}</code>
            </dt>
            <dd className="mt-1 text-slate-700 dark:text-slate-300">
              <p>{t.definition}</p>
              <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {t.sections.map((ref) => {
                  const s = resolveSection(chapters, ref);
                  return s ? (
                    <li key={ref}>
                      <Link href={s.href} className="text-sky-700 underline-offset-4 hover:underline dark:text-sky-400">
                        {s.order}장 · {s.heading}
                      </Link>
                    </li>
                  ) : null;
                })}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="conventions" className="mt-12 rounded-lg bg-slate-50 p-5 dark:bg-slate-900">
        <h2 id="conventions" className="text-xl font-semibold text-slate-900 dark:text-white">
          표기 원칙
        </h2>
        <dl className="mt-3 space-y-3 text-sm">
          {glossary.conventions.map((c) => (
            <div key={c.topic}>
              <dt className="font-semibold text-slate-900 dark:text-white">{c.topic}</dt>
              <dd className="text-slate-700 dark:text-slate-300">{c.rule}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
