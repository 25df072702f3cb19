// Simulated students submitting quizzes in a closed loop, keeping every acknowledged attempt, so a
// run can check afterwards that the database has each of them.
import { randomUUID } from "node:crypto";
import { createDb } from "../../lib/db/client";

export interface SubmitStats {
  sent: number;
  acknowledged: Map<string, string>; // attemptId → idempotencyKey
  statuses: Map<number, number>;
  clientErrors: Map<string, number>;
  retryable: number; // 503 with Retry-After
  retried: number;
  unclear: { status: number; body: string }[];
}

export interface SubmitOptions {
  origin: string;
  slug: string;
  answers: Record<string, unknown>;
  cookies: string[];
  clients: number;
  seconds: number;
  /** Retry a 503 + Retry-After with the same idempotency key (bounded), as a careful client would. */
  retry503?: boolean;
  /** Called once, when `atAcknowledged` attempts have been acknowledged (to inject a fault mid-write). */
  fault?: { atAcknowledged: number; run: () => void };
}

const bump = <K,>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** Runs `clients` loops for `seconds`; each submits, waits for the answer, and submits again. */
export async function runSubmitters(o: SubmitOptions): Promise<SubmitStats> {
  const stats: SubmitStats = {
    sent: 0,
    acknowledged: new Map(),
    statuses: new Map(),
    clientErrors: new Map(),
    retryable: 0,
    retried: 0,
    unclear: [],
  };
  const deadline = Date.now() + o.seconds * 1000;
  const url = `${o.origin}/api/quizzes/${o.slug}/attempts`;
  const loop = async (i: number) => {
    const cookie = o.cookies[i % o.cookies.length];
    while (Date.now() < deadline) {
      const key = `load-${randomUUID()}`;
      for (let attempt = 0; attempt < 5; attempt++) {
        stats.sent++;
        let res: Response;
        let text: string;
        try {
          res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", cookie, origin: o.origin, "sec-fetch-site": "same-origin" },
            body: JSON.stringify({ answers: o.answers, idempotencyKey: key }),
            signal: AbortSignal.timeout(30_000),
          });
          text = await res.text();
        } catch (e) {
          const err = e as Error & { cause?: { code?: string } };
          bump(stats.clientErrors, err.cause?.code ?? err.name);
          await new Promise((r) => setTimeout(r, 200));
          break;
        }
        bump(stats.statuses, res.status);
        if (res.ok) {
          const id = (JSON.parse(text) as { attemptId?: string }).attemptId;
          if (id) stats.acknowledged.set(id, key);
          if (o.fault && stats.acknowledged.size === o.fault.atAcknowledged) o.fault.run();
          break;
        }
        const retryAfter = Number(res.headers.get("retry-after"));
        if (res.status === 503 && Number.isFinite(retryAfter) && res.headers.has("retry-after")) {
          stats.retryable++;
          if (!o.retry503) break;
          stats.retried++;
          await new Promise((r) => setTimeout(r, Math.min(retryAfter, 5) * 1000));
          continue;
        }
        if (stats.unclear.length < 20) stats.unclear.push({ status: res.status, body: text.slice(0, 200) });
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, i) => loop(i)));
  return stats;
}

/** Acknowledged attempt ids that the database does not have. */
export async function missingAttempts(databaseUrl: string, ids: string[]): Promise<string[]> {
  const db = createDb(databaseUrl);
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.attempt.findMany({ where: { id: { in: ids.slice(i, i + 500) } }, select: { id: true } });
    for (const r of rows) found.add(r.id);
  }
  await db.$disconnect();
  return ids.filter((id) => !found.has(id));
}

/** One line about a run's answers. */
export function describe(s: SubmitStats): string {
  const st = [...s.statuses]
    .sort()
    .map(([k, v]) => `${k}×${v}`)
    .join(" ");
  const ce = [...s.clientErrors].map(([k, v]) => `${k}×${v}`).join(" ");
  return `보냄 ${s.sent}, 확인됨 ${s.acknowledged.size}, 상태 [${st}]${ce ? `, 연결 오류 [${ce}]` : ""}${s.retryable ? `, 503+Retry-After ${s.retryable}` : ""}`;
}
