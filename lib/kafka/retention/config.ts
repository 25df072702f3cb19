/** Creation and validation of a retention simulation (`createRetentionState`). */
import { fail, ok, type Result } from "../core/errors";
import { getProfile } from "../core/profile";
import { isInt } from "../core/step-guard";
import { createLogState } from "../log/config";
import type { RetentionConfig, RetentionInit, RetentionState } from "./types";

/** `log.initial.task.delay.ms`: the retention task first runs 30 s after startup. */
export const DEFAULT_INITIAL_TASK_DELAY_MS = 30_000;

/** Fills defaults from the profile and validates retention settings. */
export function resolveRetentionConfig(init: RetentionInit = {}): Result<RetentionConfig> {
  const broker = getProfile(init.profile ?? "kafka-4.x").broker;
  const config: RetentionConfig = {
    retentionMs: init.retentionMs ?? broker["retention.ms"],
    retentionBytes: init.retentionBytes ?? broker["retention.bytes"],
    checkIntervalMs: init.checkIntervalMs ?? broker["log.retention.check.interval.ms"],
    initialDelayMs: init.initialDelayMs ?? DEFAULT_INITIAL_TASK_DELAY_MS,
  };
  if (!isInt(config.retentionMs) || config.retentionMs < -1) {
    return fail("INVALID_CONFIG", `retention.ms는 -1(무제한) 이상의 정수여야 합니다 (받은 값: ${config.retentionMs}).`);
  }
  if (!isInt(config.retentionBytes) || config.retentionBytes < -1) {
    return fail("INVALID_CONFIG", `retention.bytes는 -1(무제한) 이상의 정수여야 합니다 (받은 값: ${config.retentionBytes}).`);
  }
  if (!isInt(config.checkIntervalMs) || config.checkIntervalMs <= 0) {
    return fail("INVALID_CONFIG", `log.retention.check.interval.ms는 1 이상이어야 합니다 (받은 값: ${config.checkIntervalMs}).`);
  }
  if (!isInt(config.initialDelayMs) || config.initialDelayMs < 0) {
    return fail("INVALID_CONFIG", `초기 지연(log.initial.task.delay.ms)은 0 이상이어야 합니다 (받은 값: ${config.initialDelayMs}).`);
  }
  return ok(config);
}

/** Creates a log with a retention schedule: first check at now + initial delay. */
export function createRetentionState(init: RetentionInit = {}): Result<RetentionState> {
  const config = resolveRetentionConfig(init);
  if (!config.ok) return config;
  const log = createLogState(init);
  if (!log.ok) return log;
  return ok({
    log: log.value,
    config: config.value,
    nextCheckMs: log.value.nowMs + config.value.initialDelayMs,
    checksRun: 0,
    lastRun: null,
    lastFetch: null,
    lastError: null,
  });
}
