/**
 * Appending to a partition log (`UnifiedLog.append` → `maybeRoll` → `LogSegment.append`) and
 * explicit rolls (`UnifiedLog.roll`). Segments roll on append ONLY: an idle log never rolls.
 * A "draft" is a shallow copy whose active segment may be mutated during one call, so appending
 * many batches costs one copy of the active segment, and the input state is never touched.
 */
import { fail, ok, type Result } from "../core/errors";
import { isInt } from "../core/step-guard";
import { encodedRecordSize, BATCH_OVERHEAD_BYTES } from "./record-size";
import { appendBatchToDraft, draftSegment, drawRollJitter, newSegment, onBecomeInactiveSegment, shouldRoll } from "./segment";
import type { LogBatch, LogRecord, LogState, RecordInput, RollReason } from "./types";
import { NO_TIMESTAMP } from "./types";
import { policyCompacts } from "./config";

interface LogDraft {
  s: LogState;
  activeOwned: boolean;
}

function openDraft(log: LogState): LogDraft {
  return { s: { ...log, segments: log.segments.slice(), snapshots: log.snapshots.slice(), lastError: null }, activeOwned: false };
}

function ownedActive(d: LogDraft) {
  const i = d.s.segments.length - 1;
  if (!d.activeOwned) {
    d.s.segments[i] = draftSegment(d.s.segments[i]);
    d.activeOwned = true;
  }
  return d.s.segments[i];
}

/**
 * `LocalLog.roll`: the new segment's base offset is max(expectedNextOffset, LEO); the old active
 * segment closes its time index, and a producer snapshot named after the new base is taken.
 * An empty active segment at the same base offset is recreated instead of duplicated.
 */
function draftRoll(d: LogDraft, expectedNextOffset: number | undefined, reason: RollReason): void {
  const s = d.s;
  const newOffset = Math.max(expectedNextOffset ?? 0, s.logEndOffset);
  const [jitter, rng] = drawRollJitter(s.rng, s.config);
  s.rng = rng;
  const fresh = newSegment(newOffset, s.nowMs, jitter);
  const last = s.segments.length - 1;
  if (s.segments[last].baseOffset === newOffset && s.segments[last].size === 0) {
    s.segments[last] = fresh;
  } else {
    s.segments[last] = onBecomeInactiveSegment(s.segments[last]);
    s.segments.push(fresh);
  }
  d.activeOwned = true;
  if (s.snapshots[s.snapshots.length - 1] !== newOffset) s.snapshots.push(newOffset);
  s.lastRoll = { baseOffset: newOffset, reason, atMs: s.nowMs };
  s.rollCount += 1;
}

function draftAppendBatch(d: LogDraft, batch: LogBatch): RollReason | null {
  const s = d.s;
  const active = s.segments[s.segments.length - 1];
  const reason = shouldRoll(active, s.config, {
    batchSize: batch.size,
    maxTimestamp: batch.maxTimestamp,
    lastOffset: batch.lastOffset,
    nowMs: s.nowMs,
  });
  if (reason !== null) draftRoll(d, batch.baseOffset, reason);
  appendBatchToDraft(ownedActive(d), batch, s.config, s.nowMs);
  s.logEndOffset = batch.lastOffset + 1;
  if (s.config.highWatermarkFollowsLogEnd) s.highWatermark = s.logEndOffset;
  return reason;
}

/** Builds a batch from inputs: dense offsets from `baseOffset`, v2 record sizes, max timestamp. */
export function buildBatch(inputs: ReadonlyArray<RecordInput>, baseOffset: number, leaderEpoch: number): LogBatch {
  const records: LogRecord[] = new Array(inputs.length);
  const baseTs = inputs.length > 0 ? (inputs[0].timestamp ?? NO_TIMESTAMP) : NO_TIMESTAMP;
  let size = BATCH_OVERHEAD_BYTES;
  let maxTs = NO_TIMESTAMP;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const key = input.key ?? null;
    const ts = input.timestamp ?? NO_TIMESTAMP;
    const recSize = input.sizeBytes ?? encodedRecordSize(key, input.value, ts - baseTs, i);
    records[i] = { offset: baseOffset + i, key, value: input.value, timestamp: ts, size: recSize };
    size += recSize;
    if (ts > maxTs) maxTs = ts;
  }
  return { baseOffset, lastOffset: baseOffset + inputs.length - 1, maxTimestamp: maxTs, size, leaderEpoch, records, deleteHorizonMs: null };
}

/** Result of an append: the new log and the offsets assigned (-1 when nothing was appended). */
export interface AppendResult {
  log: LogState;
  firstOffset: number;
  lastOffset: number;
  rolled: RollReason | null;
}

function validateInputs(log: LogState, inputs: unknown, leader: boolean): Result<RecordInput[]> {
  if (!Array.isArray(inputs)) return fail("INVALID_EVENT", "records는 배열이어야 합니다.");
  for (const r of inputs as RecordInput[]) {
    if (r === null || typeof r !== "object") return fail("INVALID_EVENT", "레코드는 {key, value, timestamp} 객체여야 합니다.");
    if (r.value !== null && typeof r.value !== "string")
      return fail("INVALID_EVENT", "레코드 value는 문자열 또는 null(툼스톤)이어야 합니다.");
    if (r.key !== undefined && r.key !== null && typeof r.key !== "string")
      return fail("INVALID_EVENT", "레코드 key는 문자열 또는 null이어야 합니다.");
    if (r.timestamp !== undefined && !isInt(r.timestamp)) return fail("INVALID_EVENT", "레코드 timestamp는 정수(ms)여야 합니다.");
    if (r.sizeBytes !== undefined && (!isInt(r.sizeBytes) || r.sizeBytes <= 0))
      return fail("INVALID_EVENT", "sizeBytes는 1 이상의 정수여야 합니다.");
    // LogValidator.validateKey: only the leader validates; followers copy what the leader accepted.
    if (leader && policyCompacts(log.config.cleanupPolicy) && (r.key === undefined || r.key === null)) {
      const name = log.config.profile === "kafka-2.x" ? "CORRUPT_MESSAGE" : "INVALID_RECORD";
      return fail(
        "KAFKA_ERROR",
        `압축(compact) 토픽은 키가 없는 레코드를 받을 수 없습니다 (Compacted topic cannot accept message without key in topic partition ${log.config.topic}-${log.config.partition}).`,
        name,
      );
    }
  }
  return ok(inputs as RecordInput[]);
}

function checkBatchSize(log: LogState, batch: LogBatch): Result<true> {
  if (batch.size > log.config.maxMessageBytes) {
    return fail(
      "KAFKA_ERROR",
      `배치 크기 ${batch.size}바이트가 max.message.bytes(${log.config.maxMessageBytes})를 넘습니다.`,
      "MESSAGE_TOO_LARGE",
    );
  }
  if (batch.size > log.config.segmentBytes) {
    return fail(
      "KAFKA_ERROR",
      `배치 크기 ${batch.size}바이트가 segment.bytes(${log.config.segmentBytes})보다 커서 어떤 세그먼트에도 들어갈 수 없습니다.`,
      "RECORD_LIST_TOO_LARGE",
    );
  }
  return ok(true);
}

/** Leader append: one batch at the LEO (an empty record list is a no-op and never rolls). */
export function appendRecords(
  log: LogState,
  inputs: ReadonlyArray<RecordInput>,
  opts: { leaderEpoch?: number } = {},
): Result<AppendResult> {
  return appendAt(log, log.logEndOffset, inputs, opts.leaderEpoch ?? 0, true);
}

/** Follower-style append of a batch whose base offset is given (it may skip offsets, never go back). */
export function appendRecordsAt(
  log: LogState,
  baseOffset: number,
  inputs: ReadonlyArray<RecordInput>,
  opts: { leaderEpoch?: number } = {},
): Result<AppendResult> {
  if (!isInt(baseOffset) || baseOffset < log.logEndOffset) {
    return fail("INVALID_EVENT", `추가할 배치의 시작 오프셋(${baseOffset})이 로그 끝 오프셋(LEO ${log.logEndOffset})보다 작습니다.`);
  }
  return appendAt(log, baseOffset, inputs, opts.leaderEpoch ?? 0, false);
}

function appendAt(
  log: LogState,
  baseOffset: number,
  inputs: ReadonlyArray<RecordInput>,
  epoch: number,
  leader: boolean,
): Result<AppendResult> {
  const valid = validateInputs(log, inputs, leader);
  if (!valid.ok) return valid;
  if (valid.value.length === 0) return ok({ log, firstOffset: -1, lastOffset: -1, rolled: null });
  const batch = buildBatch(valid.value, baseOffset, epoch);
  const sized = checkBatchSize(log, batch);
  if (!sized.ok) return sized;
  const d = openDraft(log);
  const rolled = draftAppendBatch(d, batch);
  return ok({ log: d.s, firstOffset: batch.baseOffset, lastOffset: batch.lastOffset, rolled });
}

/** Appends many leader batches in one pass (one copy of the active segment); stops at the first error. */
export function appendMany(
  log: LogState,
  batches: ReadonlyArray<{ records: ReadonlyArray<RecordInput>; leaderEpoch?: number }>,
): Result<{ log: LogState; firstOffset: number; lastOffset: number }> {
  const d = openDraft(log);
  let first = -1;
  let last = -1;
  for (const b of batches) {
    const valid = validateInputs(d.s, b.records, true);
    if (!valid.ok) return valid;
    if (valid.value.length === 0) continue;
    const batch = buildBatch(valid.value, d.s.logEndOffset, b.leaderEpoch ?? 0);
    const sized = checkBatchSize(d.s, batch);
    if (!sized.ok) return sized;
    draftAppendBatch(d, batch);
    if (first < 0) first = batch.baseOffset;
    last = batch.lastOffset;
  }
  return ok({ log: d.s, firstOffset: first, lastOffset: last });
}

/**
 * `UnifiedLog.roll()`: starts a new, empty active segment at the LEO without appending (an empty
 * active segment is recreated, not duplicated). Rolls ahead of the LEO only happen inside
 * follower appends, where the batch itself moves the LEO past the new base offset.
 */
export function rollSegment(log: LogState, reason: RollReason = "explicit"): LogState {
  const d = openDraft(log);
  draftRoll(d, undefined, reason);
  return d.s;
}
