import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubmittedAnswer } from "@/components/assessment/submitted-answer";
import { MasterySection, MasteryMeter } from "@/components/assessment/mastery-section";
import { chapterToc } from "@/lib/assessment/chapter-sections";
import { conceptBreakdown, sectionForConcept, strengthsAndWeaknesses, type ConceptResult } from "@/lib/assessment/exam-report";
import { masteryByConcept } from "@/lib/assessment/mastery";
import { pageLearner } from "@/lib/assessment/page-learner";
import { answerHistory, getOwnExamAttempt, loadQuestionVersions } from "@/lib/assessment/store";
import { listChapters } from "@/lib/content/chapters";
import { currentGradesOfLogs } from "@/lib/db/grading";
import { questionSchema } from "@/lib/quiz/schema";

export const metadata: Metadata = { title: "평가 결과" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ attemptId: string }> };

const pct = (r: number) => `${Math.round(r * 100)}%`;

/** One submitted exam, shown only to the learner who took it: score, concepts, keys and explanations. */
export default async function ResultsPage({ params }: Props) {
  const { attemptId } = await params;
  const learner = await pageLearner();
  const attempt = learner && attemptId.length <= 64 ? await getOwnExamAttempt(learner, attemptId) : null;
  if (!learner || !attempt) notFound();
  const [versions, chapters, history, essayGrades] = await Promise.all([
    loadQuestionVersions(attempt.answers.map((a) => a.questionVersionId)),
    listChapters(),
    answerHistory(learner),
    currentGradesOfLogs(attempt.answers.map((a) => a.id)),
  ]);
  const chapterBySlug = new Map(chapters.map((c) => [c.slug, c]));
  const items = attempt.answers.flatMap((a) => {
    const v = versions.get(a.questionVersionId);
    const q = v ? questionSchema.safeParse(JSON.parse(v.body)) : null;
    return v && q?.success ? [{ a, q: q.data, chapterSlug: v.chapterSlug }] : [];
  });
  const breakdown = conceptBreakdown(items.map((i) => ({ concepts: i.q.concepts, score: i.a.score, chapterSlug: i.chapterSlug })));
  const { strengths, weaknesses } = strengthsAndWeaknesses(breakdown);
  const mastery = masteryByConcept(history);
  const tocs = new Map(await Promise.all([...new Set(breakdown.map((b) => b.chapterSlug))].map(async (s) => [s, await chapterToc(s)] as const)));
  const linkFor = (r: ConceptResult) => {
    const section = sectionForConcept(r.concept, tocs.get(r.chapterSlug) ?? []);
    return `/chapters/${r.chapterSlug}${section ? `#${encodeURIComponent(section)}` : ""}`;
  };
  const chapterName = (slug: string) => {
    const c = chapterBySlug.get(slug);
    return c ? `${c.order}장 ${c.title}` : slug;
  };
  const list = (title: string, rows: ConceptResult[], testId: string) => (
    <section aria-labelledby={`${testId}-title`} className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={testId}>
      <h2 id={`${testId}-title`} className="text-lg font-bold text-slate-900 dark:text-white">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">없음</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm">
          {rows.map((r) => (
            <li key={r.concept}>
              <span className="font-mono">{r.concept}</span> · {r.earned} / {r.asked}점 ·{" "}
              <MasteryMeter level={mastery.get(r.concept) ?? "미학습"} />
              <br />
              <Link href={linkFor(r)} className="text-sky-700 underline dark:text-sky-400">
                {chapterName(r.chapterSlug)}에서 다시 읽기
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold text-sky-700 dark:text-sky-400">종합 평가 결과</p>
      <h1 className="mt-1 text-3xl font-bold text-slate-900 dark:text-white" data-testid="exam-score">
        {attempt.score} / {attempt.maxScore}점 ({pct(attempt.maxScore ? attempt.score / attempt.maxScore : 0)}) ·{" "}
        {attempt.passed ? "합격" : "불합격"}
      </h1>
      <p className="mt-2 text-slate-600 dark:text-slate-300">
        합격 기준 {pct(attempt.passRatio)} · 제출 {attempt.submittedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
        {attempt.timeLimitSec ? ` · 제한 시간 ${attempt.timeLimitSec / 60}분` : ""}
      </p>
      <div className="mt-6 grid gap-4 sm:grid-cols-2">
        {list("보완할 개념", weaknesses, "weaknesses")}
        {list("강한 개념", strengths, "strengths")}
      </div>
      <section aria-labelledby="answers-title" className="mt-10">
        <h2 id="answers-title" className="text-xl font-bold text-slate-900 dark:text-white">
          문항별 채점
        </h2>
        <ol className="mt-4 space-y-4">
          {items.map(({ a, q, chapterSlug }, i) => (
            <SubmittedAnswer
              key={a.id}
              number={i + 1}
              question={q}
              chapterSlug={chapterSlug}
              attemptSeed={attempt.seed}
              answerJson={a.answer}
              mark={essayGrades.get(a.id)}
              ratingTarget={{ target: "log", id: a.id }}
              testId={`result-${q.id}`}
              footer={<p className="text-xs text-slate-500 dark:text-slate-400">{chapterName(chapterSlug)}</p>}
            />
          ))}
        </ol>
      </section>
      <p className="mt-8 flex gap-4 text-sm">
        <Link href="/review" className="text-sky-700 underline dark:text-sky-400">
          오늘의 복습으로
        </Link>
        <Link href="/exam" className="text-sky-700 underline dark:text-sky-400">
          종합 평가 다시 보기
        </Link>
      </p>
      <MasterySection />
    </div>
  );
}
