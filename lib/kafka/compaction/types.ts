/** Data model of log compaction (`LogCleaner`, `LogCleanerManager`, `LogToClean`). */
import type { SimError } from "../core/errors";
import type { LogInit, LogState, RecordInput } from "../log/types";
import type { AutoOffsetReset, FetchOutcome, RetentionConfig, RetentionRun } from "../retention/types";

/** Compaction settings (Kafka names in comments). */
export interface CompactionConfig {
  /** min.cleanable.dirty.ratio (cleanable iff ratio is STRICTLY greater) */
  minCleanableDirtyRatio: number;
  /** min.compaction.lag.ms */
  minCompactionLagMs: number;
  /** max.compaction.lag.ms (Long.MAX_VALUE by default → Number.MAX_SAFE_INTEGER here) */
  maxCompactionLagMs: number;
  /** delete.retention.ms: how long a tombstone survives after the first cleaning that saw it */
  deleteRetentionMs: number;
  /** log.cleaner.backoff.ms: pause of the cleaner thread when nothing was cleanable */
  backoffMs: number;
  /** Used when cleanup.policy = compact,delete (the cleaner thread runs retention too). */
  retention: RetentionConfig;
}

/** `LogToClean`: the cleanable range of a log and its dirty ratio. */
export interface LogToClean {
  firstDirtyOffset: number;
  /** min(LSO/HW, active segment base, min.compaction.lag boundary) — may be mid-segment. */
  firstUncleanableDirtyOffset: number;
  /** The segment-aligned upper bound actually cleaned (base of the segment holding the offset above). */
  firstUncleanableOffset: number;
  /** Bytes of segments before firstDirtyOffset (the clean "tail"). */
  cleanBytes: number;
  /** Bytes of non-active segments from firstDirtyOffset to firstUncleanableOffset (the dirty "head"). */
  cleanableBytes: number;
  totalBytes: number;
  cleanableRatio: number;
  /** How far max.compaction.lag.ms is exceeded by the earliest dirty segment (0 = not exceeded). */
  maxCompactionDelayMs: number;
  needCompactionNow: boolean;
}

/** What one cleaning did (for the chapter's step-by-step view). */
export interface CleaningSummary {
  atMs: number;
  firstDirtyOffset: number;
  /** New cleaner checkpoint (Kafka's `endOffset` = latest mapped offset + 1). */
  endOffset: number;
  /** Keys in the offset map (key → latest offset over the dirty range). */
  mapSize: number;
  /** Base offsets of the segments merged into each cleaned segment. */
  groups: number[][];
  recordsRead: number;
  recordsRetained: number;
  recordsRemoved: number;
  /** Tombstones that got a delete horizon (cleaner time + delete.retention.ms) in this cleaning. */
  tombstonesStamped: number;
  /** Tombstones dropped (shadowed by a newer record of the key, or past their delete horizon). */
  tombstonesRemoved: number;
  bytesBefore: number;
  bytesAfter: number;
  /** `.cleaned` files written (renamed `.swap` then `.log`). */
  cleanedFiles: string[];
}

/** Compaction state: the log, the cleaner checkpoint and the cleaner thread's schedule. */
export interface CompactionState {
  log: LogState;
  config: CompactionConfig;
  /** cleaner-offset-checkpoint for this partition (null = never cleaned). */
  checkpoint: number | null;
  nextCleanerRunMs: number;
  cleanings: number;
  lastCheck: (LogToClean & { cleanable: boolean }) | null;
  lastCleaning: CleaningSummary | null;
  lastRetentionRun: RetentionRun | null;
  lastFetch: FetchOutcome | null;
  lastError: SimError | null;
}

/** Options accepted by `createCompactionState`. */
export type CompactionInit = LogInit & Partial<Omit<CompactionConfig, "retention">> & Partial<RetentionConfig>;

/** Events of the compaction reducer. */
export type CompactionEvent =
  | { type: "append"; records: RecordInput[] }
  | { type: "tick"; nowMs: number }
  | { type: "setHighWatermark"; offset: number }
  | { type: "roll" }
  | { type: "runCleaner" }
  | { type: "fetch"; offset: number; maxRecords?: number; autoOffsetReset?: AutoOffsetReset }
  | { type: "deleteRecords"; offset: number };
