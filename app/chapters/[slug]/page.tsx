import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getMDXComponent } from "mdx-bundler/client";
import { ChapterNav } from "@/components/chapter/chapter-nav";
import { ProgressBadge } from "@/components/chapter/progress-badge";
import { ReadTracker } from "@/components/chapter/read-tracker";
import { TocHighlight } from "@/components/chapter/toc-highlight";
import { NearIsland } from "@/components/chapter/near-island";
import { mdxComponents, mdxTags } from "@/components/mdx/registry";
import { ISLAND_TAG_NAMES } from "@/components/mdx/tags";
import { ChapterQuizIsland } from "@/components/instructor/chapter-quiz-island";
import { getChapter, listChapters } from "@/lib/content/chapters";
import { ChapterProse } from "./chapter-prose";
import { getQuizWithKey } from "@/lib/quiz/load";
import { toPublicQuiz } from "@/lib/quiz/public";

// Every chapter is prerendered at build time; nothing here reads the session or the database.
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await listChapters()).map((c) => ({ slug: c.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const chapter = await getChapter((await params).slug);
  return chapter ? { title: chapter.meta.title, description: chapter.meta.summary } : {};
}

// Widgets go live near the viewport (ADR 0032): until then the page keeps their prerendered boxes.
const nearIslands = Object.fromEntries(
  ISLAND_TAG_NAMES.map((tag) => {
    const Widget = mdxTags[tag] as React.ComponentType<Record<string, unknown>>;
    const Island = (props: Record<string, unknown>) => (
      <NearIsland tag={tag}>
        <Widget {...props} />
      </NearIsland>
    );
    return [tag, Island];
  }),
);

export default async function ChapterPage({ params }: Props) {
  const { slug } = await params;
  const [chapter, quiz, chapters] = await Promise.all([getChapter(slug), getQuizWithKey(slug), listChapters()]);
  if (!chapter) notFound();
  const Content = getMDXComponent(chapter.code);
  // The prose goes out as static HTML (ADR 0032): here each segment is only a placeholder naming it,
  // so the RSC payload and hydration carry the widgets between segments and nothing of the prose.
  const components = {
    ...mdxComponents,
    ...nearIslands,
    ProseSegment: ({ index }: { index: string }) => <ChapterProse slug={slug} index={Number(index)} />,
  };
  const index = chapters.findIndex((c) => c.slug === slug);
  const prev = chapters[index - 1];
  const next = chapters[index + 1];

  return (
    <div className="lg:grid lg:grid-cols-[14rem_minmax(0,1fr)] lg:gap-10 print:block">
      <aside className="hidden lg:block print:hidden">
        <div className="sticky top-20 max-h-[calc(100vh-6rem)] overflow-y-auto">
          <ChapterNav chapters={chapters} current={slug} toc={chapter.toc} idPrefix="side" />
        </div>
      </aside>
      <article className="min-w-0">
        <details className="mb-6 rounded-lg border border-slate-200 p-3 lg:hidden print:hidden dark:border-slate-700">
          <summary className="cursor-pointer text-sm font-semibold text-slate-900 dark:text-white">목차 보기</summary>
          <div className="mt-3">
            <ChapterNav chapters={chapters} current={slug} toc={chapter.toc} idPrefix="top" />
          </div>
        </details>
        <header className="mb-8">
          <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-sky-700 dark:text-sky-400">
            {chapter.meta.order}장 <ProgressBadge chapter={slug} />
            <span className="font-normal text-slate-500 dark:text-slate-400">· 읽는 데 약 {chapter.readingMinutes}분</span>
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">{chapter.meta.title}</h1>
          <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">{chapter.meta.summary}</p>
          <div className="mt-5 rounded-lg bg-slate-50 p-4 dark:bg-slate-900">
            <p className="text-sm font-semibold text-slate-900 dark:text-white">이 장을 마치면</p>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
              {chapter.meta.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </div>
        </header>
        <div className="prose prose-slate max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-a:text-sky-700 dark:prose-a:text-sky-400 [&>:first-child>:first-child]:mt-0">
          {/* eslint-disable-next-line react-hooks/static-components -- a Server Component renders once per build; the compiled chapter has no state to reset */}
          <Content components={components} />
        </div>
        <ReadTracker chapter={slug} />
        <TocHighlight ids={chapter.toc.map((t) => t.id)} />
        <div className="print:hidden">
          <ChapterQuizIsland slug={slug} initial={quiz ? toPublicQuiz(quiz) : null} />
          <p className="mt-4 text-sm text-slate-600 dark:text-slate-300">
            한 문항씩 바로 채점받으며 다시 풀어 보려면{" "}
            <Link href={`/practice/${slug}`} className="font-semibold text-sky-700 underline dark:text-sky-400">
              이 장 연습하기
            </Link>
            , 과정 전체를 확인하려면{" "}
            <Link href="/exam" className="font-semibold text-sky-700 underline dark:text-sky-400">
              종합 평가
            </Link>
            로 가세요.
          </p>
        </div>
        <nav aria-label="이전·다음 장" className="mt-12 flex justify-between gap-4 text-sm print:hidden">
          {prev ? (
            <Link
              href={`/chapters/${prev.slug}`}
              className="rounded-md border border-slate-200 p-3 hover:border-sky-600 dark:border-slate-700"
            >
              <span className="block text-xs text-slate-500 dark:text-slate-400">이전 장</span>← {prev.order}장 {prev.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link
              href={`/chapters/${next.slug}`}
              className="rounded-md border border-slate-200 p-3 text-right hover:border-sky-600 dark:border-slate-700"
            >
              <span className="block text-xs text-slate-500 dark:text-slate-400">다음 장</span>
              {next.order}장 {next.title} →
            </Link>
          )}
        </nav>
      </article>
    </div>
  );
}
