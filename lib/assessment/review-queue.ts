import "server-only";
import { LEARN_AHEAD_MINUTES } from "./review-schedule";
import { countDueCards, listDueCards } from "./store";
import type { Learner } from "./learner";

const lookahead = (now: Date) => new Date(now.getTime() + LEARN_AHEAD_MINUTES * 60_000);

/** The number shown in the header: questions due in 오늘의 복습 at `now`. */
export function dueCount(learner: Learner, now: Date): Promise<number> {
  return countDueCards(learner, lookahead(now));
}

/** Today's review queue: due question ids, most overdue first. */
export async function dueQuestionIds(learner: Learner, now: Date): Promise<string[]> {
  return (await listDueCards(learner, lookahead(now))).map((c) => c.questionId);
}
