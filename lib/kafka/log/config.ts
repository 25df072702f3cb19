/** Creation and validation of a partition log (`createLogState`). */
import { fail, ok, type Result } from "../core/errors";
import { getProfile } from "../core/profile";
import { seedRng } from "../core/rng";
import { isInt } from "../core/step-guard";
import { drawRollJitter, newSegment } from "./segment";
import type { CleanupPolicy, LogConfig, LogInit, LogState } from "./types";

/** Kafka's default `segment.index.bytes` (10 MiB). */
export const DEFAULT_SEGMENT_INDEX_BYTES = 10 * 1024 * 1024;
/** Kafka's default `file.delete.delay.ms`. */
export const DEFAULT_FILE_DELETE_DELAY_MS = 60_000;
/** Kafka's default `max.message.bytes` (1 MiB + 12-byte log overhead). */
export const DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;

/** Normalises a `cleanup.policy` value ("delete,compact" and "compact,delete" are the same list). */
export function normalizeCleanupPolicy(policy: string): CleanupPolicy | null {
  const parts = policy
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const compact = parts.includes("compact");
  const del = parts.includes("delete");
  if (parts.some((p) => p !== "compact" && p !== "delete") || (!compact && !del)) return null;
  return compact && del ? "compact,delete" : compact ? "compact" : "delete";
}

/** True when the policy includes `delete` (time/size retention applies). */
export function policyDeletes(policy: CleanupPolicy): boolean {
  return policy !== "compact";
}

/** True when the policy includes `compact` (keys are required, the cleaner runs). */
export function policyCompacts(policy: CleanupPolicy): boolean {
  return policy !== "delete";
}

/** Fills defaults from the version profile and validates a log configuration. */
export function resolveLogConfig(init: LogInit = {}): Result<LogConfig> {
  const profile = getProfile(init.profile ?? "kafka-4.x");
  const policy = normalizeCleanupPolicy(init.cleanupPolicy ?? "delete");
  if (policy === null) {
    return fail(
      "INVALID_CONFIG",
      `cleanup.policy는 delete, compact 또는 compact,delete 중 하나여야 합니다 (받은 값: ${String(init.cleanupPolicy)}).`,
    );
  }
  const config: LogConfig = {
    topic: init.topic ?? "demo-topic",
    partition: init.partition ?? 0,
    segmentBytes: init.segmentBytes ?? profile.broker["segment.bytes"],
    segmentMs: init.segmentMs ?? profile.broker["segment.ms"],
    segmentJitterMs: init.segmentJitterMs ?? 0,
    segmentIndexBytes: init.segmentIndexBytes ?? DEFAULT_SEGMENT_INDEX_BYTES,
    indexIntervalBytes: init.indexIntervalBytes ?? profile.broker["index.interval.bytes"],
    cleanupPolicy: policy,
    fileDeleteDelayMs: init.fileDeleteDelayMs ?? DEFAULT_FILE_DELETE_DELAY_MS,
    maxMessageBytes: init.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    highWatermarkFollowsLogEnd: init.highWatermarkFollowsLogEnd ?? true,
    profile: profile.id,
    ...(init.maxCompactionLagMs !== undefined ? { maxCompactionLagMs: init.maxCompactionLagMs } : {}),
  };
  if (typeof config.topic !== "string" || config.topic.length === 0) return fail("INVALID_CONFIG", "토픽 이름이 비어 있습니다.");
  if (!isInt(config.partition) || config.partition < 0) {
    return fail("INVALID_CONFIG", `파티션 번호는 0 이상의 정수여야 합니다 (받은 값: ${config.partition}).`);
  }
  if (!isInt(config.segmentBytes) || config.segmentBytes <= 0) {
    return fail("INVALID_CONFIG", `segment.bytes는 1 이상의 정수여야 합니다 (받은 값: ${config.segmentBytes}).`);
  }
  if (!isInt(config.segmentMs) || config.segmentMs <= 0) {
    return fail("INVALID_CONFIG", `segment.ms는 1 이상의 정수여야 합니다 (받은 값: ${config.segmentMs}).`);
  }
  if (!isInt(config.segmentJitterMs) || config.segmentJitterMs < 0) {
    return fail("INVALID_CONFIG", `segment.jitter.ms는 0 이상의 정수여야 합니다 (받은 값: ${config.segmentJitterMs}).`);
  }
  if (!isInt(config.segmentIndexBytes) || config.segmentIndexBytes < 12) {
    return fail("INVALID_CONFIG", `segment.index.bytes는 12 이상이어야 합니다 (받은 값: ${config.segmentIndexBytes}).`);
  }
  if (!isInt(config.indexIntervalBytes) || config.indexIntervalBytes < 0) {
    return fail("INVALID_CONFIG", `index.interval.bytes는 0 이상의 정수여야 합니다 (받은 값: ${config.indexIntervalBytes}).`);
  }
  if (!isInt(config.fileDeleteDelayMs) || config.fileDeleteDelayMs < 0) {
    return fail("INVALID_CONFIG", `file.delete.delay.ms는 0 이상의 정수여야 합니다 (받은 값: ${config.fileDeleteDelayMs}).`);
  }
  if (config.maxCompactionLagMs !== undefined && (!isInt(config.maxCompactionLagMs) || config.maxCompactionLagMs < 1)) {
    return fail("INVALID_CONFIG", `max.compaction.lag.ms는 1 이상의 정수여야 합니다 (받은 값: ${config.maxCompactionLagMs}).`);
  }
  if (!isInt(config.maxMessageBytes) || config.maxMessageBytes <= 0) {
    return fail("INVALID_CONFIG", `max.message.bytes는 1 이상의 정수여야 합니다 (받은 값: ${config.maxMessageBytes}).`);
  }
  return ok(config);
}

/** Creates an empty partition log: one empty active segment at the log start offset. */
export function createLogState(init: LogInit = {}): Result<LogState> {
  const resolved = resolveLogConfig(init);
  if (!resolved.ok) return resolved;
  const nowMs = init.nowMs ?? 0;
  const start = init.logStartOffset ?? 0;
  if (!isInt(nowMs)) return fail("INVALID_CONFIG", "시작 시각(nowMs)은 정수여야 합니다.");
  if (!isInt(start) || start < 0) return fail("INVALID_CONFIG", `로그 시작 오프셋은 0 이상의 정수여야 합니다 (받은 값: ${start}).`);
  // The first segment draws its roll jitter like every later one (LogConfig.randomSegmentJitter).
  const [jitter, rng] = drawRollJitter(seedRng(init.seed ?? 0), resolved.value);
  return ok({
    config: resolved.value,
    nowMs,
    rng,
    segments: [newSegment(start, nowMs, jitter)],
    logStartOffset: start,
    logEndOffset: start,
    highWatermark: start,
    snapshots: [],
    pendingDeletes: [],
    lastRemovedFiles: [],
    lastRoll: null,
    rollCount: 0,
    lastError: null,
  });
}
