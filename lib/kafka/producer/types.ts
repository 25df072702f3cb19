/**
 * Idempotent and transactional producer against one broker: the client's producer id, epoch and
 * per-partition sequence numbers, the broker's producer state (`ProducerStateManager`, last 5
 * batches per producer and partition), transaction markers and the last stable offset. Plain JSON.
 */
import type { SimError } from "../core/errors";
import type { ProfileId } from "../core/profile";

/** `RecordBatch.NO_PRODUCER_ID` / `NO_PRODUCER_EPOCH` / `NO_SEQUENCE`. */
export const NO_PRODUCER_ID = -1;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;
/** `ProducerStateEntry.NUM_BATCHES_TO_RETAIN`: the broker remembers this many batches per producer and partition. */
export const NUM_BATCHES_TO_RETAIN = 5;
/** `ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION_FOR_IDEMPOTENCE`. */
export const MAX_IN_FLIGHT_FOR_IDEMPOTENCE = 5;
/** Default `retries` (Integer.MAX_VALUE since 2.1). */
export const DEFAULT_RETRIES = 2147483647;

/** Producer settings a learner can change (Kafka's names in comments). */
export interface ProducerInit {
  profile?: ProfileId;
  /** Partitions of the one topic the producer writes to (default 1). */
  partitions?: number;
  topic?: string;
  /** enable.idempotence — undefined = not set by the user (the profile default applies). */
  enableIdempotence?: boolean;
  /** acks — undefined = the profile default. */
  acks?: "0" | "1" | "all";
  /** retries */
  retries?: number;
  /** max.in.flight.requests.per.connection (default 5) */
  maxInFlight?: number;
  /** transactional.id (null/undefined = not transactional) */
  transactionalId?: string | null;
  /** Accepted for the common reducer contract (nothing here is random). */
  seed?: number | string;
}

/** Settings after Kafka's validation (`ProducerConfig.postProcessAndValidateIdempotenceConfigs`). */
export interface ResolvedProducerConfig {
  profile: ProfileId;
  topic: string;
  partitions: number;
  acks: "0" | "1" | "all";
  retries: number;
  maxInFlight: number;
  idempotence: boolean;
  /** Korean: why idempotence was switched off although the profile enables it by default, or null. */
  idempotenceDisabledReason: string | null;
  transactionalId: string | null;
}

/** Client transaction state (`TransactionManager.State`, the states a learner sees). */
export type TxnClientState = "UNINITIALIZED" | "READY" | "IN_TRANSACTION" | "FENCED";

/** A batch the client has sent (or will retry) and not yet completed. */
export interface InFlightBatch {
  id: number;
  partition: number;
  key: string | null;
  values: string[];
  producerId: number;
  epoch: number;
  /** First sequence number (NO_SEQUENCE without idempotence). */
  baseSequence: number;
  transactional: boolean;
  attempts: number;
}

/** What happened to one delivery attempt, as the client saw it. */
export type DeliveryFault = "none" | "requestLost" | "responseLost";

/** One entry of a partition log: a data record or a transaction marker (control record). */
export interface ProducedRecord {
  offset: number;
  kind: "data" | "control";
  key: string | null;
  /** Data value, or the marker type for a control record. */
  value: string;
  producerId: number;
  epoch: number;
  /** Sequence number of this record (NO_SEQUENCE without idempotence or for markers). */
  sequence: number;
  transactional: boolean;
  /** The client batch that wrote it (a retried batch written twice appears twice). */
  batchId: number | null;
  /** Position of the record inside its batch. */
  batchIndex: number;
  marker?: "COMMIT" | "ABORT";
}

/** Batch metadata the broker keeps per producer and partition (`BatchMetadata`). */
export interface RetainedBatch {
  firstSeq: number;
  lastSeq: number;
  firstOffset: number;
  lastOffset: number;
}

/** Broker-side state of one producer on one partition (`ProducerStateEntry`). */
export interface ProducerEntry {
  producerId: number;
  epoch: number;
  /** Most recent batches first-to-last, at most NUM_BATCHES_TO_RETAIN. */
  batches: RetainedBatch[];
  /** First offset of this producer's open transaction on the partition, or null. */
  currentTxnFirstOffset: number | null;
}

/** An aborted transaction range (`AbortedTxn` in the `.txnindex`). */
export interface AbortedTxn {
  producerId: number;
  firstOffset: number;
  /** Offset of the ABORT marker. */
  lastOffset: number;
}

/** One partition on the broker. */
export interface ProducerPartition {
  partition: number;
  records: ProducedRecord[];
  logStartOffset: number;
  logEndOffset: number;
  /** One replica: the high watermark follows the log end offset. */
  highWatermark: number;
  producers: Record<string, ProducerEntry>;
  aborted: AbortedTxn[];
}

/** The transaction coordinator's entry for a transactional.id (`TransactionMetadata`). */
export interface TxnCoordinatorEntry {
  producerId: number;
  epoch: number;
  state: "Empty" | "Ongoing" | "CompleteCommit" | "CompleteAbort";
  partitions: number[];
}

/** A timeline line for narration and a trace view. */
export interface ProducerTraceEntry {
  kind: "send" | "append" | "duplicate" | "error" | "retry" | "txn" | "marker" | "config";
  kafkaError?: string;
  /** Korean, ready for an aria-live region. */
  message: string;
}

export interface ProducerState {
  config: ResolvedProducerConfig;
  client: {
    producerId: number;
    epoch: number;
    /** Next sequence number per partition. */
    nextSequence: number[];
    txnState: TxnClientState;
    /** Partitions added to the open transaction. */
    txnPartitions: number[];
    inFlight: InFlightBatch[];
    nextBatchId: number;
    /** Batches that finally failed (retries exhausted or aborted), for display. */
    failed: { batchId: number; partition: number; values: string[]; error: string }[];
  };
  broker: {
    nextProducerId: number;
    transactions: Record<string, TxnCoordinatorEntry>;
    partitions: ProducerPartition[];
  };
  trace: ProducerTraceEntry[];
  lastError: SimError | null;
}

export type ProducerEvent =
  /** `KafkaProducer.send`: a batch of one or more values to a partition (queued in flight). */
  | { type: "send"; partition?: number; key?: string | null; values: string[] }
  /** The network delivers the oldest (or a given) in-flight batch; a fault makes the client retry it. */
  | { type: "deliver"; batchId?: number; fault?: DeliveryFault }
  /** Deliver every in-flight batch without faults, oldest first (`flush`). */
  | { type: "flush" }
  | { type: "initTransactions" }
  | { type: "beginTransaction" }
  | { type: "commitTransaction" }
  | { type: "abortTransaction" }
  /** Another producer instance with the same transactional.id calls initTransactions (zombie fencing). */
  | { type: "fence" };
