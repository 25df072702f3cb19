/** Creation and validation of a compaction simulation (`createCompactionState`). */
import { fail, ok, type Result } from "../core/errors";
import { getProfile } from "../core/profile";
import { isInt } from "../core/step-guard";
import { createLogState } from "../log/config";
import { resolveRetentionConfig } from "../retention/config";
import type { CompactionConfig, CompactionInit, CompactionState } from "./types";

/** `log.cleaner.backoff.ms` default. */
export const DEFAULT_CLEANER_BACKOFF_MS = 15_000;

/** Fills defaults from the profile and validates compaction settings. */
export function resolveCompactionConfig(init: CompactionInit = {}): Result<CompactionConfig> {
  const broker = getProfile(init.profile ?? "kafka-4.x").broker;
  const retention = resolveRetentionConfig(init);
  if (!retention.ok) return retention;
  const config: CompactionConfig = {
    minCleanableDirtyRatio: init.minCleanableDirtyRatio ?? broker["min.cleanable.dirty.ratio"],
    minCompactionLagMs: init.minCompactionLagMs ?? 0,
    maxCompactionLagMs: init.maxCompactionLagMs ?? Number.MAX_SAFE_INTEGER,
    deleteRetentionMs: init.deleteRetentionMs ?? broker["delete.retention.ms"],
    backoffMs: init.backoffMs ?? DEFAULT_CLEANER_BACKOFF_MS,
    retention: retention.value,
  };
  const r = config.minCleanableDirtyRatio;
  if (typeof r !== "number" || !(r >= 0 && r <= 1)) {
    return fail("INVALID_CONFIG", `min.cleanable.dirty.ratio는 0과 1 사이여야 합니다 (받은 값: ${r}).`);
  }
  if (!isInt(config.minCompactionLagMs) || config.minCompactionLagMs < 0) {
    return fail("INVALID_CONFIG", `min.compaction.lag.ms는 0 이상이어야 합니다 (받은 값: ${config.minCompactionLagMs}).`);
  }
  if (!isInt(config.maxCompactionLagMs) || config.maxCompactionLagMs < 1) {
    return fail("INVALID_CONFIG", `max.compaction.lag.ms는 1 이상이어야 합니다 (받은 값: ${config.maxCompactionLagMs}).`);
  }
  if (!isInt(config.deleteRetentionMs) || config.deleteRetentionMs < 0) {
    return fail("INVALID_CONFIG", `delete.retention.ms는 0 이상이어야 합니다 (받은 값: ${config.deleteRetentionMs}).`);
  }
  if (!isInt(config.backoffMs) || config.backoffMs <= 0) {
    return fail("INVALID_CONFIG", `log.cleaner.backoff.ms는 1 이상이어야 합니다 (받은 값: ${config.backoffMs}).`);
  }
  return ok(config);
}

/** Creates a compacted log (cleanup.policy defaults to "compact") with the cleaner thread's schedule. */
export function createCompactionState(init: CompactionInit = {}): Result<CompactionState> {
  const config = resolveCompactionConfig(init);
  if (!config.ok) return config;
  const log = createLogState({ ...init, cleanupPolicy: init.cleanupPolicy ?? "compact" });
  if (!log.ok) return log;
  if (log.value.config.cleanupPolicy === "delete") {
    return fail("INVALID_CONFIG", "압축 시뮬레이션에는 cleanup.policy에 compact가 포함되어야 합니다 (compact 또는 compact,delete).");
  }
  return ok({
    log: log.value,
    config: config.value,
    checkpoint: null,
    // The cleaner thread starts with the broker and backs off only when it found nothing to clean.
    nextCleanerRunMs: log.value.nowMs,
    cleanings: 0,
    lastCheck: null,
    lastCleaning: null,
    lastRetentionRun: null,
    lastFetch: null,
    lastError: null,
  });
}
