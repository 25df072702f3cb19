/**
 * Class quiz rules as pure functions: which questions an attempt gets (fixed ones plus seeded draws),
 * whether the quiz is open, how many attempts are left, when feedback shows, and the Korean rule
 * lines a learner reads. Time and randomness are arguments.
 */
import type { ClassQuizItem, DrawRule, FeedbackMode } from "./class-quiz-contracts";
import { seededShuffle } from "./exam-assembly";
import { GRADING_POLICY_LABEL, type GradingPolicy } from "./exam-policy";

/** What drawing needs to know about a bank question. */
export interface Candidate {
  id: string;
  chapterSlug: string;
  type: string;
  concepts: readonly string[];
  /** Only published questions are drawn at random; a fixed item may also name a draft. */
  published: boolean;
}

/** True when a question fits a draw rule (every filter the rule sets). Pure. */
export function matchesRule(c: Candidate, rule: Pick<DrawRule, "chapterSlug" | "concept" | "type">): boolean {
  return (
    c.published &&
    (!rule.chapterSlug || c.chapterSlug === rule.chapterSlug) &&
    (!rule.concept || c.concepts.includes(rule.concept)) &&
    (!rule.type || c.type === rule.type)
  );
}

export interface Draw {
  /** Question ids in the order the attempt shows them. */
  ids: string[];
  /** Rules that found fewer questions than they ask for (the bank changed since saving). */
  short: { item: number; wanted: number; got: number }[];
}

/**
 * The questions of one attempt: items in order, each fixed question once, each rule drawing its count
 * at random (seeded) among the questions no earlier item took. Same items, bank and seed ⇒ same draw.
 */
export function drawQuestions(items: readonly ClassQuizItem[], candidates: readonly Candidate[], seed: number): Draw {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  // Fixed questions are reserved first, so a rule placed before one never takes it.
  const taken = new Set(items.flatMap((i) => (i.kind === "fixed" && byId.has(i.questionId) ? [i.questionId] : [])));
  const ids: string[] = [];
  const short: Draw["short"] = [];
  items.forEach((item, i) => {
    if (item.kind === "fixed") {
      if (byId.has(item.questionId) && !ids.includes(item.questionId)) ids.push(item.questionId);
      return;
    }
    const pool = candidates.filter((c) => !taken.has(c.id) && matchesRule(c, item));
    const picked = seededShuffle(pool, (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0).slice(0, item.count);
    for (const c of picked) {
      taken.add(c.id);
      ids.push(c.id);
    }
    if (picked.length < item.count) short.push({ item: i, wanted: item.count, got: picked.length });
  });
  return { ids, short };
}

/** Field errors of a quiz's items against the bank, keyed `items.<n>`, in Korean. Empty when fine. Pure. */
export function checkItems(items: readonly ClassQuizItem[], candidates: readonly Candidate[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (item.kind !== "fixed") return;
    if (!byId.has(item.questionId)) errors[`items.${i}`] = `문제 은행에 없는(또는 보관된) 문항입니다: ${item.questionId}`;
    else if (seen.has(item.questionId)) errors[`items.${i}`] = "같은 문항을 두 번 넣었습니다.";
    seen.add(item.questionId);
  });
  // Every rule must be satisfiable on its own after the fixed questions, and all together.
  for (const s of drawQuestions(items, candidates, 0).short)
    errors[`items.${s.item}`] = `이 규칙에 맞는 문항이 ${s.got}개뿐이라 ${s.wanted}개를 뽑을 수 없습니다.`;
  return errors;
}

/** Where a class quiz stands at a moment. */
export type QuizWindow = "open" | "not-open" | "closed" | "archived";

export interface WindowFields {
  status: string;
  opensAt: Date | null;
  closesAt: Date | null;
}

/** Whether learners may start the quiz now. Pure. */
export function quizWindow(q: WindowFields, now: Date): QuizWindow {
  if (q.status === "archived") return "archived";
  if (q.opensAt && now < q.opensAt) return "not-open";
  if (q.closesAt && now >= q.closesAt) return "closed";
  return "open";
}

/** Whether a submission arriving now is still accepted: open, or closed less than `graceSeconds` ago. Pure. */
export function acceptsSubmission(q: WindowFields, now: Date, graceSeconds: number): boolean {
  if (q.status === "archived") return false;
  return !q.closesAt || now.getTime() <= q.closesAt.getTime() + graceSeconds * 1000;
}

const fmt = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The Korean refusal for a quiz that is not open, or null when it is. Pure. */
export function windowMessage(q: WindowFields, now: Date): string | null {
  switch (quizWindow(q, now)) {
    case "archived":
      return "보관된 퀴즈라 응시할 수 없습니다.";
    case "not-open":
      return `아직 열리지 않은 퀴즈입니다. ${fmt(q.opensAt!)}부터 응시할 수 있습니다.`;
    case "closed":
      return `마감된 퀴즈입니다(${fmt(q.closesAt!)} 마감).`;
    case "open":
      return null;
  }
}

/** Attempts a learner has left, or null when unlimited. Pure. */
export function attemptsLeft(maxAttempts: number | null, used: number): number | null {
  return maxAttempts === null ? null : Math.max(0, maxAttempts - used);
}

/** The refusal when no attempt is left. */
export const NO_ATTEMPTS_LEFT = "응시 횟수를 모두 사용했습니다. 더 응시할 수 없습니다.";

/**
 * The time limit an attempt's token carries, in seconds: the quiz's limit, shortened to the time left
 * before closing so the deadline shown is the one the server keeps. Null when neither applies. Pure.
 */
export function attemptLimitSec(timeLimitSec: number | null, closesAt: Date | null, now: Date): number | null {
  const untilClose = closesAt ? Math.max(1, Math.ceil((closesAt.getTime() - now.getTime()) / 1000)) : null;
  if (timeLimitSec === null) return untilClose;
  return untilClose === null ? timeLimitSec : Math.min(timeLimitSec, untilClose);
}

/** Whether keys and feedback are shown now: after each attempt, or once the quiz has closed. Pure. */
export function feedbackVisible(q: { feedback: string; closesAt: Date | null }, now: Date): boolean {
  if (q.feedback !== ("after-close" satisfies FeedbackMode)) return true;
  return q.closesAt !== null && now >= q.closesAt;
}

/** The quiz's rules as Korean sentences, for the page a learner opens before starting. Pure. */
export function rulesText(r: {
  timeLimitSec: number | null;
  maxAttempts: number | null;
  attemptsUsed: number;
  gradingPolicy: GradingPolicy;
  feedback: string;
  opensAt: Date | null;
  closesAt: Date | null;
}): string[] {
  const lines = [r.timeLimitSec ? `제한 시간 ${Math.round(r.timeLimitSec / 60)}분 (서버가 시간을 잽니다)` : "제한 시간 없음"];
  const left = attemptsLeft(r.maxAttempts, r.attemptsUsed);
  lines.push(left === null ? `응시 횟수 제한 없음 (지금까지 ${r.attemptsUsed}번)` : `응시 ${r.maxAttempts}번 중 ${left}번 남음`);
  lines.push(`성적: ${GRADING_POLICY_LABEL[r.gradingPolicy]}${r.gradingPolicy === "average" ? "" : " 기준"}으로 매깁니다`);
  lines.push(r.feedback === "after-close" ? "정답과 해설은 퀴즈가 마감된 뒤에 보입니다" : "정답과 해설은 제출한 직후에 보입니다");
  if (r.opensAt) lines.push(`시작 ${fmt(r.opensAt)}`);
  if (r.closesAt) lines.push(`마감 ${fmt(r.closesAt)}`);
  return lines;
}

/** The quiz id item analysis files a class quiz's attempts under (lib/db/instructor-stats.ts). */
export const statsQuizId = (code: string) => `class-${code}`;
/** The chapter slug class-quiz attempts carry: no chapter, so chapter progress never counts them. */
export const CLASS_QUIZ_CHAPTER = "class-quiz";

/** A draw rule in Korean, e.g. "4장 복제에서 · 개념 replication · 3문항 무작위". Pure. */
export function describeRule(rule: Pick<DrawRule, "chapterSlug" | "concept" | "type" | "count">, labels: { chapter?: (slug: string) => string; type?: (t: string) => string } = {}): string {
  const parts = [rule.chapterSlug ? `${labels.chapter?.(rule.chapterSlug) ?? rule.chapterSlug}에서` : "아무 장에서"];
  if (rule.concept) parts.push(`개념 ${rule.concept}`);
  if (rule.type) parts.push(`유형 ${labels.type?.(rule.type) ?? rule.type}`);
  parts.push(`${rule.count}문항 무작위`);
  return parts.join(" · ");
}
