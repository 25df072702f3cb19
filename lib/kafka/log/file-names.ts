/**
 * File and directory names of a partition log (`LogFileUtils`, `LocalLog.parseTopicPartitionName`).
 * Offsets are formatted like Java's NumberFormat with minimumIntegerDigits = 20, no grouping.
 */
import { fail, ok, type Result } from "../core/errors";

export const LOG_FILE_SUFFIX = ".log";
export const INDEX_FILE_SUFFIX = ".index";
export const TIME_INDEX_FILE_SUFFIX = ".timeindex";
export const TXN_INDEX_FILE_SUFFIX = ".txnindex";
export const PRODUCER_SNAPSHOT_FILE_SUFFIX = ".snapshot";
export const DELETED_FILE_SUFFIX = ".deleted";
export const CLEANED_FILE_SUFFIX = ".cleaned";
export const SWAP_FILE_SUFFIX = ".swap";
export const DELETE_DIR_SUFFIX = "-delete";
export const FUTURE_DIR_SUFFIX = "-future";
export const STRAY_DIR_SUFFIX = "-stray";

/** `filenamePrefixFromOffset`: the offset zero-padded to 20 decimal digits (bigint for values beyond 2^53). */
export function filenamePrefixFromOffset(offset: number | bigint): string {
  const big = typeof offset === "bigint" ? offset : BigInt(Math.trunc(offset));
  const negative = big < BigInt(0);
  const digits = (negative ? -big : big).toString().padStart(20, "0");
  return negative ? `-${digits}` : digits;
}

/** Segment file name, e.g. `segmentFileName(0) = "00000000000000000000.log"`. */
export function segmentFileName(baseOffset: number | bigint, suffix = LOG_FILE_SUFFIX): string {
  return filenamePrefixFromOffset(baseOffset) + suffix;
}

/** Offset index file name (`<base>.index`). */
export function offsetIndexFileName(baseOffset: number | bigint): string {
  return segmentFileName(baseOffset, INDEX_FILE_SUFFIX);
}

/** Time index file name (`<base>.timeindex`). */
export function timeIndexFileName(baseOffset: number | bigint): string {
  return segmentFileName(baseOffset, TIME_INDEX_FILE_SUFFIX);
}

/** Aborted-transaction index file name (`<base>.txnindex`, created lazily by Kafka). */
export function txnIndexFileName(baseOffset: number | bigint): string {
  return segmentFileName(baseOffset, TXN_INDEX_FILE_SUFFIX);
}

/** Producer-state snapshot file name (`<offset>.snapshot`). */
export function producerSnapshotFileName(offset: number | bigint): string {
  return segmentFileName(offset, PRODUCER_SNAPSHOT_FILE_SUFFIX);
}

/** The files a segment has on disk (no `.txnindex`: the simulator has no aborted transactions). */
export function segmentFileNames(baseOffset: number): string[] {
  return [segmentFileName(baseOffset), offsetIndexFileName(baseOffset), timeIndexFileName(baseOffset)];
}

/** `offsetFromFile`: parses the offset prefix of a log/index/snapshot file name. */
export function offsetFromFileName(fileName: string): number {
  return Number(fileName.substring(0, fileName.indexOf(".") < 0 ? fileName.length : fileName.indexOf(".")));
}

/** Like `offsetFromFileName` but exact for offsets up to Long.MAX_VALUE. */
export function offsetFromFileNameBig(fileName: string): bigint {
  const dot = fileName.indexOf(".");
  return BigInt(fileName.substring(0, dot < 0 ? fileName.length : dot));
}

/** Partition directory name `<topic>-<partition>`. */
export function partitionDirName(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/**
 * `logDeleteDirName`: `<topic>-<partition>.<uniqueId>-delete`, the topic truncated so the name is at
 * most 255 characters. `uniqueId` is Kafka's UUID without dashes (32 characters), passed in to stay pure.
 */
export function logDeleteDirName(topic: string, partition: number, uniqueId: string): string {
  const fullSuffix = `-${partition}.${uniqueId}${DELETE_DIR_SUFFIX}`;
  const prefixLength = Math.min(topic.length, 255 - fullSuffix.length);
  return topic.substring(0, prefixLength) + fullSuffix;
}

const DELETE_DIR_PATTERN = /^(\S+)-(\S+)\.(\S+)-delete$/;
const FUTURE_DIR_PATTERN = /^(\S+)-(\S+)\.(\S+)-future$/;
const STRAY_DIR_PATTERN = /^(\S+)-(\S+)\.(\S+)-stray$/;

/** `parseTopicPartitionName`: splits a log directory name at its LAST '-' (topics may contain '-'). */
export function parseTopicPartitionName(dirName: string): Result<{ topic: string; partition: number }> {
  const bad = () =>
    fail<{ topic: string; partition: number }>(
      "INVALID_EVENT",
      `'${dirName}' 디렉터리는 topic-partition 또는 topic-partition.uniqueId-delete 형식이 아닙니다.`,
    );
  if (!dirName || !dirName.includes("-")) return bad();
  if (
    (dirName.endsWith(DELETE_DIR_SUFFIX) && !DELETE_DIR_PATTERN.test(dirName)) ||
    (dirName.endsWith(FUTURE_DIR_SUFFIX) && !FUTURE_DIR_PATTERN.test(dirName)) ||
    (dirName.endsWith(STRAY_DIR_SUFFIX) && !STRAY_DIR_PATTERN.test(dirName))
  ) {
    return bad();
  }
  const marked = [DELETE_DIR_SUFFIX, FUTURE_DIR_SUFFIX, STRAY_DIR_SUFFIX].some((s) => dirName.endsWith(s));
  const name = marked ? dirName.substring(0, dirName.lastIndexOf(".")) : dirName;
  const index = name.lastIndexOf("-");
  const topic = name.substring(0, index);
  const partitionString = name.substring(index + 1);
  if (topic.length === 0 || partitionString.length === 0) return bad();
  // Integer.parseInt: optional sign, decimal digits, int32 range.
  if (!/^[+-]?\d+$/.test(partitionString)) return bad();
  const partition = Number(partitionString);
  if (partition > 2147483647 || partition < -2147483648) return bad();
  return ok({ topic, partition });
}
