import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/sqlite/client";
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

// Keeps each INSERT under SQLite's 32,766 bound parameters (10 per attempt row, 6 per response row).
const MAX_BATCH = 200;
let queue: Pending[] = [];
let flushing = false;

// Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset; PostgreSQL takes a Date.
const onPostgres = () => isPostgresUrl(getEnv().DATABASE_URL);
const timestamp = (d: Date) => (onPostgres() ? d : d.toISOString().replace("Z", "+00:00"));

/**
 * The hot path: all queued attempts and their responses as two multi-row INSERTs in one transaction.
 * Raw SQL (through the one Prisma client, parameters bound) because createMany's per-row mapping cost
 * ~4× more CPU per submission than the statements themselves. Column names are the schema's.
 */
const insertBatch = (batch: AttemptRows[]) => {
  const now = timestamp(new Date());
  return db.$transaction([
    db.$executeRaw`INSERT INTO "Attempt" ("id", "userId", "chapterSlug", "quizId", "score", "maxScore", "idempotencyKey", "startedAt", "submittedAt") VALUES ${Prisma.join(
      batch.map(({ attempt: a }) => Prisma.sql`(${a.id}, ${a.userId}, ${a.chapterSlug}, ${a.quizId}, ${a.score}, ${a.maxScore}, ${a.idempotencyKey ?? null}, ${a.startedAt ? timestamp(a.startedAt) : null}, ${now})`),
    )}`,
    db.$executeRaw`INSERT INTO "Response" ("id", "attemptId", "questionVersionId", "answer", "correct", "score") VALUES ${Prisma.join(
      batch.flatMap((b) => b.responses.map((r) => Prisma.sql`(${randomUUID()}, ${r.attemptId}, ${r.questionVersionId}, ${r.answer}, ${r.correct}, ${r.score})`)),
    )}`,
  ]);
};

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
        await insertBatch(batch.map((p) => p.rows));
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
 * acknowledged attempt is stored). Attempts arriving while a commit is in flight are written together
 * in the next one (group commit): under load one transaction carries many attempts, and a lone
 * attempt waits for nothing.
 */
export function writeAttempt(rows: AttemptRows): Promise<void> {
  return new Promise((resolve, reject) => {
    queue.push({ rows, resolve, reject });
    if (!flushing) void flush();
  });
}
