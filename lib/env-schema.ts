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
  /** Port for `npm start` (default 3000). */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

export type Env = z.infer<typeof envSchema>;

/** Parses an environment object, throwing one readable message for all problems. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`환경 변수 설정이 올바르지 않습니다:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** True when the URL selects PostgreSQL rather than the embedded SQLite file. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
