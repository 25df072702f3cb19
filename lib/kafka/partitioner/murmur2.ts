/**
 * Keyed partitioning exactly as Kafka's Java client does it (`Utils.murmur2`, `Utils.toPositive`,
 * `BuiltInPartitioner.partitionForKey`). Java `int` arithmetic is emulated with `Math.imul`
 * (wrap-around 32-bit multiply) and `>>>` (unsigned shift); plain `*` would lose low bits
 * beyond 2^53 and give different partitions.
 */
import { fail, ok, type Result } from "../core/errors";

const SEED = 0x9747b28c | 0;
const M = 0x5bd1e995;
const R = 24;

/** MurmurHash2 (32-bit) of the bytes, returned as a signed int like Java's `Utils.murmur2`. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const blocks = length >>> 2;
  for (let i = 0; i < blocks; i++) {
    const j = i << 2;
    let k = data[j] | (data[j + 1] << 8) | (data[j + 2] << 16) | (data[j + 3] << 24);
    k = Math.imul(k, M);
    k ^= k >>> R;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const base = length & ~3;
  // Java's switch falls through: a 3-byte tail also mixes bytes 2 and 1; `h *= m` only when a tail exists.
  switch (length & 3) {
    case 3:
      h ^= data[base + 2] << 16;
    // falls through
    case 2:
      h ^= data[base + 1] << 8;
    // falls through
    case 1:
      h ^= data[base];
      h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (`x & 0x7fffffff`), which is NOT `Math.abs`. */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

const utf8 = new TextEncoder();

/** `StringSerializer` (default UTF-8): "" becomes zero bytes and is still hashed. */
export function serializeString(s: string): Uint8Array {
  return utf8.encode(s);
}

/** `IntegerSerializer`: 4 bytes big-endian, so key 1 hashes 00 00 00 01, not the text "1". */
export function serializeInteger(n: number): Uint8Array {
  const v = n | 0;
  return Uint8Array.of((v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff);
}

/** A record key as a widget can describe it (plain JSON, so it can sit in sim state). */
export type KeyInput = string | { type: "string"; value: string } | { type: "int"; value: number } | { type: "bytes"; bytes: number[] };

/** Serializes a key the way the matching Kafka serializer would; errors for non-int32 integer keys. */
export function serializeKey(key: KeyInput | Uint8Array): Result<Uint8Array> {
  if (key instanceof Uint8Array) return ok(key);
  if (typeof key === "string") return ok(serializeString(key));
  switch (key.type) {
    case "string":
      return ok(serializeString(key.value));
    case "int":
      if (!Number.isInteger(key.value) || key.value < -(2 ** 31) || key.value > 2 ** 31 - 1)
        return fail("INVALID_EVENT", `정수 키 ${key.value}는 Java int(32비트) 범위의 정수여야 합니다.`);
      return ok(serializeInteger(key.value));
    case "bytes":
      if (!Array.isArray(key.bytes) || key.bytes.some((b) => !Number.isInteger(b) || b < 0 || b > 255))
        return fail("INVALID_EVENT", "바이트 키는 0–255 사이 정수 배열이어야 합니다.");
      return ok(Uint8Array.from(key.bytes));
    default:
      return fail("INVALID_EVENT", "알 수 없는 키 형식입니다.");
  }
}

/** Checks a partition count the way a topic would require it (positive integer). */
export function validatePartitionCount(numPartitions: number): Result<number> {
  if (typeof numPartitions !== "number" || !Number.isInteger(numPartitions) || numPartitions <= 0)
    return fail("INVALID_CONFIG", `파티션 수는 1 이상의 정수여야 합니다 (입력값: ${String(numPartitions)}).`);
  return ok(numPartitions);
}

/**
 * `toPositive(murmur2(keyBytes)) % numPartitions` over ALL partitions of the topic (leaderless
 * ones included). Strings are UTF-8 encoded. Throws RangeError for an invalid partition count,
 * as Java would fail; widgets should call `tryPartitionForKey`.
 */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  const checked = validatePartitionCount(numPartitions);
  if (!checked.ok) throw new RangeError(checked.error.message);
  const bytes = typeof key === "string" ? serializeString(key) : key;
  return toPositive(murmur2(bytes)) % numPartitions;
}

/** Safe variant of `partitionForKey`: invalid partition counts or keys give a Korean `SimError`. */
export function tryPartitionForKey(key: KeyInput | Uint8Array, numPartitions: number): Result<number> {
  const checked = validatePartitionCount(numPartitions);
  if (!checked.ok) return checked;
  const bytes = serializeKey(key);
  if (!bytes.ok) return bytes;
  return ok(toPositive(murmur2(bytes.value)) % numPartitions);
}
