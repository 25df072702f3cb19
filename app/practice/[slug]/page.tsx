import { randomInt } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MasterySection } from "@/components/assessment/mastery-section";
import { PracticeCard } from "@/components/assessment/practice-card";
import { listChapters } from "@/lib/content/chapters";
import { getChapterQuiz } from "@/lib/db/bank-server";
import { toPublicQuiz } from "@/lib/quiz/public";

type Props = { params: Promise<{ slug: string }> };

// Each visit draws fresh option orders and simulation scenarios.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const chapter = (await listChapters()).find((c) => c.slug === slug);
  return { title: chapter ? `${chapter.order}장 연습` : "연습" };
}

/** Chapter practice: every question on its own, with immediate feedback and one retry. */
export default async function PracticePage({ params }: Props) {
  const { slug } = await params;
  const [chapters, quiz] = await Promise.all([listChapters(), getChapterQuiz(slug)]);
  const chapter = chapters.find((c) => c.slug === slug);
  if (!chapter || !quiz) notFound();
  const pub = toPublicQuiz(quiz, { attemptSeed: randomInt(0, 0x7fffffff) });
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-sky-700 dark:text-sky-400">{chapter.order}장 연습</p>
      <h1 className="mt-1 text-3xl font-bold text-slate-900 dark:text-white">{chapter.title}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        문항마다 바로 채점합니다. 틀리면 해설을 읽고 한 번 더 풀 수 있고, 처음 낸 답이 숙련도와{" "}
        <Link href="/review" className="text-sky-700 underline dark:text-sky-400">
          오늘의 복습
        </Link>{" "}
        일정에 반영됩니다. 로그인하지 않아도 이 브라우저에 기록되며, 가입하거나 로그인하면 계정으로 옮겨집니다.
      </p>
      <p className="mt-2 text-sm">
        <Link href={`/chapters/${slug}`} className="text-sky-700 underline dark:text-sky-400">
          {chapter.order}장 본문 다시 읽기
        </Link>
      </p>
      <div className="mt-8 space-y-6">
        {pub.questions.map((q, i) => (
          <PracticeCard key={q.id} q={q} index={i} source="practice" />
        ))}
      </div>
      <MasterySection />
    </div>
  );
}
