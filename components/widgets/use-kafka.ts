"use client";

/**
 * The one bridge between React and the Kafka engine (lib/kafka). Widgets render what these hooks
 * return and never compute protocol rules themselves.
 */
import { useCallback, useMemo, useReducer } from "react";
import { murmur2, toPositive } from "@/lib/kafka";

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
