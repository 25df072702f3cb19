import Database from "better-sqlite3";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from "rate-limiter-flexible";
import { retryText } from "../api/retry-text";
import { getEnv } from "../env";
import { isPostgresUrl } from "../env-schema";
import { HttpError } from "./errors";

/** A named limit: at most `points` per `durationSeconds` for one key (an address, an account). */
export interface LimitSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

const TABLE = "rate_limits";

// One store connection per process, shared by every limiter; the table lives in the app's own
// database so that several app instances on one database share the counts.
let store: Promise<{ kind: "sqlite"; client: Database.Database } | { kind: "pg"; client: pg.Pool }> | undefined;

function openStore() {
  const url = getEnv().DATABASE_URL;
  if (isPostgresUrl(url)) return Promise.resolve({ kind: "pg" as const, client: new pg.Pool({ connectionString: url, max: 4 }) });
  const client = new Database(url.replace(/^file:/, ""), { timeout: 5000 });
  client.pragma("journal_mode = WAL");
  return Promise.resolve({ kind: "sqlite" as const, client });
}

const limiters = new Map<string, Promise<RateLimiterAbstract>>();
// Limiters are created one after another: each runs CREATE TABLE IF NOT EXISTS on the shared table,
// which PostgreSQL does not make safe against itself when run concurrently.
let creation: Promise<unknown> = Promise.resolve();

/** Scales every limit (RATE_LIMIT_SCALE, default 1): load tests from one address raise it. */
const scaled = (points: number) => Math.max(1, Math.round(points * getEnv().RATE_LIMIT_SCALE));

function limiterFor(spec: LimitSpec): Promise<RateLimiterAbstract> {
  let p = limiters.get(spec.name);
  if (!p) {
    p = creation.then(async () => {
      const s = await (store ??= openStore());
      const opts = { keyPrefix: spec.name, points: scaled(spec.points), duration: spec.durationSeconds, tableName: TABLE };
      return new Promise<RateLimiterAbstract>((resolve, reject) => {
        const cb = (err?: Error) => (err ? reject(err) : resolve(limiter));
        const limiter: RateLimiterAbstract =
          s.kind === "pg"
            ? new RateLimiterPostgres({ ...opts, storeClient: s.client, storeType: "pool", clearExpiredByTimeout: true }, cb)
            : new RateLimiterSQLite({ ...opts, storeClient: s.client, storeType: "better-sqlite3", clearExpiredByTimeout: true }, cb);
      });
    });
    creation = p.catch(() => {});
    limiters.set(spec.name, p);
    p.catch(() => limiters.delete(spec.name));
  }
  return p;
}

export { retryText };

/** The 429 error for a limit that was hit, with Retry-After and a Korean "when to retry". */
export function limitedError(seconds: number, what = "요청"): HttpError {
  return new HttpError(429, `${what}이 너무 많습니다. ${retryText(seconds)}에 다시 시도해 주세요.`, {
    code: "rate_limited",
    retryAfterSeconds: seconds,
  });
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

/** Counts one event against a key; throws a 429 HttpError when the limit is already used up. */
export async function consume(spec: LimitSpec, key: string, what?: string): Promise<void> {
  const limiter = await limiterFor(spec);
  try {
    await limiter.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw limitedError(secondsOf(e), what);
    throw e;
  }
}

/** Seconds until the key may try again, or 0 when it is not blocked (does not count an event). */
export async function blockedFor(spec: LimitSpec, key: string): Promise<number> {
  const limiter = await limiterFor(spec);
  const res = await limiter.get(key);
  return res && res.consumedPoints >= limiter.points ? secondsOf(res) : 0;
}

/** Forgets a key's count (a successful sign-in clears that account's failures). */
export async function resetLimit(spec: LimitSpec, key: string): Promise<void> {
  await (await limiterFor(spec)).delete(key);
}
