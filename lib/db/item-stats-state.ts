// Item analysis running sums, persisted per quiz with a watermark (docs/decisions/0025-persisted-item-stats.md).
// A statistics view reads one row, folds in only the attempts submitted after its watermark, and writes
// the row back with compare-and-set on its revision: two app instances folding the same attempts at once
// cannot both win, and the loser starts again from the winner's row, so nothing is counted twice.
import { addAttempt, emptyRunningStats, runningStatsFromJSON, runningStatsToJSON, type RunningItemStats } from "../quiz/item-stats";
import type { Db } from "./client";

/** One question version's sums; two slots: [this question's mark, the rest of the attempt]. */
export interface VersionAcc {
  running: RunningItemStats;
  picks: Record<string, number>;
  answered: number;
}
export interface Scope {
  attempts: number;
  versions: Map<string, VersionAcc>;
}
export type Watermark = { at: number; id: string } | null;
export interface FoldedState {
  through: Watermark;
  first: Scope;
  all: Scope;
}

/** Layout of the stored JSON; a row with another number is ignored and rebuilt from the attempts. */
const FORMAT = 1;
const BATCH = 5_000;
const USERS_PER_QUERY = 500;
/**
 * Attempts younger than this are read fresh on every view and never folded in, so a transaction that
 * commits late (or an instance whose clock runs slightly behind) is not skipped behind the watermark.
 */
export const SETTLE_MS = 5_000;
/** Compare-and-set rounds lost to other instances before a view stops writing and folds in memory only. */
const MAX_ROUNDS = 4;

const emptyScope = (): Scope => ({ attempts: 0, versions: new Map() });
const emptyState = (): FoldedState => ({ through: null, first: emptyScope(), all: emptyScope() });

type ScopeJSON = { attempts: number; versions: [string, { r: unknown; p: Record<string, number>; a: number }][] };
const scopeToJSON = (s: Scope): ScopeJSON => ({
  attempts: s.attempts,
  versions: [...s.versions].map(([id, v]) => [id, { r: runningStatsToJSON(v.running), p: v.picks, a: v.answered }]),
});
const scopeFromJSON = (j: ScopeJSON): Scope => ({
  attempts: j.attempts,
  versions: new Map(j.versions.map(([id, v]) => [id, { running: runningStatsFromJSON(v.r), picks: { ...v.p }, answered: v.a }])),
});

/** The sums as stored text (the watermark lives in its own columns). */
export function serializeState(s: FoldedState): string {
  return JSON.stringify({ first: scopeToJSON(s.first), all: scopeToJSON(s.all) });
}
function parseState(text: string, through: Watermark): FoldedState {
  const j = JSON.parse(text) as { first: ScopeJSON; all: ScopeJSON };
  return { through, first: scopeFromJSON(j.first), all: scopeFromJSON(j.all) };
}
const copyState = (s: FoldedState): FoldedState => parseState(serializeState(s), s.through);

type Row = { id: string; userId: string | null; submittedAt: Date; score: number };
type Resp = { attemptId: string; questionVersionId: string; score: number; answer: string };

function fold(scope: Scope, attempt: Row, responses: Resp[]) {
  scope.attempts++;
  for (const r of responses) {
    let acc = scope.versions.get(r.questionVersionId);
    if (!acc) scope.versions.set(r.questionVersionId, (acc = { running: emptyRunningStats([1, 1]), picks: {}, answered: 0 }));
    addAttempt(acc.running, [r.score, attempt.score - r.score]);
    countPicks(acc, r.answer);
  }
}

/** Option picks of one response (answers are JSON: an option id, a list of ids, or anything else). */
export function countPicks(acc: { picks: Record<string, number>; answered: number }, answerJson: string) {
  const answer = JSON.parse(answerJson) as unknown;
  if (answer !== null) acc.answered++;
  for (const pick of typeof answer === "string" ? [answer] : Array.isArray(answer) ? answer : [])
    if (typeof pick === "string" && pick.length <= 2) acc.picks[pick] = (acc.picks[pick] ?? 0) + 1;
}

/** Responses of these attempts, grouped by attempt. */
export async function responsesOf(db: Db, attempts: readonly { id: string }[]): Promise<Map<string, Resp[]>> {
  const byAttempt = new Map<string, Resp[]>();
  if (!attempts.length) return byAttempt;
  const responses = await db.response.findMany({
    where: { attemptId: { in: attempts.map((a) => a.id) } },
    select: { attemptId: true, questionVersionId: true, score: true, answer: true },
  });
  for (const r of responses) {
    const list = byAttempt.get(r.attemptId);
    if (list) list.push(r);
    else byAttempt.set(r.attemptId, [r]);
  }
  return byAttempt;
}

/**
 * (submittedAt, id) strictly after the watermark. The plain `submittedAt >=` lets the database seek the
 * (quizId, submittedAt, id) index instead of scanning the quiz's attempts; the OR settles ties.
 */
const afterWhere = (after: Watermark) =>
  after
    ? {
        submittedAt: { gte: new Date(after.at) },
        OR: [{ submittedAt: { gt: new Date(after.at) } }, { id: { gt: after.id } }],
      }
    : {};

/** A quiz's attempts after the watermark, in (submittedAt, id) order. */
export async function readAttempts(db: Db, quizId: string, after: Watermark, take: number): Promise<Row[]> {
  return db.attempt.findMany({
    where: { quizId, ...afterWhere(after) },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true, userId: true, submittedAt: true, score: true },
    take,
  });
}

/**
 * Folds a batch (in order) into both scopes. Whether an attempt is its learner's first is asked of the
 * database (any attempt of theirs earlier in (submittedAt, id) order), so no list of learners is stored.
 */
async function foldBatch(db: Db, state: FoldedState, quizId: string, attempts: Row[]) {
  if (!attempts.length) return;
  const users = [...new Set(attempts.flatMap((a) => (a.userId ? [a.userId] : [])))];
  const start = attempts[0];
  const seen = new Set<string | null>();
  // In chunks: Prisma does not split a groupBy's `in` list to fit SQLite's bound-parameter limit.
  for (let i = 0; i < users.length; i += USERS_PER_QUERY) {
    const before = await db.attempt.groupBy({
      by: ["userId"],
      where: {
        quizId,
        userId: { in: users.slice(i, i + USERS_PER_QUERY) },
        // (submittedAt, id) before the batch's first attempt; `lte` keeps it an index range
        submittedAt: { lte: start.submittedAt },
        OR: [{ submittedAt: { lt: start.submittedAt } }, { id: { lt: start.id } }],
      },
    });
    for (const b of before) seen.add(b.userId);
  }
  const responses = await responsesOf(db, attempts);
  for (const a of attempts) {
    const rs = responses.get(a.id) ?? [];
    // Anonymous attempts cannot be told apart, so each counts as a first attempt.
    const first = a.userId === null || !seen.has(a.userId);
    if (a.userId) seen.add(a.userId);
    fold(state.all, a, rs);
    if (first) fold(state.first, a, rs);
  }
}

async function readStored(db: Db, quizId: string): Promise<{ revision: number | null; state: FoldedState }> {
  const row = await db.itemStatsState.findUnique({
    where: { quizId },
    select: { revision: true, format: true, throughAt: true, throughId: true, state: true },
  });
  if (!row) return { revision: null, state: emptyState() };
  const through = row.throughAt && row.throughId ? { at: row.throughAt.getTime(), id: row.throughId } : null;
  // An old layout is replaced by a rebuild (the revision still guards the write).
  return { revision: row.revision, state: row.format === FORMAT ? parseState(row.state, through) : emptyState() };
}

/** Writes the state if the row is still at `revision` (null: no row yet). False when another writer won. */
async function writeStored(db: Db, quizId: string, revision: number | null, state: FoldedState): Promise<boolean> {
  const data = {
    format: FORMAT,
    state: serializeState(state),
    throughAt: state.through ? new Date(state.through.at) : null,
    throughId: state.through?.id ?? null,
  };
  if (revision === null) {
    try {
      await db.itemStatsState.create({ data: { quizId, revision: 1, ...data }, select: { quizId: true } });
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === "P2002") return false;
      throw e;
    }
  }
  const r = await db.itemStatsState.updateMany({ where: { quizId, revision }, data: { ...data, revision: revision + 1 } });
  return r.count === 1;
}

/**
 * A quiz's running sums current to `now`: the stored row brought up to the settled attempts (and
 * written back, batch by batch), plus the attempts of the last few seconds in a copy for this view.
 */
export async function currentItemState(db: Db, quizId: string, now: Date): Promise<FoldedState> {
  const settled = now.getTime() - SETTLE_MS;
  let state = emptyState();
  // Attempts read after the watermark that are too young to fold into the row: this view only.
  let young: Row[] = [];
  let more = false; // the batch `young` came from was full: more attempts may follow
  for (let round = 0, writing = true; ; round++) {
    const stored = await readStored(db, quizId);
    let revision = stored.revision;
    state = stored.state;
    young = [];
    let lost = false;
    for (;;) {
      // One query per batch serves both parts: attempts come in submission order, so the settled
      // ones are a prefix.
      const batch = await readAttempts(db, quizId, state.through, BATCH);
      let cut = batch.findIndex((a) => a.submittedAt.getTime() >= settled);
      if (cut < 0) cut = batch.length;
      young = batch.slice(cut);
      more = batch.length === BATCH;
      if (cut > 0) {
        await foldBatch(db, state, quizId, batch.slice(0, cut));
        state.through = watermarkOf(batch[cut - 1]);
        if (writing) {
          if (!(await writeStored(db, quizId, revision, state))) {
            lost = true;
            break;
          }
          revision = (revision ?? 0) + 1;
        }
      }
      if (young.length || batch.length < BATCH) break;
    }
    if (!lost) break;
    // Another instance folded meanwhile: start again from its row. After a few lost rounds, stop
    // writing and finish in memory (still exact for this view; the row catches up on a later one).
    if (round + 1 >= MAX_ROUNDS) writing = false;
  }
  if (!young.length) return state;
  const view = copyState(state);
  for (let tail = young; tail.length; ) {
    await foldBatch(db, view, quizId, tail);
    view.through = watermarkOf(tail[tail.length - 1]);
    if (!more) break;
    tail = await readAttempts(db, quizId, view.through, BATCH);
    more = tail.length === BATCH;
  }
  return view;
}

const watermarkOf = (a: Row): Watermark => ({ at: a.submittedAt.getTime(), id: a.id });

/** Drops a quiz's stored sums (or every quiz's); the next view rebuilds them from the attempts. */
export async function forgetItemStats(db: Db, quizId?: string) {
  await db.itemStatsState.deleteMany({ where: quizId ? { quizId } : {} });
}
