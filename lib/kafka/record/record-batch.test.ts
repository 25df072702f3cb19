import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  decodeRecordBatch,
  encodeRecordBatch,
  inspectRecordBatch,
  recordSizeInBytes,
  toRecordBytes,
  tryEncodeRecordBatch,
  RECORD_BATCH_OVERHEAD,
  type RecordBatchInput,
} from "./index";
import { crc32c } from "./crc32c";

const simple: RecordBatchInput = {
  baseOffset: 42,
  baseTimestamp: 1_700_000_000_000,
  records: [
    { key: null, value: "a" },
    { key: "카프카", value: null, timestampDelta: 5, headers: [{ key: "trace", value: "x" }] },
  ],
};

describe("record batch v2 encoding", () => {
  it("writes a 61-byte header for an empty batch with batchLength = total − 12", () => {
    const bytes = encodeRecordBatch({ baseOffset: 0, baseTimestamp: 0, records: [] });
    expect(bytes.length).toBe(RECORD_BATCH_OVERHEAD);
    const view = new DataView(bytes.buffer);
    expect(view.getInt32(8)).toBe(61 - 12);
    expect(bytes[16]).toBe(2); // magic
  });

  it("lays out the header big-endian at Kafka's offsets", () => {
    const bytes = encodeRecordBatch({ ...simple, producerId: 7, producerEpoch: 3, baseSequence: 9, partitionLeaderEpoch: 4 });
    const view = new DataView(bytes.buffer);
    expect(Number(view.getBigInt64(0))).toBe(42);
    expect(view.getInt32(12)).toBe(4);
    expect(view.getInt32(23)).toBe(1); // lastOffsetDelta
    expect(Number(view.getBigInt64(27))).toBe(simple.baseTimestamp);
    expect(Number(view.getBigInt64(35))).toBe(simple.baseTimestamp + 5); // maxTimestamp
    expect(Number(view.getBigInt64(43))).toBe(7);
    expect(view.getInt16(51)).toBe(3);
    expect(view.getInt32(53)).toBe(9);
    expect(view.getInt32(57)).toBe(2);
    expect(view.getUint32(17)).toBe(crc32c(bytes, 21, bytes.length));
  });

  it("encodes a null key as length -1, i.e. the single varint byte 0x01", () => {
    const bytes = encodeRecordBatch({ baseOffset: 0, baseTimestamp: 0, records: [{ key: null, value: "v" }] });
    // record: length, attributes(0), timestampDelta(0), offsetDelta(0), keyLength(-1 → 0x01)
    expect(Array.from(bytes.subarray(61, 66))).toEqual([0x0e, 0x00, 0x00, 0x00, 0x01]);
  });

  it("sizes records exactly as the encoder writes them", () => {
    const bytes = encodeRecordBatch(simple);
    const k = toRecordBytes("카프카")!.length; // 9 bytes of UTF-8
    const expected = recordSizeInBytes(0, 0, null, 1) + recordSizeInBytes(1, 5, k, null, [{ keyLength: 5, valueLength: 1 }]);
    expect(bytes.length - RECORD_BATCH_OVERHEAD).toBe(expected);
  });

  it("sets attribute bits for timestamp type, transactional and control batches", () => {
    const bytes = encodeRecordBatch({
      ...simple,
      timestampType: "LogAppendTime",
      isTransactional: true,
      isControl: true,
      hasDeleteHorizonMs: true,
    });
    expect(new DataView(bytes.buffer).getInt16(21)).toBe(0b1111000);
    const decoded = decodeRecordBatch(bytes);
    expect(decoded.ok && decoded.value.attributes).toMatchObject({
      timestampType: "LogAppendTime",
      isTransactional: true,
      isControl: true,
      hasDeleteHorizonMs: true,
      compression: "none",
    });
  });

  it("refuses unencodable input with a Korean message instead of throwing", () => {
    const r = tryEncodeRecordBatch({ baseOffset: -1, baseTimestamp: 0, records: [] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/baseOffset/);
    expect(tryEncodeRecordBatch({ ...simple, compression: "gzip" }).ok).toBe(false);
  });
});

describe("record batch v2 decoding", () => {
  it("decodes offsets and timestamps relative to the batch base", () => {
    const r = decodeRecordBatch(encodeRecordBatch(simple));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.records.map((x) => [x.offset, x.timestamp])).toEqual([
      [42, simple.baseTimestamp],
      [43, simple.baseTimestamp + 5],
    ]);
    expect(r.value.records[0].key).toBeNull();
    expect(new TextDecoder().decode(r.value.records[1].key!)).toBe("카프카");
    expect(r.value.records[1].headers[0].key).toBe("trace");
  });

  it("reports CORRUPT_MESSAGE with a Korean message when any byte after the CRC is flipped", () => {
    const bytes = encodeRecordBatch(simple);
    for (const i of [21, 30, 61, bytes.length - 1]) {
      const copy = bytes.slice();
      copy[i] ^= 0x01;
      const r = decodeRecordBatch(copy);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.kafkaError).toBe("CORRUPT_MESSAGE");
        expect(r.error.message).toMatch(/손상/);
      }
    }
  });

  it("reports truncated input and a wrong magic byte as errors, never throwing", () => {
    const bytes = encodeRecordBatch(simple);
    expect(decodeRecordBatch(bytes.subarray(0, 40)).ok).toBe(false);
    expect(decodeRecordBatch(bytes.subarray(0, bytes.length - 1)).ok).toBe(false);
    const m = bytes.slice();
    m[16] = 1;
    const r = decodeRecordBatch(m);
    expect(!r.ok && r.error.message).toMatch(/magic/);
  });

  it("round-trips arbitrary batches (fast-check)", () => {
    const bytesArb = fc.option(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 20 })), { nil: null });
    const recordArb = fc.record({
      key: bytesArb,
      value: bytesArb,
      timestampDelta: fc.integer({ min: 0, max: 1e9 }),
      headers: fc.array(fc.record({ key: fc.string(), value: fc.option(fc.uint8Array({ maxLength: 8 }), { nil: null }) }), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(
        fc.record({
          baseOffset: fc.integer({ min: 0, max: 2 ** 40 }),
          baseTimestamp: fc.integer({ min: 0, max: 2 ** 42 }),
          producerId: fc.integer({ min: -1, max: 2 ** 40 }),
          producerEpoch: fc.integer({ min: -1, max: 32767 }),
          baseSequence: fc.integer({ min: -1, max: 2 ** 31 - 1 }),
          records: fc.array(recordArb, { maxLength: 6 }),
        }),
        (batch) => {
          const r = decodeRecordBatch(encodeRecordBatch(batch));
          if (!r.ok) return false;
          expect(r.value.baseOffset).toBe(batch.baseOffset);
          expect(r.value.producerId).toBe(batch.producerId);
          expect(r.value.records.length).toBe(batch.records.length);
          r.value.records.forEach((d, i) => {
            const src = batch.records[i];
            expect(d.key).toEqual(toRecordBytes(src.key));
            expect(d.value).toEqual(toRecordBytes(src.value));
            expect(d.timestampDelta).toBe(src.timestampDelta);
            expect(d.offsetDelta).toBe(i);
            expect(d.headers.map((h) => h.key)).toEqual(src.headers.map((h) => h.key));
            expect(d.headers.map((h) => h.value)).toEqual(src.headers.map((h) => h.value));
          });
          return true;
        },
      ),
    );
  });
});

describe("byte inspector", () => {
  it("labels contiguous ranges that cover every byte of the batch", () => {
    const bytes = encodeRecordBatch(simple);
    const { fields, crcValid } = inspectRecordBatch(bytes);
    expect(crcValid).toBe(true);
    let pos = 0;
    for (const f of fields) {
      expect(f.offset).toBe(pos);
      pos += f.length;
    }
    expect(pos).toBe(bytes.length);
    expect(fields.find((f) => f.path === "records[1].key")?.value).toBe("카프카");
    expect(fields.find((f) => f.path === "records[0].keyLength")?.value).toBe(-1);
    expect(fields.find((f) => f.path === "records[1].headers[0].key")?.value).toBe("trace");
  });

  it("keeps labelling a batch whose CRC does not match, flagging it invalid", () => {
    const bytes = encodeRecordBatch(simple);
    bytes[bytes.length - 1] ^= 0xff;
    const ins = inspectRecordBatch(bytes);
    expect(ins.crcValid).toBe(false);
    expect(ins.fields.length).toBeGreaterThan(13);
  });
});
