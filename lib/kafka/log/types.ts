/**
 * Data model of one partition log (Kafka's `UnifiedLog` / `LocalLog` / `LogSegment`).
 * Everything is plain JSON: offsets and times are safe integers, files are derived from offsets.
 */
import type { SimError } from "../core/errors";
import type { ProfileId } from "../core/profile";
import type { RngState } from "../core/rng";

/** Kafka's `RecordBatch.NO_TIMESTAMP`: the record carries no timestamp. */
export const NO_TIMESTAMP = -1;

/** `cleanup.policy` (a list in Kafka; order is irrelevant, so we normalise to these three). */
export type CleanupPolicy = "delete" | "compact" | "compact,delete";

/** One record as stored in the log. */
export interface LogRecord {
  offset: number;
  key: string | null;
  /** `null` = tombstone. */
  value: string | null;
  /** CreateTime in ms, or NO_TIMESTAMP. */
  timestamp: number;
  /** Encoded size of this record inside its batch, in bytes. */
  size: number;
}

/** A record batch (the unit of append, indexing, rolling and tombstone horizons). */
export interface LogBatch {
  baseOffset: number;
  lastOffset: number;
  /** Largest record timestamp in the batch (`maxTimestamp`), or NO_TIMESTAMP. */
  maxTimestamp: number;
  /** Bytes on disk, including the 61-byte batch header. */
  size: number;
  /** `partitionLeaderEpoch` of the leader that wrote the batch. */
  leaderEpoch: number;
  records: LogRecord[];
  /** Set by the cleaner on the first cleaning that retains a tombstone (`deleteHorizonMs`). */
  deleteHorizonMs: number | null;
}

/** Sparse offset index entry (`.index`): the batch's last offset and the batch's file position. */
export interface OffsetIndexEntry {
  offset: number;
  position: number;
}

/** Sparse time index entry (`.timeindex`): max timestamp so far and the offset that carries it. */
export interface TimeIndexEntry {
  timestamp: number;
  offset: number;
}

/** One segment = `<base>.log` + `<base>.index` + `<base>.timeindex`. */
export interface Segment {
  baseOffset: number;
  batches: LogBatch[];
  /** `.log` size in bytes. */
  size: number;
  offsetIndex: OffsetIndexEntry[];
  timeIndex: TimeIndexEntry[];
  bytesSinceLastIndexEntry: number;
  /** Max timestamp of the first batch (Kafka's `rollingBasedTimestamp`); null while empty. */
  rollingBasedTimestamp: number | null;
  maxTimestampSoFar: number;
  offsetOfMaxTimestampSoFar: number;
  /** Wall-clock creation time; time-based rolling falls back to it when the first batch has no timestamp. */
  createdAtMs: number;
  /** Wall-clock time of the last write (Kafka's file mtime). */
  lastModifiedMs: number;
  /** Random `[0, min(segment.jitter.ms, segment.ms))` drawn when the segment was created. */
  rollJitterMs: number;
}

/** Topic-level log configuration (Kafka names in comments). */
export interface LogConfig {
  topic: string;
  partition: number;
  /** segment.bytes */
  segmentBytes: number;
  /** segment.ms */
  segmentMs: number;
  /** segment.jitter.ms */
  segmentJitterMs: number;
  /** segment.index.bytes (limits index entries: /8 offset entries, /12 time entries) */
  segmentIndexBytes: number;
  /** index.interval.bytes */
  indexIntervalBytes: number;
  /** cleanup.policy */
  cleanupPolicy: CleanupPolicy;
  /** file.delete.delay.ms */
  fileDeleteDelayMs: number;
  /** max.message.bytes (largest batch accepted) */
  maxMessageBytes: number;
  /** A single-replica partition: the high watermark follows the log end offset on every append. */
  highWatermarkFollowsLogEnd: boolean;
  /** Version profile (decides a few error names). */
  profile: ProfileId;
  /** max.compaction.lag.ms: on a compacted topic it also bounds segment age (`LogConfig.maxSegmentMs`). Optional for older saved states. */
  maxCompactionLagMs?: number;
}

/** Why a segment rolled (first matching condition of `LogSegment.shouldRoll`, or an explicit roll). */
export type RollReason = "segment.bytes" | "segment.ms" | "index-full" | "offset-overflow" | "explicit" | "retention";

/** A file renamed `*.deleted`, physically removed at `deleteAtMs`. */
export interface PendingDelete {
  file: string;
  deleteAtMs: number;
}

/** The partition log. */
export interface LogState {
  config: LogConfig;
  /** Simulation clock (wall clock of the broker), ms. */
  nowMs: number;
  rng: RngState;
  /** Ordered by baseOffset; the last one is the active segment. Never empty. */
  segments: Segment[];
  logStartOffset: number;
  /** LEO: offset of the next record to be appended. */
  logEndOffset: number;
  /** Set from outside (replication) unless `highWatermarkFollowsLogEnd`. */
  highWatermark: number;
  /** Offsets of `<offset>.snapshot` producer-state files (taken at every roll). */
  snapshots: number[];
  pendingDeletes: PendingDelete[];
  /** Files physically removed by the last clock advance (for display). */
  lastRemovedFiles: string[];
  lastRoll: { baseOffset: number; reason: RollReason; atMs: number } | null;
  rollCount: number;
  lastError: SimError | null;
}

/** A record as handed to `append` (size computed from the v2 encoding unless given). */
export interface RecordInput {
  key?: string | null;
  value: string | null;
  timestamp?: number;
  sizeBytes?: number;
}

/** Options accepted by `createLogState`. */
export type LogInit = Partial<LogConfig> & { nowMs?: number; seed?: number | string; logStartOffset?: number };

/** Events of the log reducer. */
export type LogEvent =
  | { type: "append"; records: RecordInput[]; leaderEpoch?: number }
  | { type: "appendAt"; baseOffset: number; records: RecordInput[]; leaderEpoch?: number }
  | { type: "roll" }
  | { type: "tick"; nowMs: number }
  | { type: "setHighWatermark"; offset: number }
  /** Admin API DeleteRecords: advance the log start offset (−1 = up to the high watermark). */
  | { type: "deleteRecords"; offset: number };
