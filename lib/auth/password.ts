import { randomBytes, scrypt as scryptCb, timingSafeEqual, type BinaryLike, type ScryptOptions } from "node:crypto";

// N=2^17, r=8, p=1: OWASP's current scrypt recommendation (Password Storage Cheat Sheet). It needs
// 128·N·r = 128 MiB per hash, so maxmem leaves room above that; older hashes are upgraded at sign-in.
const PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
// Stored parameters are attacker-influenced only through the database, but bound them anyway so a
// corrupted row cannot ask for gigabytes.
const MAX_N = 2 ** 20;
const KEY_LEN = 64;

function scrypt(password: BinaryLike, salt: BinaryLike, len: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

/** Hashes a password as `scrypt$N$r$p$salt$key` (base64), normalising Unicode first. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize("NFC"), salt, KEY_LEN, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** Checks a password against a stored hash in constant time; malformed hashes never match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64, "base64");
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (expected.length !== KEY_LEN || !(N >= 2 && N <= MAX_N) || !(R >= 1 && R <= 32) || !(P >= 1 && P <= 16)) return false;
  try {
    const key = await scrypt(password.normalize("NFC"), Buffer.from(saltB64, "base64"), KEY_LEN, {
      N,
      r: R,
      p: P,
      maxmem: Math.max(PARAMS.maxmem, 256 * N * R),
    });
    return timingSafeEqual(key, expected);
  } catch {
    return false; // e.g. N not a power of two
  }
}

/** True when a stored hash uses weaker parameters than today's, so it should be replaced at sign-in. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split("$");
  return scheme !== "scrypt" || Number(n) < PARAMS.N || Number(r) < PARAMS.r || Number(p) < PARAMS.p;
}

/** A valid hash of a random password: verifying against it costs the same as a real check. */
export const DUMMY_HASH_PROMISE: Promise<string> = hashPassword(randomBytes(16).toString("hex"));
