/**
 * `stepPartitioner(state, event)`: the producer's partition decision per record, following
 * `KafkaProducer.partition` (explicit → key hash → null-key strategy) and the accumulator
 * interplay of each era. Never throws: bad events leave the state unchanged except `lastError`.
 */
import type { SimError } from "../core/errors";
import { guardStep, MAX_SIM_PARTITIONS } from "../core/step-guard";
import { nextInt32, type RngState } from "../core/rng";
import { recordSizeInBytes } from "../record/encode";
import { appendToBatchQueue, closeLastBatch, drainBatchQueue, lastBatchFull, needsNewBatch } from "./accumulator";
import { computeLoadStats, nextBuiltInPartition, shouldSwitchPartition, stickyBatchSizeOf } from "./built-in";
import { nextRoundRobinCounter, roundRobinPartition, stickyNextPartition } from "./legacy";
import { murmur2, serializeKey, toPositive } from "./murmur2";
import { partitionQueueSizes, type PartitionerEvent, type PartitionerState, type SendOutcome } from "./state";

const withError = (state: PartitionerState, error: SimError): PartitionerState => ({ ...state, lastError: error });
const invalid = (message: string): SimError => ({ code: "INVALID_EVENT", message });

/** Draws `toPositive(nextInt())` like `BuiltInPartitioner.randomPartition`. */
function drawPositive(rng: RngState): [number, RngState] {
  const [v, next] = nextInt32(rng);
  return [toPositive(v), next];
}

/** ≥3.3 `nextPartition`: adaptive weights from current queue sizes when enabled, else uniform. */
export function chooseBuiltInPartition(state: PartitionerState): [number, RngState] {
  const [random, rng] = drawPositive(state.rng);
  const stats = state.adaptive ? computeLoadStats(partitionQueueSizes(state), state.hasLeader) : null;
  return [nextBuiltInPartition(random, stats, state.hasLeader), rng];
}

/** KIP-480 switch: a random available partition different from the old one (when > 1 available). */
export function chooseStickyPartition(state: PartitionerState, old: number | null): [number, RngState] {
  let rng = state.rng;
  const { partition } = stickyNextPartition(old, state.hasLeader, () => {
    const [r, next] = drawPositive(rng);
    rng = next;
    return r;
  });
  return [partition, rng];
}

const replaceAt = <T>(arr: T[], i: number, v: T): T[] => arr.map((x, j) => (j === i ? v : x));

/** Puts one record into partition `p`'s queue and updates the per-partition counters. */
function place(state: PartitionerState, p: number, sizer: (od: number) => number) {
  const r = appendToBatchQueue(state.queues[p], sizer, state.batchSize);
  return {
    state: {
      ...state,
      queues: replaceAt(state.queues, p, r.queue),
      recordsPerPartition: replaceAt(state.recordsPerPartition, p, state.recordsPerPartition[p] + 1),
      bytesPerPartition: replaceAt(state.bytesPerPartition, p, state.bytesPerPartition[p] + r.appendedBytes),
    },
    appendedBytes: r.appendedBytes,
    newBatch: r.newBatch,
  };
}

type SendEvent = Extract<PartitionerEvent, { type: "send" }>;

/** Handles one `send`: decide the partition per strategy, append, and maybe switch the sticky partition. */
function handleSend(state: PartitionerState, ev: SendEvent): PartitionerState {
  const n = state.numPartitions;
  if (ev.partition !== undefined && (!Number.isInteger(ev.partition) || ev.partition < 0 || ev.partition >= n))
    return withError(
      state,
      invalid(`잘못된 파티션 ${String(ev.partition)}: 범위 [0...${n}) 밖입니다 (Kafka: Invalid partition given with record).`),
    );
  if (ev.valueBytes !== undefined && (!Number.isInteger(ev.valueBytes) || ev.valueBytes < 0))
    return withError(state, invalid("valueBytes는 0 이상의 정수여야 합니다."));
  let keyBytes: Uint8Array | null = null;
  if (ev.key !== null && ev.key !== undefined) {
    const k = serializeKey(ev.key);
    if (!k.ok) return withError(state, k.error);
    keyBytes = k.value;
  }
  const valueLen = ev.valueBytes ?? (ev.value == null ? null : new TextEncoder().encode(ev.value).length);
  const sizer = (od: number) => recordSizeInBytes(od, 0, keyBytes ? keyBytes.length : null, valueLen);
  const hash = keyBytes ? murmur2(keyBytes) : undefined;
  const useKey = keyBytes !== null && !(state.strategy === "uniform-sticky" && state.ignoreKeys);
  const base: Partial<SendOutcome> = keyBytes ? { keyBytes: Array.from(keyBytes), murmur2: hash, positiveHash: toPositive(hash!) } : {};
  const fixed = ev.partition ?? (useKey ? toPositive(hash!) % n : null);
  const fixedReason = ev.partition !== undefined ? "explicit" : "key-hash";
  let s: PartitionerState = { ...state, lastError: null };

  if (s.strategy === "round-robin") {
    let partition = fixed;
    if (partition === null) {
      let counter = s.roundRobinCounter;
      if (counter === null) [counter, s.rng] = nextInt32(s.rng); // Java seeds the counter randomly
      partition = roundRobinPartition(counter, s.hasLeader);
      s.roundRobinCounter = nextRoundRobinCounter(counter);
    }
    const placed = place(s, partition, sizer);
    const reason = fixed === null ? "round-robin" : fixedReason;
    return { ...placed.state, last: { ...base, partition, reason, recordBytes: sizer(0), newBatch: placed.newBatch } };
  }

  if (s.strategy === "sticky") {
    // KIP-480: partition(); append with abortOnNewBatch; on abort onNewBatch(prev) then partition() again.
    const current = (): number => {
      if (fixed !== null) return fixed;
      if (!s.sticky) {
        const [p, rng] = chooseStickyPartition(s, null);
        s = { ...s, rng, sticky: { partition: p, producedBytes: 0 } };
      }
      return s.sticky!.partition;
    };
    let partition = current();
    let switchedTo: number | undefined;
    if (needsNewBatch(s.queues[partition], sizer, s.batchSize)) {
      s = { ...s, queues: replaceAt(s.queues, partition, closeLastBatch(s.queues[partition])) };
      const old = s.sticky?.partition ?? null;
      if (old === null || old === partition) {
        const [p, rng] = chooseStickyPartition(s, old);
        s = { ...s, rng, sticky: { partition: p, producedBytes: 0 } };
        switchedTo = p;
      }
      partition = current();
    }
    const placed = place(s, partition, sizer);
    const reason = fixed === null ? "sticky" : fixedReason;
    const last: SendOutcome = { ...base, partition, reason, recordBytes: sizer(0), newBatch: placed.newBatch };
    if (switchedTo !== undefined) last.switchedTo = switchedTo;
    return { ...placed.state, last };
  }

  // ≥3.3 built-in partitioner (RecordAccumulator.append + BuiltInPartitioner.updatePartitionInfo).
  if (fixed !== null) {
    const placed = place(s, fixed, sizer);
    return { ...placed.state, last: { ...base, partition: fixed, reason: fixedReason, recordBytes: sizer(0), newBatch: placed.newBatch } };
  }
  if (!s.sticky) {
    const [p, rng] = chooseBuiltInPartition(s);
    s = { ...s, rng, sticky: { partition: p, producedBytes: 0 } };
  }
  const partition = s.sticky!.partition;
  const placed = place(s, partition, sizer);
  s = placed.state;
  const enableSwitch = ev.enableSwitch ?? lastBatchFull(s.queues[partition]);
  const producedBytes = s.sticky!.producedBytes + placed.appendedBytes;
  const last: SendOutcome = {
    ...base,
    partition,
    reason: "sticky",
    recordBytes: sizer(0),
    newBatch: placed.newBatch,
    producedBytes,
    enableSwitch,
  };
  if (shouldSwitchPartition(producedBytes, stickyBatchSizeOf(s.batchSize), enableSwitch)) {
    const [next, rng] = chooseBuiltInPartition(s);
    last.switchedTo = next;
    return { ...s, rng, sticky: { partition: next, producedBytes: 0 }, last };
  }
  return { ...s, sticky: { partition, producedBytes }, last };
}

/** Resizes per-partition arrays after partitions were added to the topic. */
function growPartitions(state: PartitionerState, count: number): PartitionerState {
  const extra = count - state.numPartitions;
  return {
    ...state,
    numPartitions: count,
    hasLeader: [...state.hasLeader, ...new Array(extra).fill(true)],
    queues: [...state.queues, ...Array.from({ length: extra }, () => [])],
    recordsPerPartition: [...state.recordsPerPartition, ...new Array(extra).fill(0)],
    bytesPerPartition: [...state.bytesPerPartition, ...new Array(extra).fill(0)],
    lastError: null,
  };
}

/** Applies one event; unknown or invalid events record a Korean `SimError` and change nothing else. */
export function stepPartitioner(state: PartitionerState, event: PartitionerEvent): PartitionerState {
  return guardStep(state, event, applyPartitionerEvent);
}

function applyPartitionerEvent(state: PartitionerState, event: PartitionerEvent): PartitionerState {
  const n = state.numPartitions;
  const validPartition = (p: unknown): p is number => Number.isInteger(p) && (p as number) >= 0 && (p as number) < n;
  switch (event?.type) {
    case "send":
      return handleSend(state, event);
    case "drain": {
      const targets: unknown = event.partitions ?? state.queues.map((_, p) => p);
      if (!Array.isArray(targets) || !targets.every(validPartition)) return withError(state, invalid("drain 대상에 존재하지 않는 파티션이 있습니다."));
      const queues = state.queues.map((q, p) => (targets.includes(p) ? drainBatchQueue(q, event.onlyFull ?? false) : q));
      return { ...state, queues, lastError: null };
    }
    case "setLeader":
      if (!validPartition(event.partition)) return withError(state, invalid(`파티션 ${String(event.partition)}은(는) 없습니다.`));
      return { ...state, hasLeader: replaceAt(state.hasLeader, event.partition, !!event.hasLeader), lastError: null };
    case "setPartitionCount":
      if (!Number.isInteger(event.numPartitions) || event.numPartitions < 1 || event.numPartitions > MAX_SIM_PARTITIONS)
        return withError(state, invalid(`파티션 수는 1 이상 ${MAX_SIM_PARTITIONS} 이하의 정수여야 합니다.`));
      if (event.numPartitions < n)
        return withError(state, {
          code: "KAFKA_ERROR",
          message: `파티션 수는 줄일 수 없습니다: 현재 ${n}개인데 ${event.numPartitions}개를 요청했습니다.`,
          kafkaError: "INVALID_PARTITIONS",
        });
      return growPartitions(state, event.numPartitions);
    default:
      return withError(state, {
        code: "UNKNOWN_EVENT",
        message: `알 수 없는 파티셔너 이벤트입니다: ${String((event as { type?: unknown })?.type)}`,
      });
  }
}
