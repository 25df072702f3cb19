import "server-only";
import { LEARN_AHEAD_MINUTES } from "./review-schedule";
import { countDueCards, listDueCards } from "./store";
import type { Learner } from "./learner";

const lookahead = (now: Date) => new Date(now.getTime() + LEARN_AHEAD_MINUTES * 60_000);

/** The number shown in the header: questions due in 오늘의 복습 at `now`. */
export function dueCount(learner: Learner, now: Date): Promise<number> {
  return countDueCards(learner, lookahead(now));
}

/** Today's review queue: due question ids with their review count, most overdue first. */
export async function dueCards(learner: Learner, now: Date): Promise<{ questionId: string; reps: number }[]> {
  return (await listDueCards(learner, lookahead(now))).map((c) => ({ questionId: c.questionId, reps: c.reps }));
}
