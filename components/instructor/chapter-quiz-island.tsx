"use client";

import { LateIsland } from "@/components/chapter/late-island";
import type { PublicQuiz } from "@/lib/quiz/public";

type Quiz = typeof import("./live-chapter-quiz").LiveChapterQuiz;
type Props = { slug: string; initial: PublicQuiz | null };

export const QUIZ_ISLAND_ID = "chapter-quiz";

// On the server the quiz renders in place, so the prerendered HTML holds all of it (heading, every
// question, "제출"; controls disabled until live). The bundler drops this branch from the browser's
// code (`typeof window` is a build-time constant there), so the quiz's code is not in the page's chunks.
const ServerQuiz: Quiz | null =
  typeof window === "undefined"
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, server-only import
      (require("./live-chapter-quiz") as typeof import("./live-chapter-quiz")).LiveChapterQuiz
    : null;

/** The live quiz's code (form, Markdown, sanitizer): fetched when the quiz comes near the viewport. */
const loadLiveQuiz = (): Promise<Quiz> => import("./live-chapter-quiz").then((m) => m.LiveChapterQuiz);

/** The chapter quiz as a late island (ADR 0027): prerendered in full, its code loaded on approach. */
export function ChapterQuizIsland(props: Props) {
  return (
    <LateIsland
      id={QUIZ_ISLAND_ID}
      prerender={ServerQuiz && <ServerQuiz {...props} />}
      load={loadLiveQuiz}
      render={(Live) => <Live {...props} />}
    />
  );
}
