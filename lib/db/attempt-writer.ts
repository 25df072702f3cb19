import "server-only";
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

const MAX_BATCH = 256;
let queue: Pending[] = [];
let flushing = false;

const insert = (batch: AttemptRows[]) =>
  db.$transaction([
    db.attempt.createMany({ data: batch.map((b) => b.attempt) }),
    db.response.createMany({ data: batch.flatMap((b) => b.responses) }),
  ]);

async function flush() {
  flushing = true;
  try {
    while (queue.length) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        await insert(batch.map((p) => p.rows));
        for (const p of batch) p.resolve();
      } catch (e) {
        if (batch.length === 1) {
          batch[0].reject(e);
          continue;
        }
        // One bad row (e.g. a repeated idempotency key) fails the whole batch: store the rest one by one.
        for (const p of batch) await insert([p.rows]).then(p.resolve, p.reject);
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
