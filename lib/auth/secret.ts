import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIN_SECRET_BYTES, type Env } from "../env-schema";

/**
 * Returns the session secret: `AUTH_SECRET` from the environment wins; otherwise the secret kept in
 * `AUTH_SECRET_FILE`, created on first use. Creation uses O_EXCL so concurrent first starts agree.
 */
export function resolveAuthSecret(env: Pick<Env, "AUTH_SECRET" | "AUTH_SECRET_FILE">, cwd = process.cwd()): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.resolve(cwd, env.AUTH_SECRET_FILE);
  const existing = readSecretFile(file);
  if (existing) return existing;
  try {
    writeFileSync(file, randomBytes(MIN_SECRET_BYTES).toString("base64url") + "\n", { flag: "wx", mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  const created = readSecretFile(file);
  if (!created) throw new Error(`${file}의 인증 비밀 값이 ${MIN_SECRET_BYTES}바이트보다 짧습니다. 파일을 지우고 다시 시작하세요.`);
  return created;
}

function readSecretFile(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
  return Buffer.byteLength(text, "utf8") >= MIN_SECRET_BYTES ? text : null;
}
