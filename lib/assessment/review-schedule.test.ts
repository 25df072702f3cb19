import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { quizFileSchema } from "../quiz/schema";
import { seedForAttempt } from "../quiz/simulation";
import { dueQueue, freshReviewSeed, isDue, ratingFor, replayReviews, reviewCard, reviewInstanceSeed, type ReviewEvent } from "./review-schedule";

const T0 = new Date("2026-03-02T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const DAY = 24 * 60;

describe("rating a graded answer", () => {
  it("maps wrong to Again, partial to Hard, right to Good and confident right to Easy", () => {
    expect(ratingFor(0)).toBe("again");
    expect(ratingFor(0, 3)).toBe("again");
    expect(ratingFor(0.5)).toBe("hard");
    expect(ratingFor(1)).toBe("good");
    expect(ratingFor(1, 2)).toBe("good");
    expect(ratingFor(1, 3)).toBe("easy");
  });
});

describe("spaced review schedule", () => {
  it("brings a wrong answer back sooner than a right one", () => {
    const wrong = reviewCard(null, "again", T0);
    const right = reviewCard(null, "good", T0);
    const easy = reviewCard(null, "easy", T0);
    expect(wrong.due.getTime()).toBeLessThan(right.due.getTime());
    expect(right.due.getTime()).toBeLessThan(easy.due.getTime());
  });

  it("puts a missed question in today's review at once and a right one only from tomorrow", () => {
    const wrong = reviewCard(null, "again", T0);
    const right = reviewCard(null, "good", T0);
    expect(isDue(wrong, T0)).toBe(true);
    expect(isDue(right, T0)).toBe(false);
    expect(isDue(right, at(DAY))).toBe(true);
  });

  it("spaces a question further each time it is answered right when due", () => {
    let card = reviewCard(null, "good", T0);
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      const now = card.due;
      const next = reviewCard(card, "good", now);
      gaps.push(next.due.getTime() - now.getTime());
      card = next;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
  });

  it("shortens the interval again after a lapse", () => {
    let card = reviewCard(null, "good", T0);
    card = reviewCard(card, "good", card.due);
    card = reviewCard(card, "good", card.due);
    const lapse = reviewCard(card, "again", card.due);
    expect(lapse.lapses).toBe(1);
    expect(lapse.state).toBe("relearning");
    expect(isDue(lapse, card.due)).toBe(true);
  });

  it("rebuilds the same card from the review log, in any stored order", () => {
    const log: ReviewEvent[] = [
      { rating: "again", at: at(0) },
      { rating: "good", at: at(12) },
      { rating: "good", at: at(DAY + 30) },
      { rating: "hard", at: at(5 * DAY) },
    ];
    let live = null as ReturnType<typeof reviewCard> | null;
    for (const e of log) live = reviewCard(live, e.rating, e.at);
    expect(replayReviews(log)).toEqual(live);
    expect(replayReviews([...log].reverse())).toEqual(live);
    expect(replayReviews([])).toBeNull();
  });
});

describe("due queue", () => {
  it("lists only due cards, most overdue first", () => {
    const cards = [
      { key: "b", due: at(-5) },
      { key: "a", due: at(-60) },
      { key: "later", due: at(3 * DAY) },
      { key: "soon", due: at(10) },
    ];
    expect(dueQueue(cards, T0).map((c) => c.key)).toEqual(["a", "b", "soon"]);
  });
});

describe("review scenarios", () => {
  it("keep one scenario while a card waits and draw a new one after each answer", () => {
    expect(reviewInstanceSeed("u:1", "q", 2)).toBe(reviewInstanceSeed("u:1", "q", 2));
    const seeds = new Set([0, 1, 2, 3, 4].map((reps) => reviewInstanceSeed("u:1", "q", reps)));
    expect(seeds.size).toBe(5);
    expect(reviewInstanceSeed("u:1", "q", 1)).not.toBe(reviewInstanceSeed("u:2", "q", 1));
  });
});

describe("a review's fresh scenario", () => {
  it("is never the scenario the learner last answered, even when the usual seed draws it", () => {
    // 4장's acks=all simulation question, as authored.
    const file = quizFileSchema.parse(parse(readFileSync(path.join("content", "chapters", "04-replication-isr", "quiz.yaml"), "utf8")));
    const q = file.questions.find((x) => x.id === "replication-sim-acks-all-min-isr")!;
    if (q.type !== "simulation") throw new Error("expected a simulation question");
    const scenarioOf = (s: number) => seedForAttempt(q, s, q.id);
    for (let i = 0; i < 50; i++) {
      const learner = `a:learner-${i}`;
      // The collision the journey could meet: the last answer was exactly the scenario this review would draw.
      const avoid = scenarioOf(reviewInstanceSeed(learner, q.id, 1));
      expect(scenarioOf(freshReviewSeed(learner, q.id, 1, { scenarioOf, avoid }))).not.toBe(avoid);
    }
  });

  it("with only two scenarios it still steps away from the last one, for every learner", () => {
    const scenarioOf = (s: number) => s % 2;
    for (let i = 0; i < 200; i++)
      for (const avoid of [0, 1]) expect(scenarioOf(freshReviewSeed(`u:${i}`, "q", i % 5, { scenarioOf, avoid }))).not.toBe(avoid);
  });

  it("keeps the usual seed when it is already fresh or nothing was answered, so a reload shows the same scenario", () => {
    const scenarioOf = (s: number) => s % 1000;
    const usual = reviewInstanceSeed("u:1", "q", 2);
    expect(freshReviewSeed("u:1", "q", 2, { scenarioOf, avoid: null })).toBe(usual);
    expect(freshReviewSeed("u:1", "q", 2, { scenarioOf, avoid: (scenarioOf(usual) + 1) % 1000 })).toBe(usual);
    const stepped = freshReviewSeed("u:1", "q", 2, { scenarioOf, avoid: scenarioOf(usual) });
    expect(freshReviewSeed("u:1", "q", 2, { scenarioOf, avoid: scenarioOf(usual) })).toBe(stepped);
  });

  it("gives up on a template with one scenario instead of looping", () => {
    expect(freshReviewSeed("u:1", "q", 0, { scenarioOf: () => 7, avoid: 7 })).toBe(reviewInstanceSeed("u:1", "q", 0));
  });
});
