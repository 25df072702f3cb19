import Link from "next/link";
import type { ChapterMeta, TocEntry } from "@/lib/content/frontmatter";

const linkIdle = "text-slate-600 hover:text-sky-700 dark:text-slate-400 dark:hover:text-sky-400";

/** The course outline and this chapter's headings (sidebar on wide screens, a disclosure on phones). */
export function ChapterNav({
  chapters,
  current,
  toc,
  idPrefix,
}: {
  chapters: ChapterMeta[];
  current: string;
  toc: TocEntry[];
  idPrefix: string;
}) {
  return (
    <div className="space-y-8 text-sm">
      <nav aria-labelledby={`${idPrefix}-course`}>
        <p id={`${idPrefix}-course`} className="mb-2 font-semibold text-slate-900 dark:text-white">
          강의 목차
        </p>
        <ol className="space-y-1">
          {chapters.map((c) => (
            <li key={c.slug}>
              <Link
                href={`/chapters/${c.slug}`}
                aria-current={c.slug === current ? "page" : undefined}
                className={c.slug === current ? "font-semibold text-sky-700 dark:text-sky-400" : linkIdle}
              >
                {c.order}. {c.title}
              </Link>
            </li>
          ))}
        </ol>
      </nav>
      <nav aria-labelledby={`${idPrefix}-toc`}>
        <p id={`${idPrefix}-toc`} className="mb-2 font-semibold text-slate-900 dark:text-white">
          이 장의 목차
        </p>
        <ul className="space-y-1 border-l border-slate-200 dark:border-slate-800">
          {toc.map((t) => (
            <li key={t.id} className={t.depth === 3 ? "pl-4" : ""}>
              <a
                href={`#${t.id}`}
                data-toc-link={t.id}
                className={`${linkIdle} -ml-px border-l-2 border-transparent pl-2 aria-[current=location]:border-sky-600 aria-[current=location]:text-sky-700 dark:aria-[current=location]:text-sky-400`}
              >
                {t.text}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
