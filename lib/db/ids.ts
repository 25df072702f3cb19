import { randomUUID } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562 §5.7): 48 bits of Unix milliseconds, then 74 random bits. Rows keyed by
 * it are inserted near the end of their primary-key index instead of at a random page, which keeps a
 * growing attempts table cheap to append to (ADR 0029). Still unguessable: the random part alone is
 * wider than most session identifiers.
 */
export function uuidv7(now = Date.now()): string {
  // randomUUID draws from a buffered pool (randomBytes per call costs a system call); keep its random
  // bits and variant, put the time in the first 48 bits and 7 in the version nibble.
  const r = randomUUID();
  const t = now.toString(16).padStart(12, "0").slice(-12);
  return `${t.slice(0, 8)}-${t.slice(8)}-7${r.slice(15)}`;
}
