import "server-only";
import { uuidv7 } from "./ids";
import Database from "better-sqlite3";
import { Prisma } from "../../generated/sqlite/client";
import { SQLITE_BUSY_TIMEOUT_MS } from "./client";
import { getEnv } from "../env";
import { isPostgresUrl } from "../env-schema";
import { db } from "./index";

/** One attempt row and its response rows, ready to insert. */
export interface AttemptRows {
  attempt: {
    id: string;
    userId: string | null;
    chapterSlug: string;
    quizId: string;
    score: number;
    maxScore: number;
    idempotencyKey?: string;
    startedAt?: Date;
  };
  responses: { attemptId: string; questionVersionId: string; answer: string; correct: boolean; score: number }[];
}

interface Pending {
  rows: AttemptRows;
  resolve: () => void;
  reject: (e: unknown) => void;
}

// Keeps each INSERT under SQLite's 32,766 bound parameters (9 per attempt row, 6 per response row) on
// the Prisma path, and every transaction short.
const MAX_BATCH = 200;
let queue: Pending[] = [];
let flushing = false;

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset; PostgreSQL takes a Date.
const onPostgres = () => isPostgresUrl(getEnv().DATABASE_URL);
const timestamp = (d: Date) => (onPostgres() ? d : d.toISOString().replace("Z", "+00:00"));

/** Writes a batch of attempts in one transaction; resolves after the commit. */
type BatchWriter = (batch: AttemptRows[]) => Promise<void>;

const ATTEMPT_COLUMNS = `"id", "userId", "chapterSlug", "quizId", "score", "maxScore", "idempotencyKey", "startedAt", "submittedAt"`;
const RESPONSE_COLUMNS = `"id", "attemptId", "questionVersionId", "answer", "correct", "score"`;

/**
 * PostgreSQL: two multi-row INSERTs in one transaction through the Prisma client (parameters bound).
 * A network round trip dominates there, so Prisma's per-statement cost matters less than on SQLite.
 */
const prismaBatch: BatchWriter = async (batch) => {
  const now = timestamp(new Date());
  await db.$transaction([
    db.$executeRaw`INSERT INTO "Attempt" (${Prisma.raw(ATTEMPT_COLUMNS)}) VALUES ${Prisma.join(
      batch.map(({ attempt: a }) => Prisma.sql`(${a.id}, ${a.userId}, ${a.chapterSlug}, ${a.quizId}, ${a.score}, ${a.maxScore}, ${a.idempotencyKey ?? null}, ${a.startedAt ? timestamp(a.startedAt) : null}, ${now})`),
    )}`,
    db.$executeRaw`INSERT INTO "Response" (${Prisma.raw(RESPONSE_COLUMNS)}) VALUES ${Prisma.join(
      batch.flatMap((b) => b.responses.map((r) => Prisma.sql`(${uuidv7()}, ${r.attemptId}, ${r.questionVersionId}, ${r.answer}, ${r.correct}, ${r.score})`)),
    )}`,
  ]);
};

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isBusy = (e: unknown) => typeof (e as { code?: unknown })?.code === "string" && (e as { code: string }).code.startsWith("SQLITE_BUSY");

/**
 * SQLite: prepared statements on a connection of this writer's own, in one `BEGIN IMMEDIATE`
 * transaction. Through Prisma the same batch cost 0.5–2.9 ms of CPU per attempt (every statement is
 * compiled and prepared again); prepared once, it costs tens of microseconds (ADR 0029). The
 * transaction is synchronous, so it never holds the lock across an await; when another connection
 * (Prisma's, or another app process) holds it, the writer waits asynchronously and tries again rather
 * than blocking the event loop in SQLite's busy handler, up to the same busy timeout.
 */
function sqliteBatch(file: string): BatchWriter {
  const conn = new Database(file, { timeout: 0 });
  conn.pragma("synchronous = NORMAL");
  const insertAttempt = conn.prepare(`INSERT INTO "Attempt" (${ATTEMPT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertResponse = conn.prepare(`INSERT INTO "Response" (${RESPONSE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`);
  const store = conn.transaction((batch: AttemptRows[], now: string) => {
    for (const { attempt: a, responses } of batch) {
      insertAttempt.run(a.id, a.userId, a.chapterSlug, a.quizId, a.score, a.maxScore, a.idempotencyKey ?? null, a.startedAt ? timestamp(a.startedAt) : null, now);
      for (const r of responses) insertResponse.run(uuidv7(), r.attemptId, r.questionVersionId, r.answer, r.correct ? 1 : 0, r.score);
    }
  });
  return async (batch) => {
    const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
    for (let wait = 1; ; wait = Math.min(wait * 2, 25)) {
      try {
        store.immediate(batch, timestamp(new Date()) as string);
        return;
      } catch (e) {
        if (!isBusy(e) || Date.now() + wait > deadline) throw e;
        await delay(wait);
      }
    }
  };
}

let writer: BatchWriter | undefined;
function batchWriter(): BatchWriter {
  if (writer) return writer;
  const url = getEnv().DATABASE_URL;
  const file = url.replace(/^file:/, "");
  writer = onPostgres() || file === ":memory:" ? prismaBatch : sqliteBatch(file);
  return writer;
}

/** One attempt through Prisma's typed API, so a failure carries its proper code (P2002, P2003). */
const insertOne = ({ attempt, responses }: AttemptRows) =>
  db.attempt.create({
    data: {
      ...attempt,
      responses: {
        createMany: { data: responses.map((r) => ({ questionVersionId: r.questionVersionId, answer: r.answer, correct: r.correct, score: r.score })) },
      },
    },
    select: { id: true },
  });

async function flush() {
  flushing = true;
  try {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        await batchWriter()(batch.map((p) => p.rows));
        for (const p of batch) p.resolve();
      } catch {
        // One bad row (a repeated idempotency key, a user deleted meanwhile) fails the whole batch:
        // store each on its own, so only that one fails, with Prisma's typed error.
        for (const p of batch) await insertOne(p.rows).then(() => p.resolve(), p.reject);
      }
    }
  } finally {
    flushing = false;
  }
}

/**
 * Stores an attempt and its responses in one transaction, resolved only after the commit (so an
 * acknowledged attempt is stored). Attempts that arrive in the same turn of the event loop, or while a
 * commit is in flight, are written together (group commit): the first one schedules the write for
 * after the I/O already received (setImmediate), so under load one transaction carries many attempts,
 * and a lone attempt waits for nothing but that one turn.
 */
export function writeAttempt(rows: AttemptRows): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push({ rows, resolve, reject });
    if (!flushing) {
      flushing = true;
      setImmediate(() => void flush());
    }
  });
}
