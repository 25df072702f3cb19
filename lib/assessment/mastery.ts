/**
 * Mastery per concept: five levels that rise and fall with a learner's answers, after Khan Academy's
 * mastery model (a right answer moves a skill up, a missed one moves it down, the top level is only
 * reached on a later, mixed check). The rule is one pure function over a concept's answer history,
 * and `MASTERY_RULE_KO` states the same rule for learners.
 */

/** The five mastery levels, lowest first. */
export const MASTERY_LEVELS = ["미학습", "시도함", "익숙함", "능숙함", "숙달"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

/** Where an answer was given: chapter practice, today's review, or the course exam. */
export type AnswerSource = "practice" | "review" | "exam";

/** One graded first-try answer that touched a concept. */
export interface ConceptAnswer {
  /** 0..1 as the grader gave it. */
  score: number;
  source: AnswerSource;
  /** ISO time or epoch ms; only used to order the history. */
  at: string | number;
}

const NOT_STARTED = 0;
const ATTEMPTED = 1;
const FAMILIAR = 2;
const PROFICIENT = 3;
const MASTERED = 4;

/** The level reached after one more answer. Pure. */
export function nextMasteryIndex(level: number, answer: Pick<ConceptAnswer, "score" | "source">): number {
  if (answer.score >= 1) {
    if (level === NOT_STARTED) return FAMILIAR;
    // Practice right after reading proves recall for the moment; 숙달 needs a later check.
    const cap = answer.source === "practice" ? PROFICIENT : MASTERED;
    return level + 1 > cap ? level : level + 1;
  }
  if (answer.score > 0) return Math.max(level, ATTEMPTED); // partly right: stays, but counts as tried
  return level === NOT_STARTED ? ATTEMPTED : Math.max(ATTEMPTED, level - 1);
}

const time = (a: ConceptAnswer) => (typeof a.at === "number" ? a.at : Date.parse(a.at));

/** A concept's mastery level from its whole answer history (any order; sorted by time). Pure. */
export function masteryLevel(history: readonly ConceptAnswer[]): MasteryLevel {
  const sorted = [...history].sort((a, b) => time(a) - time(b));
  let level = NOT_STARTED;
  for (const a of sorted) level = nextMasteryIndex(level, a);
  return MASTERY_LEVELS[level];
}

/** Index of a level (0 = 미학습 … 4 = 숙달), for bars and comparisons. */
export const masteryIndex = (level: MasteryLevel) => MASTERY_LEVELS.indexOf(level);

/** An answer as stored, with the concepts of its question. */
export interface TaggedAnswer extends ConceptAnswer {
  concepts: readonly string[];
}

/** Mastery of every concept a history touches, keyed by concept id. Pure. */
export function masteryByConcept(answers: readonly TaggedAnswer[]): Map<string, MasteryLevel> {
  const byConcept = new Map<string, ConceptAnswer[]>();
  for (const a of answers)
    for (const c of new Set(a.concepts)) {
      let list = byConcept.get(c);
      if (!list) byConcept.set(c, (list = []));
      list.push(a);
    }
  return new Map([...byConcept].map(([c, list]) => [c, masteryLevel(list)]));
}

/** The rule above, for learners (shown in the 숙련도 section of /review and the results page). */
export const MASTERY_RULE_KO: readonly string[] = [
  "개념마다 숙련도가 다섯 단계로 있습니다: 미학습 → 시도함 → 익숙함 → 능숙함 → 숙달.",
  "문항마다 처음 낸 답만 셉니다(연습의 두 번째 시도는 세지 않습니다). 한 문항이 여러 개념을 다루면 그 개념 모두에 반영됩니다.",
  "맞히면 한 단계 오릅니다. 아직 풀어 본 적 없는 개념을 처음부터 맞히면 곧바로 익숙함이 됩니다.",
  "장 연습에서는 능숙함까지만 오릅니다. 숙달은 능숙함인 개념을 오늘의 복습이나 종합 평가에서 다시 맞혀야 얻습니다.",
  "틀리면(0점) 한 단계 내려갑니다. 다만 한 번이라도 풀어 본 개념은 시도함 아래로 내려가지 않습니다.",
  "부분 점수는 단계를 바꾸지 않습니다(처음이라면 시도함이 됩니다).",
];
