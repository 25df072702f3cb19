// Item analysis of a quiz (Moodle's figures per question version, option picks, per-concept results).
// The running sums are kept in the database with a watermark (./item-stats-state.ts), so a view at
// 100,000 attempts reads one row and the few attempts that arrived since — also in a fresh process.
// `quizItemStatsFromScratch` recomputes the same figures from every attempt in one batch pass: the
// reference the running sums are tested and benchmarked against.
import {
  flagItem,
  itemStatistics,
  selectAttempts,
  statisticsFromRunning,
  type ItemFlag,
  type ItemStatistic,
} from "../quiz/item-stats";
import type { Question } from "../quiz/schema";
import type { Db } from "./client";
import { countPicks, currentItemState, readAttempts, responsesOf, type Scope } from "./item-stats-state";

export { forgetItemStats } from "./item-stats-state";

/** What the report needs of one question version, however it was computed. */
interface VersionSummary {
  stat: ItemStatistic;
  /** attempts that answered this version */
  n: number;
  /** sum of its marks */
  got: number;
  picks: Record<string, number>;
  answered: number;
}

export interface ItemRow extends ItemStatistic {
  questionId: string;
  versionId: string;
  version: number;
  type: string;
  prompt: string;
  concepts: string[];
  attempts: number;
  flags: ItemFlag[];
  options: { id: string; text: string; count: number; share: number; correct: boolean }[];
}
export interface QuizStats {
  quizId: string;
  scope: "first" | "all";
  attempts: number;
  items: ItemRow[];
  concepts: { concept: string; questions: number; facility: number | null }[];
}

/** Item analysis of a quiz on first attempts (default) or all attempts, current to the last submission. */
export async function quizItemStats(db: Db, quizId: string, scope: "first" | "all" = "first", now = new Date()): Promise<QuizStats> {
  const s: Scope = (await currentItemState(db, quizId, now))[scope];
  const summaries = new Map<string, VersionSummary>();
  for (const [id, acc] of s.versions)
    summaries.set(id, { stat: statisticsFromRunning(acc.running)[0], n: acc.running.n, got: acc.running.sumX[0], picks: acc.picks, answered: acc.answered });
  return buildQuizStats(db, quizId, scope, s.attempts, summaries);
}

/** The same report recomputed from every attempt with the batch formulas (no stored sums). */
export async function quizItemStatsFromScratch(db: Db, quizId: string, scope: "first" | "all" = "first"): Promise<QuizStats> {
  const attempts: Awaited<ReturnType<typeof readAttempts>> = [];
  for (;;) {
    const last = attempts[attempts.length - 1];
    const batch = await readAttempts(db, quizId, last ? { at: last.submittedAt.getTime(), id: last.id } : null, 5_000);
    attempts.push(...batch);
    if (batch.length < 5_000) break;
  }
  const chosen = selectAttempts(
    attempts.map((a) => ({ ...a, learnerId: a.userId, submittedAtMs: a.submittedAt.getTime() })),
    scope,
  );
  const rows = new Map<string, { marks: number[][]; picks: Record<string, number>; answered: number }>();
  for (let i = 0; i < chosen.length; i += 5_000) {
    const part = chosen.slice(i, i + 5_000);
    const responses = await responsesOf(db, part);
    for (const a of part)
      for (const r of responses.get(a.id) ?? []) {
        let v = rows.get(r.questionVersionId);
        if (!v) rows.set(r.questionVersionId, (v = { marks: [], picks: {}, answered: 0 }));
        v.marks.push([r.score, a.score - r.score]);
        countPicks(v, r.answer);
      }
  }
  const summaries = new Map<string, VersionSummary>();
  for (const [id, v] of rows)
    summaries.set(id, { stat: itemStatistics(v.marks, [1, 1])[0], n: v.marks.length, got: v.marks.reduce((t, m) => t + m[0], 0), picks: v.picks, answered: v.answered });
  return buildQuizStats(db, quizId, scope, chosen.length, summaries);
}

/**
 * A stored version's question. Bodies were validated with `questionSchema` when saved and never change,
 * so the report reads them as they are (a full zod parse per version per view would dominate a warm view).
 */
function storedQuestion(body: string): Question | null {
  try {
    const q = JSON.parse(body) as Question;
    const choice = q.type === "single" || q.type === "multiple";
    return typeof q.prompt === "string" && Array.isArray(q.concepts) && (!choice || Array.isArray(q.options)) ? q : null;
  } catch {
    return null;
  }
}

async function buildQuizStats(db: Db, quizId: string, scope: "first" | "all", attempts: number, summaries: Map<string, VersionSummary>): Promise<QuizStats> {
  const versions = await db.questionVersion.findMany({
    where: { id: { in: [...summaries.keys()] } },
    select: { id: true, questionId: true, version: true, body: true, question: { select: { position: true, chapterSlug: true } } },
  });
  const items: ItemRow[] = [];
  for (const v of versions) {
    const acc = summaries.get(v.id)!;
    const q = storedQuestion(v.body);
    const key = q && (q.type === "single" ? [q.answer] : q.type === "multiple" ? q.answer : []);
    items.push({
      ...acc.stat,
      questionId: v.questionId,
      versionId: v.id,
      version: v.version,
      type: q?.type ?? "?",
      prompt: q?.prompt ?? "",
      concepts: q?.concepts ?? [],
      attempts: acc.n,
      flags: flagItem(acc.stat),
      options:
        q && (q.type === "single" || q.type === "multiple")
          ? q.options.map((o) => ({
              id: o.id,
              text: o.text,
              count: acc.picks[o.id] ?? 0,
              share: acc.answered ? (acc.picks[o.id] ?? 0) / acc.answered : 0,
              correct: key!.includes(o.id),
            }))
          : [],
    });
  }
  const order = new Map(versions.map((v) => [v.id, v.question.position]));
  items.sort((a, b) => order.get(a.versionId)! - order.get(b.versionId)! || a.questionId.localeCompare(b.questionId) || a.version - b.version);
  const concepts = new Map<string, { questions: Set<string>; got: number; max: number }>();
  for (const it of items) {
    const acc = summaries.get(it.versionId)!;
    for (const c of it.concepts) {
      const e = concepts.get(c) ?? { questions: new Set<string>(), got: 0, max: 0 };
      e.questions.add(it.questionId);
      e.got += acc.got;
      e.max += acc.n;
      concepts.set(c, e);
    }
  }
  return {
    quizId,
    scope,
    attempts,
    items,
    concepts: [...concepts.entries()]
      .map(([concept, e]) => ({ concept, questions: e.questions.size, facility: e.max ? e.got / e.max : null }))
      .sort((a, b) => a.concept.localeCompare(b.concept)),
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  // A leading =, +, - or @ would run as a formula in Excel.
  const safe = /^[=+\-@]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Rows as CSV with a UTF-8 BOM, so Excel opens Korean text correctly. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const pct = (x: number | null, digits = 4) => (x === null ? "" : x.toFixed(digits));

/** The item analysis as CSV (one row per question version). */
export function statsCsv(stats: QuizStats): string {
  return toCsv(
    ["문제 id", "버전", "유형", "개념", "응답 수", "정답률(facility)", "표준편차(sd)", "변별도(%)", "변별 효율(%)", "경고", "문제"],
    stats.items.map((i) => [
      i.questionId,
      i.version,
      i.type,
      i.concepts.join(" "),
      i.attempts,
      pct(i.facility),
      pct(i.sd),
      pct(i.discriminationIndex, 2),
      pct(i.discriminativeEfficiency, 2),
      i.flags.map((f) => f.message).join(" / "),
      i.prompt,
    ]),
  );
}
