/**
 * Spaced review with FSRS (ts-fsrs): one card per learner and question. A graded answer becomes an
 * FSRS rating; the card is plain data so it can be stored, and the whole schedule can be rebuilt
 * from the review log. Time is always an argument.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from "ts-fsrs";
import { seedRng } from "../kafka/core/rng";

/**
 * Short learning steps so a missed question is back in today's review (10 minutes, within the
 * look-ahead below) while a right one waits until tomorrow. Fuzz is off: a schedule replays exactly.
 */
const scheduler = fsrs({
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: ["10m", "1d"],
  relearning_steps: ["10m"],
});

/** Cards due within this many minutes count as due now (Anki's "learn ahead limit" is 20 minutes). */
export const LEARN_AHEAD_MINUTES = 20;

/** Certainty a learner may give with a practice answer (1 = 잘 모름, 2 = 보통, 3 = 확실함), as in Moodle's CBM. */
export type Confidence = 1 | 2 | 3;

/** The FSRS grades we give, by name. */
export type ReviewRating = "again" | "hard" | "good" | "easy";

const GRADE: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/**
 * Maps a graded answer to an FSRS rating: wrong (0) → Again, partly right → Hard, right → Good, and
 * right with the highest confidence → Easy. A confident wrong answer is still Again.
 */
export function ratingFor(score: number, confidence?: Confidence): ReviewRating {
  if (score <= 0) return "again";
  if (score < 1) return "hard";
  return confidence === 3 ? "easy" : "good";
}

/** A review card as stored: FSRS's memory state with dates, no library types. */
export interface ReviewCardState {
  due: Date;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** new | learning | review | relearning */
  state: "new" | "learning" | "review" | "relearning";
  lastReview: Date | null;
}

const STATE_NAME = { [State.New]: "new", [State.Learning]: "learning", [State.Review]: "review", [State.Relearning]: "relearning" } as const;
const STATE_OF = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning } as const;

function toCard(s: ReviewCardState, now: Date): Card {
  const elapsed = s.lastReview ? Math.max(0, Math.floor((now.getTime() - s.lastReview.getTime()) / 86_400_000)) : 0;
  return {
    due: s.due,
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: elapsed,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: STATE_OF[s.state],
    last_review: s.lastReview ?? undefined,
  };
}

function fromCard(c: Card): ReviewCardState {
  return {
    due: c.due,
    stability: c.stability,
    difficulty: c.difficulty,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: STATE_NAME[c.state],
    lastReview: c.last_review ?? null,
  };
}

/** A new card, due at once. */
export function newReviewCard(now: Date): ReviewCardState {
  return fromCard(createEmptyCard(now));
}

/** The card after one rated review at `now` (a missing card starts new). Pure. */
export function reviewCard(card: ReviewCardState | null, rating: ReviewRating, now: Date): ReviewCardState {
  const current = card ? toCard(card, now) : createEmptyCard(now);
  return fromCard(scheduler.next(current, now, GRADE[rating]).card);
}

/** One entry of the review log: what was rated, when. */
export interface ReviewEvent {
  rating: ReviewRating;
  at: Date;
}

/** Rebuilds a card from its review log, oldest first; the same log always gives the same card. Pure. */
export function replayReviews(events: readonly ReviewEvent[]): ReviewCardState | null {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let card: ReviewCardState | null = null;
  for (const e of sorted) card = reviewCard(card, e.rating, e.at);
  return card;
}

/** True when a card belongs in today's review at `now` (due, or due within the learn-ahead window). */
export function isDue(card: Pick<ReviewCardState, "due">, now: Date): boolean {
  return card.due.getTime() <= now.getTime() + LEARN_AHEAD_MINUTES * 60_000;
}

/** The due queue: cards due at `now`, most overdue first, ties by key so the order is stable. Pure. */
export function dueQueue<T extends { due: Date; key: string }>(cards: readonly T[], now: Date): T[] {
  return cards.filter((c) => isDue(c, now)).sort((a, b) => a.due.getTime() - b.due.getTime() || a.key.localeCompare(b.key));
}

/**
 * The seed of the scenario a review shows: the same while the card waits (a reload shows the same
 * scenario), a new one after every answer, so a simulation question returns as a fresh scenario.
 */
export function reviewInstanceSeed(learner: string, questionId: string, reps: number): number {
  return seedRng(`${learner}|${questionId}|${reps}`) & 0x7fffffff;
}

/** How many alternative seeds a review tries before giving up on a different scenario (a one-seed template). */
const FRESH_SEED_TRIES = 16;

/**
 * The seed a review shows, never the scenario the learner last answered when another exists: starts
 * from `reviewInstanceSeed` and steps to the next derived seed while `scenarioOf(seed)` (the scenario
 * that attempt seed draws) equals `avoid`. Still the same while the card waits (a reload shows the
 * same scenario). Pure.
 */
export function freshReviewSeed(
  learner: string,
  questionId: string,
  reps: number,
  opts: { scenarioOf: (attemptSeed: number) => number; avoid: number | null },
): number {
  const first = reviewInstanceSeed(learner, questionId, reps);
  if (opts.avoid === null) return first;
  let seed = first;
  for (let k = 1; k <= FRESH_SEED_TRIES && opts.scenarioOf(seed) === opts.avoid; k++)
    seed = seedRng(`${learner}|${questionId}|${reps}|${k}`) & 0x7fffffff;
  return opts.scenarioOf(seed) === opts.avoid ? first : seed;
}
