/**
 * Throughput of murmur2 (Kafka's key hash) on 16-byte keys, printed beside a FNV-1a baseline
 * measured in the same run over the same keys. Prints only; never asserts (machines differ).
 * Run: npx tsx bench/partitioner.bench.ts
 */
import { murmur2, toPositive } from "../lib/kafka/partitioner/murmur2";

const KEY_BYTES = 16;
const KEYS = 1 << 20; // 1,048,576 keys
const ROUNDS = 10;
const TARGET_PER_SEC = 10_000_000;

/** Deterministic key material (xorshift32) so runs are comparable; built before any timing. */
function buildKeys(): Uint8Array[] {
  const backing = new Uint8Array(KEYS * KEY_BYTES);
  let x = 0x12345678;
  for (let i = 0; i < backing.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    backing[i] = x & 0xff;
  }
  return Array.from({ length: KEYS }, (_, i) => backing.subarray(i * KEY_BYTES, (i + 1) * KEY_BYTES));
}

/** 32-bit FNV-1a: a trivial byte-at-a-time hash used as the in-run baseline. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h | 0;
}

/** Times `fn` over every key for ROUNDS rounds; the checksum keeps the JIT from dropping the work. */
function measure(name: string, keys: Uint8Array[], fn: (b: Uint8Array) => number): { rate: number; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < 200_000; i++) checksum = (checksum + toPositive(fn(keys[i % keys.length]))) | 0; // warm-up
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < keys.length; i++) checksum = (checksum + fn(keys[i])) | 0;
    best = Math.min(best, performance.now() - t0);
  }
  const rate = keys.length / (best / 1000);
  console.log(`${name.padEnd(9)} ${(rate / 1e6).toFixed(1).padStart(7)} M keys/s  (best of ${ROUNDS} rounds × ${keys.length} keys)`);
  return { rate, checksum };
}

const keys = buildKeys();
console.log(`murmur2 vs FNV-1a on ${KEYS} pre-built ${KEY_BYTES}-byte keys (Node ${process.version})`);
const m = measure("murmur2", keys, murmur2);
const f = measure("FNV-1a", keys, fnv1a);
console.log(`ratio murmur2 / FNV-1a = ${(m.rate / f.rate).toFixed(2)}×`);
console.log(
  `target ≥ ${TARGET_PER_SEC / 1e6} M keys/s: ${m.rate >= TARGET_PER_SEC ? "met" : "NOT met"} (${(m.rate / 1e6).toFixed(1)} M keys/s)`,
);
console.log(`checksums (ignore): ${m.checksum} ${f.checksum}`);
