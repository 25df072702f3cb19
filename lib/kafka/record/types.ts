/**
 * Shapes of record batch v2 (magic 2) as the encoder accepts and the decoder returns them.
 * Layout and field names follow `docs/implementation.html` §5.3 / `DefaultRecordBatch`.
 * int64 fields are JS numbers (safe integers); bigint is used only inside encode/decode.
 */

/** Key, value or header value: text (encoded as UTF-8), raw bytes, or null (length -1 on the wire). */
export type BytesInput = string | Uint8Array | null;

export interface RecordHeaderInput {
  /** Header keys are non-null UTF-8 strings in Kafka. */
  key: string;
  value: BytesInput;
}

export interface EncodableRecord {
  key?: BytesInput;
  value?: BytesInput;
  headers?: RecordHeaderInput[];
  /** Defaults to the record's index in the batch. */
  offsetDelta?: number;
  /** Defaults to 0 (same timestamp as the batch's baseTimestamp). */
  timestampDelta?: number;
}

export type CompressionType = "none" | "gzip" | "snappy" | "lz4" | "zstd";
export type TimestampType = "CreateTime" | "LogAppendTime";

export interface RecordBatchInput {
  baseOffset: number;
  /** -1 when the producer writes it; the leader stamps its epoch. */
  partitionLeaderEpoch?: number;
  /** Only "none" can be encoded by the simulator (no codecs are bundled). */
  compression?: CompressionType;
  timestampType?: TimestampType;
  isTransactional?: boolean;
  isControl?: boolean;
  hasDeleteHorizonMs?: boolean;
  baseTimestamp: number;
  /** Defaults to baseTimestamp + the largest timestampDelta. */
  maxTimestamp?: number;
  /** Defaults to the last record's offsetDelta (0 for an empty batch). */
  lastOffsetDelta?: number;
  /** -1 = no idempotence. */
  producerId?: number;
  producerEpoch?: number;
  baseSequence?: number;
  records: EncodableRecord[];
}

export interface BatchAttributes {
  raw: number;
  compression: CompressionType;
  timestampType: TimestampType;
  isTransactional: boolean;
  isControl: boolean;
  hasDeleteHorizonMs: boolean;
}

export interface DecodedHeader {
  key: string;
  value: Uint8Array | null;
}

export interface DecodedRecord {
  /** Value of the record's leading length varint (bytes after that varint). */
  length: number;
  attributes: number;
  timestampDelta: number;
  offsetDelta: number;
  /** baseOffset + offsetDelta. */
  offset: number;
  /** baseTimestamp + timestampDelta. */
  timestamp: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: DecodedHeader[];
}

export interface DecodedRecordBatch {
  baseOffset: number;
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: BatchAttributes;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  recordsCount: number;
  records: DecodedRecord[];
  /** Total bytes of the batch = batchLength + 12. */
  sizeInBytes: number;
}

/** One labelled byte range for the byte-inspector widget. */
export interface ByteField {
  /** Dotted path, e.g. `crc` or `records[0].key`. */
  path: string;
  /** Kafka's field name. */
  field: string;
  offset: number;
  length: number;
  /** Decoded value: numbers, text (UTF-8 when printable, else hex), or null for null key/value. */
  value: number | string | null;
  /** Short Korean explanation for the tooltip. */
  descriptionKo: string;
}

/** Fixed size of the v2 batch header (`RECORD_BATCH_OVERHEAD`). */
export const RECORD_BATCH_OVERHEAD = 61;
/** batchLength counts the bytes after baseOffset (8) and batchLength itself (4). */
export const LOG_OVERHEAD = 12;
/** The CRC covers everything from the attributes field to the end of the batch. */
export const ATTRIBUTES_OFFSET = 21;
export const CRC_OFFSET = 17;
export const MAGIC_OFFSET = 16;

export const COMPRESSION_CODES: readonly CompressionType[] = ["none", "gzip", "snappy", "lz4", "zstd"];
