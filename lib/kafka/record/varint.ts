/**
 * Zig-zag varints as Kafka's `ByteUtils` writes them (Protobuf style): the signed value is
 * zig-zag mapped so small negatives stay short, then written as little-endian base-128 groups
 * whose high bit means "more bytes follow". Varlongs use bigint because int64 does not fit in a
 * JS number; bigint never leaves this module's callers (record encode/decode).
 */

/** Maps a signed 32-bit int to its zig-zag unsigned form: 0→0, -1→1, 1→2, -2→3 … */
export function zigZagEncode32(n: number): number {
  return ((n << 1) ^ (n >> 31)) >>> 0;
}

/** Inverse of `zigZagEncode32`, returning a signed 32-bit int. */
export function zigZagDecode32(u: number): number {
  return (u >>> 1) ^ -(u & 1);
}

/** Number of bytes `encodeVarint(n)` produces (Kafka's `ByteUtils.sizeOfVarint`). */
export function varintSize(n: number): number {
  let v = zigZagEncode32(n);
  let bytes = 1;
  while (v >= 0x80) {
    v >>>= 7;
    bytes++;
  }
  return bytes;
}

/** Encodes a signed 32-bit integer as a zig-zag varint (1–5 bytes). */
export function encodeVarint(n: number): Uint8Array {
  const out: number[] = [];
  let v = zigZagEncode32(n);
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return Uint8Array.from(out);
}

/** Reads a zig-zag varint at `offset`; null when truncated or longer than 5 bytes (Kafka rejects those). */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } | null {
  let value = 0;
  let shift = 0;
  let i = offset;
  for (;;) {
    if (i >= bytes.length) return null;
    const b = bytes[i++];
    if ((b & 0x80) === 0) {
      value |= b << shift;
      return { value: zigZagDecode32(value >>> 0), next: i };
    }
    value |= (b & 0x7f) << shift;
    shift += 7;
    // Same bound as ByteUtils.readVarint: a 6th byte means the encoding is illegal.
    if (shift > 28) return null;
  }
}

const MASK64 = (1n << 64n) - 1n;

/** Maps a signed int64 to its zig-zag unsigned form. */
export function zigZagEncode64(n: bigint): bigint {
  return ((n << 1n) ^ (n >> 63n)) & MASK64;
}

/** Inverse of `zigZagEncode64`, returning a signed int64 bigint. */
export function zigZagDecode64(u: bigint): bigint {
  return BigInt.asIntN(64, (u >> 1n) ^ -(u & 1n));
}

/** Encodes a signed 64-bit integer as a zig-zag varlong (1–10 bytes). */
export function encodeVarlong(n: bigint | number): Uint8Array {
  const out: number[] = [];
  let v = zigZagEncode64(BigInt.asIntN(64, BigInt(n)));
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

/** Number of bytes `encodeVarlong(n)` produces. */
export function varlongSize(n: bigint | number): number {
  let v = zigZagEncode64(BigInt.asIntN(64, BigInt(n)));
  let bytes = 1;
  while (v >= 0x80n) {
    v >>= 7n;
    bytes++;
  }
  return bytes;
}

/** Reads a zig-zag varlong at `offset`; null when truncated or longer than 10 bytes. */
export function readVarlong(bytes: Uint8Array, offset: number): { value: bigint; next: number } | null {
  let value = 0n;
  let shift = 0n;
  let i = offset;
  for (;;) {
    if (i >= bytes.length) return null;
    const b = bytes[i++];
    value |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value: zigZagDecode64(value & MASK64), next: i };
    shift += 7n;
    if (shift > 63n) return null;
  }
}
