/** The record batch inspector: the learner's inputs as a tiny reducer, and the engine's v2 bytes for them. */
import { decodeRecordBatch, inspectRecordBatch } from "../record/decode";
import { tryEncodeRecordBatch } from "../record/encode";
import type { Prediction } from "./prediction";

/** 2026-01-01T00:00:00Z: a fixed CreateTime, so the same record always encodes to the same bytes. */
const INSPECTOR_TIMESTAMP = 1_767_225_600_000;

export interface RecordLabState {
  key: string;
  nullKey: boolean;
  value: string;
  withHeader: boolean;
  headerKey: string;
  headerValue: string;
  corrupt: boolean;
  /**
   * Records after the editable one (a batch loaded from a question's scenario, e.g. a batch-size
   * question); [] for the learner's single record. They are encoded as they are, without headers.
   */
  extra: { key: string | null; value: string }[];
  lastError: null;
}

type TextField = "key" | "value" | "headerKey" | "headerValue";
type FlagField = "nullKey" | "withHeader" | "corrupt";
export type RecordLabEvent =
  | { type: "text"; field: TextField; value: string }
  | { type: "flag"; field: FlagField; on: boolean }
  /** Loads a whole batch (headers off): the first record becomes the editable one, the rest `extra`. */
  | { type: "batch"; records: { key: string | null; value: string }[] };

/** Most records a loaded batch keeps (the questions draw up to a few). */
export const MAX_LOADED_RECORDS = 20;

const LIMITS: Record<TextField, number> = { key: 100, value: 100, headerKey: 40, headerValue: 40 };

/** The inspector's starting record. */
export function createRecordLab(): RecordLabState {
  return {
    key: "order-42",
    nullKey: false,
    value: "카프카",
    withHeader: true,
    headerKey: "trace-id",
    headerValue: "abc",
    corrupt: false,
    extra: [],
    lastError: null,
  };
}

/** Applies one edit (pure; unknown fields are ignored). */
export function stepRecordLab(s: RecordLabState, e: RecordLabEvent): RecordLabState {
  if (e?.type === "text" && e.field in LIMITS && typeof e.value === "string") return { ...s, [e.field]: e.value.slice(0, LIMITS[e.field]) };
  if (e?.type === "flag" && (e.field === "nullKey" || e.field === "withHeader" || e.field === "corrupt"))
    return { ...s, [e.field]: !!e.on };
  if (e?.type === "batch" && Array.isArray(e.records) && e.records.length > 0) {
    const records = e.records
      .slice(0, MAX_LOADED_RECORDS)
      .filter((r) => r !== null && typeof r === "object" && typeof r.value === "string" && (r.key === null || typeof r.key === "string"))
      .map((r) => ({ key: r.key === null ? null : r.key.slice(0, LIMITS.key), value: r.value.slice(0, LIMITS.value) }));
    if (records.length === 0) return s;
    const [first, ...extra] = records;
    return { ...s, key: first.key ?? "", nullKey: first.key === null, value: first.value, withHeader: false, corrupt: false, extra };
  }
  return s;
}

/**
 * Encodes the record as a v2 batch and inspects it field by field. `corrupt` flips the last byte
 * (inside the CRC-covered area) to show what a broker does with a damaged batch.
 */
export function inspectRecord(s: RecordLabState) {
  const headers = s.withHeader ? [{ key: s.headerKey, value: s.headerValue }] : [];
  const encoded = tryEncodeRecordBatch({
    baseOffset: 0,
    baseTimestamp: INSPECTOR_TIMESTAMP,
    records: [{ key: s.nullKey ? null : s.key, value: s.value, headers }, ...(s.extra ?? []).map((r) => ({ key: r.key, value: r.value }))],
  });
  if (!encoded.ok) return { error: encoded.error, bytes: new Uint8Array(), inspection: null, decodeError: null };
  const bytes = encoded.value.slice();
  if (s.corrupt) bytes[bytes.length - 1] ^= 0xff;
  const decoded = decodeRecordBatch(bytes);
  return { error: null, bytes, inspection: inspectRecordBatch(bytes), decodeError: decoded.ok ? null : decoded.error };
}

/** Narration of an edit that changes what the broker would say. */
export function narrateRecordLab(before: RecordLabState, after: RecordLabState, e: RecordLabEvent): string {
  if (e.type !== "flag") return "";
  const r = inspectRecord(after);
  if (e.field === "corrupt")
    return after.corrupt ? "바이트 하나를 망가뜨렸습니다. CRC-32C가 맞지 않습니다." : "망가뜨린 바이트를 되돌렸습니다.";
  if (e.field === "nullKey")
    return after.nullKey ? `키를 null로 바꿨습니다. 배치는 ${r.bytes.length}바이트입니다.` : "키를 다시 넣었습니다.";
  return before.withHeader === after.withHeader ? "" : after.withHeader ? "헤더를 붙였습니다." : "헤더를 뺐습니다.";
}

/** Predict: how is a null key's length written? */
export const recordPrediction: Prediction = {
  question: "키를 null로 바꾸면 records[0].keyLength 필드의 바이트는 무엇일까요?",
  choices: [
    { id: "00", label: "00 (길이 0)" },
    { id: "01", label: "01 (zig-zag varint로 -1)" },
    { id: "ff", label: "ff" },
  ],
  hint: "「키 없음 (null)」을 체크해 보세요.",
};

/** The keyLength bytes once the key is null. */
export function recordOutcome(s: RecordLabState): string | null {
  if (!s.nullKey) return null;
  const r = inspectRecord(s);
  const f = r.inspection?.fields.find((x) => x.path === "records[0].keyLength");
  if (!f) return null;
  return Array.from(r.bytes.subarray(f.offset, f.offset + f.length), (b) => b.toString(16).padStart(2, "0")).join(" ");
}

/** Which part of the batch a byte range belongs to (the picture colours them apart). */
export type LayoutPart = "header" | "crc" | "record" | "key" | "value" | "headers";

export interface LayoutBlock {
  path: string;
  field: string;
  /** Byte offset in the batch and length in bytes. */
  offset: number;
  length: number;
  part: LayoutPart;
}

/** The size of the v2 batch header (`RECORD_BATCH_OVERHEAD` in Kafka's `DefaultRecordBatch`). */
export const BATCH_HEADER_BYTES = 61;

export interface RecordLayout {
  /** The 61 header bytes and the record's bytes, field by field, in order. */
  header: LayoutBlock[];
  record: LayoutBlock[];
  total: number;
  recordCount: number;
  /** The CRC-32C covers the bytes from `attributes` (offset 21) to the end of the batch. */
  crcFrom: number;
  /** The flipped byte when the learner corrupted the batch, and whether the CRC still matches. */
  corruptAt: number | null;
  crcOk: boolean;
  /** One Korean sentence saying what the picture shows. */
  description: string;
}

const partOf = (path: string): LayoutPart => {
  if (path === "crc") return "crc";
  if (!path.startsWith("records[")) return "header";
  if (path.includes(".headers")) return "headers";
  if (path.endsWith(".key") || path.endsWith(".keyLength")) return "key";
  if (path.endsWith(".value") || path.endsWith(".valueLength")) return "value";
  return "record";
};

/** The batch's byte layout for the inspector's picture: what takes how many bytes, and what the CRC covers. */
export function recordLayout(s: RecordLabState): RecordLayout {
  const r = inspectRecord(s);
  const blocks: LayoutBlock[] = (r.inspection?.fields ?? []).map((f) => ({
    path: f.path,
    field: f.field,
    offset: f.offset,
    length: f.length,
    part: partOf(f.path),
  }));
  const bytesOf = (part: LayoutPart) => blocks.filter((b) => b.part === part).reduce((n, b) => n + b.length, 0);
  const total = r.bytes.length;
  const crcFrom = blocks.find((b) => b.path === "attributes")?.offset ?? 21;
  const crcOk = !r.decodeError;
  const description = r.error
    ? r.error.message
    : `배치 ${total}바이트: 헤더 ${BATCH_HEADER_BYTES}바이트, 레코드 ${total - BATCH_HEADER_BYTES}바이트` +
      ` (키 ${bytesOf("key")}, 값 ${bytesOf("value")}, 헤더 ${bytesOf("headers")}바이트, 길이 필드 포함).` +
      ` CRC-32C는 오프셋 ${crcFrom}부터 끝까지를 덮으며 ${crcOk ? "일치합니다" : "맞지 않습니다"}.`;
  return {
    header: blocks.filter((b) => b.offset < BATCH_HEADER_BYTES),
    record: blocks.filter((b) => b.offset >= BATCH_HEADER_BYTES),
    total,
    recordCount: 1 + (s.extra?.length ?? 0),
    crcFrom,
    corruptAt: s.corrupt && total > 0 ? total - 1 : null,
    crcOk,
    description,
  };
}
