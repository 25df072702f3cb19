/**
 * The log's clock and its asynchronous file deletions: Kafka renames deleted segment files to
 * `*.deleted` and removes them `file.delete.delay.ms` later on a scheduler thread.
 */
import { DELETED_FILE_SUFFIX } from "./file-names";
import type { LogState } from "./types";

/** Renames files to `*.deleted` and schedules their removal after `file.delete.delay.ms`. */
export function scheduleFileDeletion(log: LogState, files: string[]): LogState {
  if (files.length === 0) return log;
  const deleteAtMs = log.nowMs + log.config.fileDeleteDelayMs;
  return { ...log, pendingDeletes: [...log.pendingDeletes, ...files.map((f) => ({ file: f + DELETED_FILE_SUFFIX, deleteAtMs }))] };
}

/** Moves the clock forward (never back) and removes `*.deleted` files whose delay has passed. */
export function advanceLogClock(log: LogState, nowMs: number): LogState {
  const now = Math.max(log.nowMs, nowMs);
  const due = log.pendingDeletes.filter((p) => p.deleteAtMs <= now);
  if (due.length === 0) return now === log.nowMs && log.lastRemovedFiles.length === 0 ? log : { ...log, nowMs: now, lastRemovedFiles: [] };
  return {
    ...log,
    nowMs: now,
    pendingDeletes: log.pendingDeletes.filter((p) => p.deleteAtMs > now),
    lastRemovedFiles: due.map((p) => p.file),
  };
}
