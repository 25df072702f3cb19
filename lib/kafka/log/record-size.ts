/**
 * Byte sizes of the v2 record format (docs/implementation.html §5.3), so that segment sizes, index
 * intervals and retention.bytes behave like Kafka's with the same records: e.g. a single record
 * batch with a null key and value "test" is 61 + 11 = 72 bytes.
 */

/** `DefaultRecordBatch.RECORD_BATCH_OVERHEAD`: the 61-byte v2 batch header. */
export const BATCH_OVERHEAD_BYTES = 61;

/** UTF-8 byte length of a JS string without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4; // surrogate pair = one 4-byte code point
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Bytes of a zig-zag varint/varlong (Protobuf encoding) for a safe integer. */
export function zigZagVarSize(value: number): number {
  let z = value >= 0 ? value * 2 : -value * 2 - 1;
  let n = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    n++;
  }
  return n;
}

/**
 * Size of one record: length varint + attributes + timestampDelta + offsetDelta + key + value +
 * header count (no headers).
 */
export function encodedRecordSize(key: string | null, value: string | null, timestampDelta = 0, offsetDelta = 0): number {
  const keyLen = key === null ? -1 : utf8Length(key);
  const valueLen = value === null ? -1 : utf8Length(value);
  const body =
    1 +
    zigZagVarSize(timestampDelta) +
    zigZagVarSize(offsetDelta) +
    zigZagVarSize(keyLen) +
    Math.max(keyLen, 0) +
    zigZagVarSize(valueLen) +
    Math.max(valueLen, 0) +
    zigZagVarSize(0);
  return zigZagVarSize(body) + body;
}

/** Size of a batch holding records given as `{key, value, timestamp}` (first record = base timestamp). */
export function batchSizeInBytes(
  records: ReadonlyArray<{ key?: string | null; value: string | null; timestamp?: number; sizeBytes?: number }>,
): number {
  let total = BATCH_OVERHEAD_BYTES;
  const base = records.length > 0 ? (records[0].timestamp ?? -1) : -1;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    total += r.sizeBytes ?? encodedRecordSize(r.key ?? null, r.value, (r.timestamp ?? -1) - base, i);
  }
  return total;
}
