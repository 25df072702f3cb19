import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MyEssays } from "@/components/assessment/my-essays";
import { ProgressBar } from "@/components/ui/progress-bar";
import { getSessionUser } from "@/lib/auth";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { listChapters } from "@/lib/content/chapters";
import { listEssayAnswers } from "@/lib/db/grading";
import { getLearnerProgress } from "@/lib/db/queries";
import { chapterCompletion } from "@/lib/progress";

export const metadata: Metadata = { title: "내 학습" };

export default async function MyLearningPage() {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/me");
  const [chapters, progress, essays] = await Promise.all([
    listChapters(),
    getLearnerProgress(user.id),
    listEssayAnswers({ state: "all" }, { userId: user.id, anonId: null }),
  ]);
  const bySlug = new Map(progress.map((p) => [p.chapterSlug, p]));
  const rows = chapters.map((c) => ({ chapter: c, progress: bySlug.get(c.slug) ?? null }));
  const overall = rows.length ? rows.reduce((s, r) => s + chapterCompletion(r.progress), 0) / rows.length : 0;

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">내 학습</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        {user.name}님 ({ROLE_LABEL[user.role]}) · 장을 끝까지 읽으면 절반, 퀴즈 최고 점수가 나머지 절반을 채웁니다.
      </p>
      <div className="mt-6">
        <ProgressBar value={overall} label="전체 진도" />
      </div>
      <ol className="mt-8 space-y-4">
        {rows.map(({ chapter, progress: p }) => (
          <li
            key={chapter.slug}
            className="rounded-xl border border-slate-200 p-5 dark:border-slate-700"
            data-testid={`progress-${chapter.slug}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link
                href={`/chapters/${chapter.slug}`}
                className="text-lg font-bold text-slate-900 hover:text-sky-700 dark:text-white dark:hover:text-sky-400"
              >
                {chapter.order}장 {chapter.title}
              </Link>
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {p?.readAt ? "읽음" : "읽지 않음"} ·{" "}
                {p?.bestScore != null ? `최고 점수 ${p.bestScore} / ${p.maxScore} (${p.attempts}회 응시)` : "퀴즈 미응시"}
              </span>
            </div>
            <div className="mt-3">
              <ProgressBar value={chapterCompletion(p)} label={`${chapter.order}장 진도`} />
            </div>
          </li>
        ))}
      </ol>
      <MyEssays items={essays} />
    </div>
  );
}
