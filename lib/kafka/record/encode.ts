/**
 * Record batch v2 encoder (`MemoryRecordsBuilder` + `DefaultRecord.writeTo` in Kafka).
 * All header fields are big-endian; records use zig-zag varints; the CRC-32C is computed last
 * over attributes..end and written at offset 17.
 */
import { fail, ok, type Result } from "../core/errors";
import { crc32c } from "./crc32c";
import {
  ATTRIBUTES_OFFSET,
  COMPRESSION_CODES,
  CRC_OFFSET,
  LOG_OVERHEAD,
  RECORD_BATCH_OVERHEAD,
  type BytesInput,
  type CompressionType,
  type RecordBatchInput,
  type TimestampType,
} from "./types";
import { encodeVarint, encodeVarlong, varintSize, varlongSize } from "./varint";

const utf8 = new TextEncoder();

/** Turns a key/value input into bytes (strings as UTF-8); null stays null. */
export function toRecordBytes(input: BytesInput | undefined): Uint8Array | null {
  if (input === null || input === undefined) return null;
  return typeof input === "string" ? utf8.encode(input) : input;
}

/** Packs the batch attribute bits: 0–2 compression, 3 timestamp type, 4 transactional, 5 control, 6 delete horizon. */
export function encodeAttributes(a: {
  compression?: CompressionType;
  timestampType?: TimestampType;
  isTransactional?: boolean;
  isControl?: boolean;
  hasDeleteHorizonMs?: boolean;
}): number {
  let raw = COMPRESSION_CODES.indexOf(a.compression ?? "none");
  if (a.timestampType === "LogAppendTime") raw |= 1 << 3;
  if (a.isTransactional) raw |= 1 << 4;
  if (a.isControl) raw |= 1 << 5;
  if (a.hasDeleteHorizonMs) raw |= 1 << 6;
  return raw;
}

/**
 * Size of one record on the wire including its length prefix (`DefaultRecord.sizeInBytes`).
 * Lengths are byte counts, or null for a null key/value; headers give key/value byte lengths.
 */
export function recordSizeInBytes(
  offsetDelta: number,
  timestampDelta: number,
  keyLength: number | null,
  valueLength: number | null,
  headers: { keyLength: number; valueLength: number | null }[] = [],
): number {
  let body = 1 + varlongSize(timestampDelta) + varintSize(offsetDelta);
  body += keyLength === null ? 1 : varintSize(keyLength) + keyLength;
  body += valueLength === null ? 1 : varintSize(valueLength) + valueLength;
  body += varintSize(headers.length);
  for (const h of headers) {
    body += varintSize(h.keyLength) + h.keyLength;
    body += h.valueLength === null ? 1 : varintSize(h.valueLength) + h.valueLength;
  }
  return varintSize(body) + body;
}

const isInt = (n: unknown, bits: 16 | 32): boolean =>
  typeof n === "number" && Number.isInteger(n) && n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1);
const isLong = (n: unknown): boolean => typeof n === "number" && Number.isSafeInteger(n);

/** Finds the first field that cannot be encoded; returns a Korean message or null. */
function validateBatch(b: RecordBatchInput): string | null {
  if (!b || !Array.isArray(b.records)) return "records 배열이 필요합니다.";
  if (!isLong(b.baseOffset) || b.baseOffset < 0) return "baseOffset은 0 이상의 정수여야 합니다.";
  if (!isLong(b.baseTimestamp)) return "baseTimestamp는 정수(ms)여야 합니다.";
  if (b.maxTimestamp !== undefined && !isLong(b.maxTimestamp)) return "maxTimestamp는 정수(ms)여야 합니다.";
  if (b.producerId !== undefined && !isLong(b.producerId)) return "producerId는 정수여야 합니다.";
  for (const [name, v] of [
    ["partitionLeaderEpoch", b.partitionLeaderEpoch],
    ["baseSequence", b.baseSequence],
    ["lastOffsetDelta", b.lastOffsetDelta],
  ] as const) {
    if (v !== undefined && !isInt(v, 32)) return `${name}는 32비트 정수여야 합니다.`;
  }
  if (b.producerEpoch !== undefined && !isInt(b.producerEpoch, 16)) return "producerEpoch는 16비트 정수여야 합니다.";
  if ((b.compression ?? "none") !== "none")
    return "시뮬레이터는 압축(gzip/snappy/lz4/zstd) 배치를 인코딩하지 않습니다. compression은 none만 가능합니다.";
  for (let i = 0; i < b.records.length; i++) {
    const r = b.records[i];
    if (r.offsetDelta !== undefined && !isInt(r.offsetDelta, 32)) return `records[${i}].offsetDelta는 32비트 정수여야 합니다.`;
    if (r.timestampDelta !== undefined && !isLong(r.timestampDelta)) return `records[${i}].timestampDelta는 정수여야 합니다.`;
    for (const h of r.headers ?? []) {
      if (typeof h.key !== "string") return `records[${i}]의 헤더 키는 null이 될 수 없습니다 (Kafka: null header key).`;
    }
  }
  return null;
}

/** Writes a nullable byte field as varint length (-1 for null) followed by the bytes. */
function pushBytes(out: number[], bytes: Uint8Array | null): void {
  if (bytes === null) {
    out.push(...encodeVarint(-1));
    return;
  }
  out.push(...encodeVarint(bytes.length));
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

/** Encodes one record (length prefix included). */
function encodeRecord(r: RecordBatchInput["records"][number], index: number): number[] {
  const body: number[] = [0]; // record attributes: unused, always 0
  body.push(...encodeVarlong(r.timestampDelta ?? 0));
  body.push(...encodeVarint(r.offsetDelta ?? index));
  pushBytes(body, toRecordBytes(r.key));
  pushBytes(body, toRecordBytes(r.value));
  const headers = r.headers ?? [];
  body.push(...encodeVarint(headers.length));
  for (const h of headers) {
    pushBytes(body, utf8.encode(h.key));
    pushBytes(body, toRecordBytes(h.value));
  }
  return [...encodeVarint(body.length), ...body];
}

/** Encodes a batch, or returns a typed error (Korean message) for values that do not fit the format. */
export function tryEncodeRecordBatch(batch: RecordBatchInput): Result<Uint8Array> {
  const problem = validateBatch(batch);
  if (problem) return fail("INVALID_EVENT", problem);
  const recordBytes: number[] = [];
  let maxDelta = 0;
  batch.records.forEach((r, i) => {
    recordBytes.push(...encodeRecord(r, i));
    maxDelta = Math.max(maxDelta, r.timestampDelta ?? 0);
  });
  const total = RECORD_BATCH_OVERHEAD + recordBytes.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const n = batch.records.length;
  const last = n ? (batch.records[n - 1].offsetDelta ?? n - 1) : 0;
  view.setBigInt64(0, BigInt(batch.baseOffset));
  view.setInt32(8, total - LOG_OVERHEAD);
  view.setInt32(12, batch.partitionLeaderEpoch ?? -1);
  view.setInt8(16, 2);
  view.setInt16(ATTRIBUTES_OFFSET, encodeAttributes(batch));
  view.setInt32(23, batch.lastOffsetDelta ?? last);
  view.setBigInt64(27, BigInt(batch.baseTimestamp));
  view.setBigInt64(35, BigInt(batch.maxTimestamp ?? batch.baseTimestamp + maxDelta));
  view.setBigInt64(43, BigInt(batch.producerId ?? -1));
  view.setInt16(51, batch.producerEpoch ?? -1);
  view.setInt32(53, batch.baseSequence ?? -1);
  view.setInt32(57, n);
  out.set(recordBytes, RECORD_BATCH_OVERHEAD);
  view.setUint32(CRC_OFFSET, crc32c(out, ATTRIBUTES_OFFSET, total));
  return ok(out);
}

/** Encodes a batch to bytes; throws RangeError on unencodable input (widgets should use `tryEncodeRecordBatch`). */
export function encodeRecordBatch(batch: RecordBatchInput): Uint8Array {
  const r = tryEncodeRecordBatch(batch);
  if (!r.ok) throw new RangeError(r.error.message);
  return r.value;
}
