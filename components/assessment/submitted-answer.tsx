import { AnswerFeedback } from "@/components/quiz/answer-feedback";
import type { SelfAssessTarget } from "@/components/quiz/essay-self-assessment";
import { SafeMarkdown } from "@/components/quiz/safe-markdown";
import type { EssayGradeDto } from "@/lib/api/grading-contracts";
import type { GradedQuestion } from "@/lib/quiz/contracts";
import { withInstructorMark } from "@/lib/quiz/essay-answer";
import { checkAnswer, gradeQuestion } from "@/lib/quiz/grade";
import { toPublicQuestion } from "@/lib/quiz/public";
import type { Question } from "@/lib/quiz/schema";
import { EssayGradeNote } from "./essay-grade-note";
import { PageEssayRating } from "./page-essay-rating";

export interface SubmittedAnswerProps {
  /** Its number in the attempt, from 1. */
  number: number;
  /** The question version that was handed out. */
  question: Question;
  chapterSlug: string;
  attemptSeed: number;
  /** The stored answer JSON, or null when the question was left unanswered. */
  answerJson: string | null;
  /** An instructor's mark on this essay, which replaces the learner's self-assessment. */
  mark: EssayGradeDto | undefined;
  /** Where the learner's own rating of this essay is recorded. */
  ratingTarget: SelfAssessTarget;
  testId?: string;
  footer?: React.ReactNode;
}

/**
 * One question of the learner's own submitted attempt, regraded from the stored answer and the version
 * handed out (so keys and explanations show): feedback, an instructor's mark, or the rating buttons of an
 * essay nobody has marked yet. Used by the exam results and the class-quiz attempt pages.
 */
export function SubmittedAnswer({ number, question, chapterSlug, attemptSeed, answerJson, mark, ratingTarget, testId, footer }: SubmittedAnswerProps) {
  const pub = toPublicQuestion(question, { attemptSeed, chapterSlug });
  const stored = checkAnswer(question, JSON.parse(answerJson ?? "null"));
  const regraded = gradeQuestion(question, stored.ok ? stored.answer : undefined, { attemptSeed }) as GradedQuestion;
  const graded = withInstructorMark(regraded, mark);
  return (
    <li className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-testid={testId}>
      <p className="font-semibold text-slate-900 dark:text-white">
        {number}. <SafeMarkdown inline text={pub.prompt} />
      </p>
      <AnswerFeedback question={pub} graded={graded} />
      {mark && <EssayGradeNote grade={mark} />}
      {!mark && question.type === "essay" && stored.ok && (
        <PageEssayRating target={ratingTarget} initial={(stored.answer as { selfAssessment?: number }).selfAssessment ?? null} />
      )}
      {footer}
    </li>
  );
}
