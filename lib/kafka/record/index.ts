/** Record batch v2 (magic 2): varints, CRC-32C, encode, decode and the byte inspector. */
export * from "./types";
export {
  zigZagEncode32,
  zigZagDecode32,
  zigZagEncode64,
  zigZagDecode64,
  encodeVarint,
  readVarint,
  varintSize,
  encodeVarlong,
  readVarlong,
  varlongSize,
} from "./varint";
export { crc32c } from "./crc32c";
export { toRecordBytes, encodeAttributes, recordSizeInBytes, tryEncodeRecordBatch, encodeRecordBatch } from "./encode";
export { decodeAttributes, bytesToDisplay, parseRecordBatch, decodeRecordBatch, inspectRecordBatch } from "./decode";
export type { ParsedBatch, ByteInspection } from "./decode";
