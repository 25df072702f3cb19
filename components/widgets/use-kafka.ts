"use client";

/**
 * The one bridge between React and the Kafka engine (lib/kafka). Widgets render what these hooks
 * return and never compute protocol rules themselves.
 */
import { useCallback, useMemo, useReducer } from "react";
import { murmur2, toPositive } from "@/lib/kafka";
import {
  decodeRecordBatch,
  inspectRecordBatch,
  tryEncodeRecordBatch,
  checkNewTopicName,
  computeLag,
  createGroupState,
  idleMembers,
  isInternalTopic,
  stepGroup,
  validateTopicName,
  type AssignorName,
  type GroupEvent,
  type GroupState,
  createReplicationState,
  highWatermark,
  listRequests,
  lostAcknowledgedRecords,
  stepReplication,
  type Acks,
  type ReplicationEvent,
  type ReplicationState,
  createRetentionState,
  largestTimestamp,
  segmentFileName,
  segmentLastOffset,
  stepRetention,
  type AutoOffsetReset,
  type RetentionEvent,
  type RetentionState,
} from "@/lib/kafka";
import {
  createPartitionerState,
  stepPartitioner,
  type NullKeyStrategy,
  type PartitionerEvent,
  type PartitionerState,
} from "@/lib/kafka/partitioner";

export interface KeyPartitionView {
  /** UTF-8 bytes of the key, as the producer's StringSerializer sends them. */
  bytes: Uint8Array;
  /** murmur2 as Java returns it: a signed 32-bit int. */
  hash: number;
  /** `hash & 0x7fffffff` (Kafka's toPositive, not Math.abs). */
  positive: number;
  partition: number;
}

const encoder = new TextEncoder();

/** Computes the default partitioner's choice for a key and partition count. */
export function keyPartition(key: string, numPartitions: number): KeyPartitionView {
  const bytes = encoder.encode(key);
  const hash = murmur2(bytes);
  const positive = toPositive(hash);
  return { bytes, hash, positive, partition: positive % numPartitions };
}

/** Memoised key → partition view for a widget. */
export function useKeyPartition(key: string, numPartitions: number): KeyPartitionView {
  return useMemo(() => keyPartition(key, numPartitions), [key, numPartitions]);
}

/**
 * Runs an engine reducer: `step(state, event) → state` is pure, so React only stores the state
 * and the event log (which, with the seed, replays the run exactly).
 */
export function useSimulation<S, E>(initial: () => S, step: (state: S, event: E) => S) {
  type Sim = { state: S; events: E[] };
  const [sim, dispatchRaw] = useReducer(
    (s: Sim, action: { kind: "event"; event: E } | { kind: "reset"; state: S }): Sim =>
      action.kind === "reset"
        ? { state: action.state, events: [] }
        : { state: step(s.state, action.event), events: [...s.events, action.event] },
    undefined,
    () => ({ state: initial(), events: [] }),
  );
  const dispatch = useCallback((event: E) => dispatchRaw({ kind: "event", event }), []);
  const reset = useCallback(() => dispatchRaw({ kind: "reset", state: initial() }), [initial]);
  return { state: sim.state, events: sim.events, dispatch, reset };
}

/** Null-key strategies a widget can pick, newest first. */
export type { NullKeyStrategy, PartitionerState, SendOutcome } from "@/lib/kafka/partitioner";

/**
 * A producer's partitioner for one topic, driven by widget buttons. The RNG seed is part of the
 * state, so the same seed and clicks always give the same partitions.
 */
export function usePartitionerSim(config: { numPartitions: number; strategy: NullKeyStrategy; seed: number }) {
  const { numPartitions, strategy, seed } = config;
  const initial = useCallback(() => {
    const created = createPartitionerState({ numPartitions, strategy, seed });
    // The widget passes fixed, valid settings; a failure here is a programming error worth surfacing.
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  }, [numPartitions, strategy, seed]);
  const sim = useSimulation<PartitionerState, PartitionerEvent>(initial, stepPartitioner);
  const { dispatch } = sim;
  const sendNullKey = useCallback((valueBytes: number) => dispatch({ type: "send", key: null, valueBytes }), [dispatch]);
  const drain = useCallback(() => dispatch({ type: "drain" }), [dispatch]);
  return { ...sim, sendNullKey, drain };
}

export type { RetentionState } from "@/lib/kafka";

/** One segment as a widget shows it: its file name, offset range, size and newest timestamp. */
export interface SegmentView {
  fileName: string;
  baseOffset: number;
  lastOffset: number;
  records: number;
  bytes: number;
  /** Largest record timestamp (what time retention compares), or null while empty. */
  newestTimestampMs: number | null;
  active: boolean;
}

/** Selector: the partition's segments as files, oldest first; the last one is active. */
export function segmentViews(state: RetentionState): SegmentView[] {
  const segs = state.log.segments;
  return segs.map((seg, i) => ({
    fileName: segmentFileName(seg.baseOffset),
    baseOffset: seg.baseOffset,
    lastOffset: segmentLastOffset(seg),
    records: seg.batches.reduce((n, b) => n + b.records.length, 0),
    bytes: seg.size,
    newestTimestampMs: seg.batches.length ? largestTimestamp(seg) : null,
    active: i === segs.length - 1,
  }));
}

/**
 * One partition with time/size retention on a simulated clock. Records get the sim time as their
 * timestamp; the retention task runs on its own schedule as the clock advances.
 */
export function useRetentionSim(config: { segmentBytes: number; retentionMs: number; retentionBytes: number; checkIntervalMs: number }) {
  const { segmentBytes, retentionMs, retentionBytes, checkIntervalMs } = config;
  const initial = useCallback(() => {
    const created = createRetentionState({
      topic: "hello.kafka",
      segmentBytes,
      retentionMs,
      retentionBytes,
      checkIntervalMs,
      fileDeleteDelayMs: 60_000,
      nowMs: 0,
    });
    if (!created.ok) throw new Error(created.error.message); // fixed widget settings: a bug if it fails
    return created.value;
  }, [segmentBytes, retentionMs, retentionBytes, checkIntervalMs]);
  const sim = useSimulation<RetentionState, RetentionEvent>(initial, stepRetention);
  const { dispatch, state } = sim;
  const produce = useCallback(
    (key: string, value: string) => dispatch({ type: "append", records: [{ key, value, timestamp: state.log.nowMs }] }),
    [dispatch, state.log.nowMs],
  );
  const advance = useCallback((ms: number) => dispatch({ type: "tick", nowMs: state.log.nowMs + ms }), [dispatch, state.log.nowMs]);
  const fetchFrom = useCallback(
    (offset: number, autoOffsetReset: AutoOffsetReset) => dispatch({ type: "fetch", offset, autoOffsetReset, maxRecords: 3 }),
    [dispatch],
  );
  return { ...sim, produce, advance, fetchFrom };
}

export type { Acks, ReplicationState } from "@/lib/kafka";

/** Selectors a replication widget shows: HW, and acknowledged records no replica can serve any more. */
export const replicationView = (s: ReplicationState) => ({
  highWatermark: highWatermark(s),
  lostAcknowledged: lostAcknowledgedRecords(s),
  requests: listRequests(s).length,
});

/**
 * One partition replicated on brokers 1, 2, 3 (assignment [1, 2, 3]) with Kafka 4.x defaults.
 * Followers fetch every 500 ms of sim time, so "time passing" is what moves replication along.
 */
export function useReplicationSim(config: { minInsyncReplicas: number }) {
  const { minInsyncReplicas } = config;
  const initial = useCallback(() => {
    const created = createReplicationState({ topic: "orders", replicas: [1, 2, 3], minInsyncReplicas, followerFetchIntervalMs: 500 });
    if (!created.ok) throw new Error(created.error.message); // fixed widget settings: a bug if it fails
    return created.value;
  }, [minInsyncReplicas]);
  const sim = useSimulation<ReplicationState, ReplicationEvent>(initial, stepReplication);
  const { dispatch, state } = sim;
  return {
    ...sim,
    produce: useCallback((acks: Acks, value: string) => dispatch({ type: "produce", acks, key: null, value }), [dispatch]),
    advance: useCallback((ms: number) => dispatch({ type: "tick", nowMs: state.nowMs + ms }), [dispatch, state.nowMs]),
    setRunning: useCallback(
      (brokerId: number, running: boolean) => dispatch(running ? { type: "brokerUp", brokerId } : { type: "brokerDown", brokerId }),
      [dispatch],
    ),
    setPaused: useCallback((brokerId: number, paused: boolean) => dispatch({ type: "setFollowerPaused", brokerId, paused }), [dispatch]),
    setUnclean: useCallback((enabled: boolean) => dispatch({ type: "setUncleanLeaderElection", enabled }), [dispatch]),
  };
}

/** Everything the topic-name checker shows for one name, from Kafka's own rules. */
export function useTopicNameCheck(name: string, existing: readonly string[]) {
  return useMemo(
    () => ({ validation: validateTopicName(name), creation: checkNewTopicName(name, existing), internal: isInternalTopic(name) }),
    [name, existing],
  );
}

export type { AssignorName, GroupState } from "@/lib/kafka";

/** Selectors a consumer-group widget shows: lag rows and idle members. */
export const groupView = (s: GroupState) => ({ lag: computeLag(s), idle: idleMembers(s) });

/**
 * A consumer group reading one topic, with Kafka 4.x defaults (classic protocol). Members are
 * named consumer-1, consumer-2, … in join order, so the same clicks always give the same group.
 */
export function useConsumerGroupSim(config: { assignor: AssignorName; topic: string; partitions: number }) {
  const { assignor, topic, partitions } = config;
  const initial = useCallback(() => {
    const created = createGroupState({ groupId: "order-service", topics: { [topic]: partitions }, assignor, autoOffsetReset: "earliest" });
    if (!created.ok) throw new Error(created.error.message); // fixed widget settings: a bug if it fails
    return created.value;
  }, [assignor, topic, partitions]);
  const sim = useSimulation<GroupState, GroupEvent>(initial, stepGroup);
  const { dispatch, state } = sim;
  const joined = sim.events.filter((e) => e.type === "join").length;
  return {
    ...sim,
    addConsumer: useCallback(
      () => dispatch({ type: "join", memberId: `consumer-${joined + 1}`, topics: [topic] }),
      [dispatch, joined, topic],
    ),
    produceEach: useCallback(
      (count: number) => {
        for (let p = 0; p < (state.topics[topic] ?? 0); p++) dispatch({ type: "produce", topic, partition: p, count });
      },
      [dispatch, state.topics, topic],
    ),
    advance: useCallback((ms: number) => dispatch({ type: "tick", ms }), [dispatch]),
    addPartitions: useCallback(
      (extra: number) => dispatch({ type: "addPartitions", topic, count: (state.topics[topic] ?? 0) + extra }),
      [dispatch, state.topics, topic],
    ),
    member: useCallback(
      (memberId: string, action: "poll" | "commit" | "leave" | "crash") => dispatch({ type: action, memberId }),
      [dispatch],
    ),
  };
}

/** 2026-01-01T00:00:00Z: a fixed CreateTime, so the same record always encodes to the same bytes. */
const INSPECTOR_TIMESTAMP = 1_767_225_600_000;

/**
 * Encodes one record as a v2 record batch and inspects it field by field. `corrupt` flips the
 * last byte (inside the CRC-covered area) to show what a broker does with a damaged batch.
 */
export function useRecordInspection(input: {
  key: string | null;
  value: string;
  header: { key: string; value: string } | null;
  corrupt: boolean;
}) {
  const { key, value, header, corrupt } = input;
  const headerKey = header?.key;
  const headerValue = header?.value;
  return useMemo(() => {
    const headers = headerKey !== undefined && headerValue !== undefined ? [{ key: headerKey, value: headerValue }] : [];
    const encoded = tryEncodeRecordBatch({ baseOffset: 0, baseTimestamp: INSPECTOR_TIMESTAMP, records: [{ key, value, headers }] });
    if (!encoded.ok) return { error: encoded.error, bytes: new Uint8Array(), inspection: null, decodeError: null };
    const bytes = encoded.value.slice();
    if (corrupt) bytes[bytes.length - 1] ^= 0xff;
    const decoded = decodeRecordBatch(bytes);
    return { error: null, bytes, inspection: inspectRecordBatch(bytes), decodeError: decoded.ok ? null : decoded.error };
  }, [key, value, headerKey, headerValue, corrupt]);
}
