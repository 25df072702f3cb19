import { z } from "zod";

/** Minimum secret length in bytes; shorter secrets make the session JWE guessable. */
export const MIN_SECRET_BYTES = 32;

/**
 * Every environment variable the product reads, each with its meaning. Parsed once by lib/env.ts;
 * `.env.example` lists the same variables.
 */
export const envSchema = z.object({
  /** `file:./dev.db` (SQLite, the default) or `postgresql://user:pw@host:5432/db`. */
  DATABASE_URL: z
    .string()
    .default("file:./dev.db")
    .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), {
      message: "DATABASE_URL은 file: (SQLite) 또는 postgresql:// 로 시작해야 합니다.",
    }),
  /** Session encryption secret, ≥ 32 bytes. Unset: a secret is created once and kept in AUTH_SECRET_FILE. */
  AUTH_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || Buffer.byteLength(v, "utf8") >= MIN_SECRET_BYTES, {
      message: `AUTH_SECRET은 최소 ${MIN_SECRET_BYTES}바이트여야 합니다 (AUTH_SECRET must be at least ${MIN_SECRET_BYTES} bytes). 예: node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`,
    }),
  /** Where the embedded default keeps its generated secret (git-ignored). */
  AUTH_SECRET_FILE: z.string().default(".auth-secret"),
  /** Public origin behind a proxy, e.g. https://kafka.example.com. Unset: taken from Host / X-Forwarded-Host. */
  AUTH_URL: z.url().optional(),
  /** Demo accounts (README) are created when 1; default: only on the embedded SQLite file `file:./dev.db`. */
  DEMO_ACCOUNTS: z.enum(["0", "1"]).optional(),
  /** With ADMIN_PASSWORD: the first admin, created at start-up when no user has that e-mail. */
  ADMIN_EMAIL: z.email("ADMIN_EMAIL은 이메일 주소여야 합니다.").optional(),
  /** The first admin's password (≥ 12 characters); prefer `npm run user:create`, which asks for it. */
  ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD는 12자 이상이어야 합니다.").max(200).optional(),
  /** Multiplies every rate limit (default 1); a load test from one address may raise it. */
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(100_000).default(1),
  /** Port for `npm start` (default 3000). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment object, throwing one readable message for all problems. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(cleaned);
  if (result.success && Boolean(result.data.ADMIN_EMAIL) !== Boolean(result.data.ADMIN_PASSWORD))
    throw new Error("환경 변수 설정이 올바르지 않습니다:\n  - ADMIN_EMAIL과 ADMIN_PASSWORD는 함께 설정해야 합니다.");
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`환경 변수 설정이 올바르지 않습니다:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** True when the URL selects PostgreSQL rather than the embedded SQLite file. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
