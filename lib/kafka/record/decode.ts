/**
 * Record batch v2 decoder and byte inspector. One parser walks the bytes and records a labelled
 * range for every field, so the decoder and the inspector widget can never disagree.
 * Validation mirrors `DefaultRecordBatch.ensureValid`: size first, then CRC-32C over
 * attributes..end; a mismatch is Kafka's `CORRUPT_MESSAGE` (CorruptRecordException).
 */
import { fail, ok, type Result, type SimError } from "../core/errors";
import { crc32c } from "./crc32c";
import {
  ATTRIBUTES_OFFSET,
  COMPRESSION_CODES,
  LOG_OVERHEAD,
  RECORD_BATCH_OVERHEAD,
  type BatchAttributes,
  type ByteField,
  type DecodedHeader,
  type DecodedRecord,
  type DecodedRecordBatch,
} from "./types";
import { readVarint, readVarlong } from "./varint";

/** Unpacks the attribute bits of a batch. */
export function decodeAttributes(raw: number): BatchAttributes {
  return {
    raw,
    compression: COMPRESSION_CODES[raw & 0x07] ?? "none",
    timestampType: raw & 0x08 ? "LogAppendTime" : "CreateTime",
    isTransactional: (raw & 0x10) !== 0,
    isControl: (raw & 0x20) !== 0,
    hasDeleteHorizonMs: (raw & 0x40) !== 0,
  };
}

const corrupt = (message: string): SimError => ({ code: "KAFKA_ERROR", message, kafkaError: "CORRUPT_MESSAGE" });
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Shows bytes as UTF-8 text when they decode cleanly and are printable, else as hex. */
export function bytesToDisplay(bytes: Uint8Array): string {
  try {
    const s = utf8.decode(bytes);
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000e-\u001f]/.test(s)) return s;
  } catch {
    /* not UTF-8: fall through to hex */
  }
  return "0x" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const HEADER_FIELDS: [string, number, string][] = [
  ["baseOffset", 8, "배치 첫 레코드의 오프셋 (int64)"],
  ["batchLength", 4, "이 필드 뒤부터 배치 끝까지의 바이트 수 (= 전체 − 12)"],
  ["partitionLeaderEpoch", 4, "기록한 리더의 에포크"],
  ["magic", 1, "레코드 포맷 버전 (v2 = 2)"],
  ["crc", 4, "attributes부터 끝까지의 CRC-32C"],
  ["attributes", 2, "비트 0–2 압축, 3 타임스탬프 종류, 4 트랜잭션, 5 컨트롤, 6 delete horizon"],
  ["lastOffsetDelta", 4, "마지막 레코드의 offsetDelta"],
  ["baseTimestamp", 8, "첫 타임스탬프 (ms)"],
  ["maxTimestamp", 8, "배치 안 가장 큰 타임스탬프 (ms)"],
  ["producerId", 8, "멱등/트랜잭션 프로듀서 ID (-1 = 없음)"],
  ["producerEpoch", 2, "프로듀서 에포크"],
  ["baseSequence", 4, "첫 레코드의 시퀀스 번호"],
  ["recordsCount", 4, "레코드 개수"],
];

export interface ParsedBatch {
  fields: ByteField[];
  /** Set when the structure itself cannot be read (truncated, bad varint, wrong magic…). */
  error: SimError | null;
  storedCrc: number | null;
  computedCrc: number | null;
  batch: DecodedRecordBatch | null;
}

/** Walks the bytes of one batch, collecting labelled ranges; never throws. */
export function parseRecordBatch(bytes: Uint8Array): ParsedBatch {
  const fields: ByteField[] = [];
  const out: ParsedBatch = { fields, error: null, storedCrc: null, computedCrc: null, batch: null };
  if (bytes.length < RECORD_BATCH_OVERHEAD) {
    out.error = corrupt(`배치가 손상되었습니다: 크기 ${bytes.length}바이트가 최소 헤더 크기 ${RECORD_BATCH_OVERHEAD}바이트보다 작습니다.`);
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h: Record<string, number> = {};
  let pos = 0;
  for (const [name, size, descriptionKo] of HEADER_FIELDS) {
    let value: number;
    if (size === 8) {
      const big = view.getBigInt64(pos);
      value = Number(big);
      if (!Number.isSafeInteger(value)) value = Number.NaN;
    } else if (size === 4) value = name === "crc" ? view.getUint32(pos) : view.getInt32(pos);
    else if (size === 2) value = view.getInt16(pos);
    else value = view.getInt8(pos);
    h[name] = value;
    fields.push({ path: name, field: name, offset: pos, length: size, value, descriptionKo });
    pos += size;
  }
  if (h.magic !== 2) {
    out.error = corrupt(`magic ${h.magic}는 지원하지 않습니다. 이 시뮬레이터는 레코드 배치 v2(magic 2)만 읽습니다.`);
    return out;
  }
  const total = h.batchLength + LOG_OVERHEAD;
  if (h.batchLength < RECORD_BATCH_OVERHEAD - LOG_OVERHEAD || total > bytes.length) {
    out.error = corrupt(`batchLength ${h.batchLength}가 실제 바이트 수(${bytes.length})와 맞지 않습니다 (잘렸거나 손상됨).`);
    return out;
  }
  out.storedCrc = h.crc;
  out.computedCrc = crc32c(bytes, ATTRIBUTES_OFFSET, total);
  const attributes = decodeAttributes(h.attributes & 0xffff);
  if (attributes.compression !== "none") {
    out.error = {
      code: "KAFKA_ERROR",
      message: `압축(${attributes.compression})된 배치는 시뮬레이터가 풀 수 없습니다.`,
      kafkaError: "UNSUPPORTED_COMPRESSION_TYPE",
    };
    return out;
  }
  for (const name of ["baseOffset", "baseTimestamp", "maxTimestamp", "producerId"]) {
    if (Number.isNaN(h[name])) {
      out.error = corrupt(`${name} 값이 JavaScript 안전 정수 범위를 벗어납니다.`);
      return out;
    }
  }
  const records: DecodedRecord[] = [];
  for (let i = 0; i < h.recordsCount; i++) {
    const r = parseRecord(bytes, pos, total, `records[${i}]`, fields, h.baseOffset, h.baseTimestamp);
    if ("error" in r) {
      out.error = corrupt(`레코드 ${i}를 읽을 수 없습니다: ${r.error}`);
      return out;
    }
    records.push(r.record);
    pos = r.next;
  }
  if (pos !== total || h.recordsCount < 0) {
    out.error = corrupt(`선언된 레코드 수(${h.recordsCount})와 배치 크기가 맞지 않습니다: ${total - pos}바이트가 남았습니다.`);
    return out;
  }
  out.batch = {
    baseOffset: h.baseOffset,
    batchLength: h.batchLength,
    partitionLeaderEpoch: h.partitionLeaderEpoch,
    magic: h.magic,
    crc: h.crc,
    attributes,
    lastOffsetDelta: h.lastOffsetDelta,
    baseTimestamp: h.baseTimestamp,
    maxTimestamp: h.maxTimestamp,
    producerId: h.producerId,
    producerEpoch: h.producerEpoch,
    baseSequence: h.baseSequence,
    recordsCount: h.recordsCount,
    records,
    sizeInBytes: total,
  };
  return out;
}

type RecordParse = { record: DecodedRecord; next: number } | { error: string };

/** Parses one record at `start`, pushing labelled ranges under `path`. */
function parseRecord(
  bytes: Uint8Array,
  start: number,
  end: number,
  path: string,
  fields: ByteField[],
  baseOffset: number,
  baseTimestamp: number,
): RecordParse {
  const view = bytes.subarray(0, end); // reads past the batch end fail like a truncated buffer
  const push = (field: string, offset: number, length: number, value: ByteField["value"], d: string) =>
    fields.push({ path: `${path}.${field}`, field, offset, length, value, descriptionKo: d });
  const len = readVarint(view, start);
  if (!len || len.value < 0) return { error: "length varint가 잘못되었습니다" };
  push("length", start, len.next - start, len.value, "이 varint 뒤 레코드 본문의 바이트 수");
  const bodyStart = len.next;
  if (bodyStart >= view.length) return { error: "attributes 바이트가 없습니다" };
  const attributes = view[bodyStart];
  push("attributes", bodyStart, 1, attributes, "레코드 attributes (사용하지 않음, 0)");
  const ts = readVarlong(view, bodyStart + 1);
  if (!ts) return { error: "timestampDelta varlong이 잘못되었습니다" };
  const timestampDelta = Number(ts.value);
  push("timestampDelta", bodyStart + 1, ts.next - bodyStart - 1, timestampDelta, "baseTimestamp와의 차이 (varlong)");
  const od = readVarint(view, ts.next);
  if (!od) return { error: "offsetDelta varint가 잘못되었습니다" };
  push("offsetDelta", ts.next, od.next - ts.next, od.value, "baseOffset과의 차이 (varint)");
  let pos = od.next;
  const readField = (name: string, d: string): Uint8Array | null | { error: string } => {
    const l = readVarint(view, pos);
    if (!l || l.value < -1) return { error: `${name}Length varint가 잘못되었습니다` };
    push(`${name}Length`, pos, l.next - pos, l.value, `${d} 길이 (null이면 -1)`);
    pos = l.next;
    if (l.value === -1) return null;
    if (pos + l.value > view.length) return { error: `${name}가 배치 끝을 넘습니다` };
    const b = view.slice(pos, pos + l.value);
    push(name, pos, l.value, bytesToDisplay(b), d);
    pos += l.value;
    return b;
  };
  const key = readField("key", "레코드 키");
  if (key && "error" in key) return key;
  const value = readField("value", "레코드 값");
  if (value && "error" in value) return value;
  const hc = readVarint(view, pos);
  if (!hc || hc.value < 0) return { error: "headersCount varint가 잘못되었습니다" };
  push("headersCount", pos, hc.next - pos, hc.value, "헤더 개수");
  pos = hc.next;
  const headers: DecodedHeader[] = [];
  const recordPath = path;
  for (let j = 0; j < hc.value; j++) {
    path = `${recordPath}.headers[${j}]`;
    const hk = readField("key", "헤더 키 (UTF-8)");
    if (hk === null) return { error: "헤더 키가 null입니다" };
    if ("error" in hk) return hk;
    const hv = readField("value", "헤더 값");
    if (hv && "error" in hv) return hv;
    headers.push({ key: new TextDecoder().decode(hk), value: hv });
  }
  if (pos - bodyStart !== len.value) return { error: `length ${len.value}바이트를 기대했지만 ${pos - bodyStart}바이트를 읽었습니다` };
  return {
    record: {
      length: len.value,
      attributes,
      timestampDelta,
      offsetDelta: od.value,
      offset: baseOffset + od.value,
      timestamp: baseTimestamp + timestampDelta,
      key: key as Uint8Array | null,
      value: value as Uint8Array | null,
      headers,
    },
    next: pos,
  };
}

/** Decodes one v2 batch, verifying the CRC-32C; a corrupted byte yields `CORRUPT_MESSAGE`. */
export function decodeRecordBatch(bytes: Uint8Array): Result<DecodedRecordBatch> {
  const p = parseRecordBatch(bytes);
  // Kafka validates size, then CRC, before reading records: report a CRC mismatch first.
  if (p.storedCrc !== null && p.storedCrc !== p.computedCrc) {
    const hex = (n: number) => "0x" + n.toString(16).padStart(8, "0");
    return fail(
      "KAFKA_ERROR",
      `레코드가 손상되었습니다: 저장된 CRC ${hex(p.storedCrc)} ≠ 계산한 CRC ${hex(p.computedCrc!)} (Kafka: CorruptRecordException).`,
      "CORRUPT_MESSAGE",
    );
  }
  if (p.error) return { ok: false, error: p.error };
  return ok(p.batch!);
}

export interface ByteInspection {
  fields: ByteField[];
  crcValid: boolean | null;
  storedCrc: number | null;
  computedCrc: number | null;
  error: SimError | null;
}

/** Labels every byte range of a batch for the inspector; keeps going past a bad CRC so the widget can show it. */
export function inspectRecordBatch(bytes: Uint8Array): ByteInspection {
  const p = parseRecordBatch(bytes);
  return {
    fields: p.fields,
    crcValid: p.storedCrc === null ? null : p.storedCrc === p.computedCrc,
    storedCrc: p.storedCrc,
    computedCrc: p.computedCrc,
    error: p.error,
  };
}
