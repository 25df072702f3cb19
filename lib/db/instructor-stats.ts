// Item analysis of a quiz, kept current by running sums (lib/quiz/item-stats.ts) per question version.
// Each process folds attempts into its sums once, in submission order, and afterwards reads only the
// attempts that arrived since: a page view at 100,000 attempts costs one indexed query for the new ones.
import {
  addAttempt,
  emptyRunningStats,
  flagItem,
  runningStatsFromJSON,
  runningStatsToJSON,
  statisticsFromRunning,
  type ItemFlag,
  type ItemStatistic,
  type RunningItemStats,
} from "../quiz/item-stats";
import { questionSchema } from "../quiz/schema";
import type { Db } from "./client";

interface VersionAcc {
  /** two slots: [this question's mark, the rest of the attempt] — slot 0's statistics are the item's */
  running: RunningItemStats;
  picks: Record<string, number>;
  answered: number;
}
interface Scope {
  attempts: number;
  versions: Map<string, VersionAcc>;
}
interface QuizState {
  through: { at: number; id: string } | null;
  seenUsers: Set<string>;
  first: Scope;
  all: Scope;
}

const g = globalThis as unknown as { kafkaItemStats?: Map<string, QuizState> };
const states = (g.kafkaItemStats ??= new Map());
const BATCH = 5_000;
/** Attempts younger than this are read fresh on every view, never folded in, so a slow commit is not skipped. */
const SETTLE_MS = 5_000;

const emptyScope = (): Scope => ({ attempts: 0, versions: new Map() });

function cloneScope(s: Scope): Scope {
  const versions = new Map<string, VersionAcc>();
  for (const [k, v] of s.versions)
    versions.set(k, { running: runningStatsFromJSON(runningStatsToJSON(v.running)), picks: { ...v.picks }, answered: v.answered });
  return { attempts: s.attempts, versions };
}

type Row = { id: string; userId: string | null; submittedAt: Date; score: number };
type Resp = { attemptId: string; questionVersionId: string; score: number; answer: string };

function fold(scope: Scope, attempt: Row, responses: Resp[]) {
  scope.attempts++;
  for (const r of responses) {
    let acc = scope.versions.get(r.questionVersionId);
    if (!acc) scope.versions.set(r.questionVersionId, (acc = { running: emptyRunningStats([1, 1]), picks: {}, answered: 0 }));
    addAttempt(acc.running, [r.score, attempt.score - r.score]);
    const answer = JSON.parse(r.answer) as unknown;
    if (answer !== null) acc.answered++;
    for (const pick of typeof answer === "string" ? [answer] : Array.isArray(answer) ? answer : [])
      if (typeof pick === "string" && pick.length <= 2) acc.picks[pick] = (acc.picks[pick] ?? 0) + 1;
  }
}

async function foldBatch(db: Db, state: QuizState, attempts: Row[]) {
  if (!attempts.length) return;
  const responses = await db.response.findMany({
    where: { attemptId: { in: attempts.map((a) => a.id) } },
    select: { attemptId: true, questionVersionId: true, score: true, answer: true },
  });
  const byAttempt = new Map<string, Resp[]>();
  for (const r of responses) {
    const list = byAttempt.get(r.attemptId);
    if (list) list.push(r);
    else byAttempt.set(r.attemptId, [r]);
  }
  for (const a of attempts) {
    const rs = byAttempt.get(a.id) ?? [];
    // Anonymous attempts cannot be told apart, so each counts as a first attempt.
    const first = a.userId === null || !state.seenUsers.has(a.userId);
    if (a.userId) state.seenUsers.add(a.userId);
    fold(state.all, a, rs);
    if (first) fold(state.first, a, rs);
  }
}

async function readAttempts(db: Db, quizId: string, after: QuizState["through"], before: Date | null, take: number): Promise<Row[]> {
  const afterWhere = after
    ? { OR: [{ submittedAt: { gt: new Date(after.at) } }, { submittedAt: new Date(after.at), id: { gt: after.id } }] }
    : {};
  return db.attempt.findMany({
    where: { quizId, ...afterWhere, ...(before ? { submittedAt: { lt: before } } : {}) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, submittedAt: true, score: true },
    take,
  });
}

/** Brings a quiz's running sums up to the settled attempts, then adds the unsettled ones to a copy. */
async function currentState(db: Db, quizId: string, now: Date): Promise<QuizState> {
  let state = states.get(quizId);
  if (!state) states.set(quizId, (state = { through: null, seenUsers: new Set(), first: emptyScope(), all: emptyScope() }));
  const settled = new Date(now.getTime() - SETTLE_MS);
  for (;;) {
    const batch = await readAttempts(db, quizId, state.through, settled, BATCH);
    await foldBatch(db, state, batch);
    if (batch.length) state.through = { at: batch[batch.length - 1].submittedAt.getTime(), id: batch[batch.length - 1].id };
    if (batch.length < BATCH) break;
  }
  const tail = await readAttempts(db, quizId, state.through, null, BATCH);
  if (!tail.length) return state;
  const view: QuizState = { through: state.through, seenUsers: new Set(state.seenUsers), first: cloneScope(state.first), all: cloneScope(state.all) };
  await foldBatch(db, view, tail);
  return view;
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
  const state = await currentState(db, quizId, now);
  const s = state[scope];
  const versions = await db.questionVersion.findMany({
    where: { id: { in: [...s.versions.keys()] } },
    select: { id: true, questionId: true, version: true, body: true, question: { select: { position: true, chapterSlug: true } } },
  });
  const items: ItemRow[] = [];
  for (const v of versions) {
    const acc = s.versions.get(v.id)!;
    const [stat] = statisticsFromRunning(acc.running);
    const parsed = questionSchema.safeParse(JSON.parse(v.body));
    const q = parsed.success ? parsed.data : null;
    const key = q && (q.type === "single" ? [q.answer] : q.type === "multiple" ? q.answer : []);
    items.push({
      ...stat,
      questionId: v.questionId,
      versionId: v.id,
      version: v.version,
      type: q?.type ?? "?",
      prompt: q?.prompt ?? "",
      concepts: q?.concepts ?? [],
      attempts: acc.running.n,
      flags: flagItem(stat),
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
    const acc = s.versions.get(it.versionId)!;
    for (const c of it.concepts) {
      const e = concepts.get(c) ?? { questions: new Set<string>(), got: 0, max: 0 };
      e.questions.add(it.questionId);
      e.got += acc.running.sumX[0];
      e.max += acc.running.n;
      concepts.set(c, e);
    }
  }
  return {
    quizId,
    scope,
    attempts: s.attempts,
    items,
    concepts: [...concepts.entries()]
      .map(([concept, e]) => ({ concept, questions: e.questions.size, facility: e.max ? e.got / e.max : null }))
      .sort((a, b) => a.concept.localeCompare(b.concept)),
  };
}

/** Forgets this process's running sums (tests; a deleted attempt would otherwise stay counted). */
export function resetItemStats() {
  states.clear();
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
