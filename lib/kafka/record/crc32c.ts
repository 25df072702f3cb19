/**
 * CRC-32C (Castagnoli), the checksum of record batch v2 (`Crc32C` in Kafka's clients).
 * Reflected polynomial 0x82F63B78, initial value and final xor 0xFFFFFFFF; one 256-entry table
 * built once at module load (pure data, no I/O).
 */
const TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Computes CRC-32C over `bytes[start, end)` and returns it as an unsigned 32-bit number. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffffffff;
  for (let i = start; i < end; i++) crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
