/** Data model of time/size retention (`UnifiedLog.deleteOldSegments`, `LogManager.cleanupLogs`). */
import type { SimError } from "../core/errors";
import type { LogInit, LogRecord, LogState, RecordInput } from "../log/types";

/** Retention settings (Kafka names in comments). */
export interface RetentionConfig {
  /** retention.ms (−1 = no time limit) */
  retentionMs: number;
  /** retention.bytes per partition (−1 = no size limit) */
  retentionBytes: number;
  /** log.retention.check.interval.ms */
  checkIntervalMs: number;
  /** log.initial.task.delay.ms: the first retention check runs this long after startup */
  initialDelayMs: number;
}

/** Why a segment was deleted (the three passes of deleteOldSegments). */
export type DeletionReason = "log-start-offset" | "retention.bytes" | "retention.ms";

/** A segment removed by retention. */
export interface DeletedSegment {
  baseOffset: number;
  /** First offset NOT in the segment (next segment base or LEO). */
  upperBoundOffset: number;
  size: number;
  largestTimestamp: number;
  reason: DeletionReason;
}

/** What one `deleteOldSegments` call did. */
export interface RetentionRun {
  atMs: number;
  deleted: DeletedSegment[];
  /** All segments incl. the active one qualified, so an empty segment was rolled at the LEO first. */
  rolledEmptySegment: boolean;
  logStartOffsetBefore: number;
  logStartOffsetAfter: number;
}

/** `auto.offset.reset` */
export type AutoOffsetReset = "earliest" | "latest" | "none";

/** Outcome of a consumer fetch against the log. */
export interface FetchOutcome {
  requestedOffset: number;
  /** Kafka error the broker answered (OFFSET_OUT_OF_RANGE) before any reset, or null. */
  brokerError: string | null;
  /** Position actually read from (after auto.offset.reset), or null when the reset policy is "none". */
  readFrom: number | null;
  records: LogRecord[];
  nextFetchOffset: number | null;
}

/** Retention state: the log plus the retention schedule. */
export interface RetentionState {
  log: LogState;
  config: RetentionConfig;
  /** Next time the `kafka-log-retention` task runs. */
  nextCheckMs: number;
  checksRun: number;
  lastRun: RetentionRun | null;
  lastFetch: FetchOutcome | null;
  lastError: SimError | null;
}

/** Options accepted by `createRetentionState`. */
export type RetentionInit = LogInit & Partial<RetentionConfig>;

/** Events of the retention reducer. */
export type RetentionEvent =
  | { type: "append"; records: RecordInput[] }
  | { type: "tick"; nowMs: number }
  | { type: "setHighWatermark"; offset: number }
  | { type: "roll" }
  | { type: "runRetention" }
  | { type: "fetch"; offset: number; maxRecords?: number; autoOffsetReset?: AutoOffsetReset }
  | { type: "deleteRecords"; offset: number };
