/** The key partitioner playground: the default partitioner's arithmetic, and the keys a learner sent. */
import { murmur2, toPositive } from "../partitioner/murmur2";
import type { Prediction } from "./prediction";

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

export const MAX_KEY_PARTITIONS = 12;
const MAX_SENT = 24;

/** A key sent, with the partition count at the time (to show keys that move when partitions are added). */
export interface SentKey {
  key: string;
  partitionAtSend: number;
  partitionsAtSend: number;
  /** Which send this was (1, 2, …): a picture tells a re-sent key from the one already drawn. */
  seq: number;
}

export interface KeyLabState {
  partitions: number;
  sent: SentKey[];
  lastError: null;
}

export type KeyLabEvent = { type: "send"; key: string } | { type: "setPartitions"; count: number } | { type: "tick" };

/** Clamps a partition count to what the playground offers. */
export function clampPartitions(n: number): number {
  if (!Number.isFinite(n)) return 1;
  return Math.min(MAX_KEY_PARTITIONS, Math.max(1, Math.round(n)));
}

/** A fresh playground. */
export function createKeyLab(partitions: number): KeyLabState {
  return { partitions: clampPartitions(partitions), sent: [], lastError: null };
}

/** The playground's reducer (pure): sending a key records where it went. */
export function stepKeyLab(s: KeyLabState, e: KeyLabEvent): KeyLabState {
  if (e?.type === "setPartitions") return { ...s, partitions: clampPartitions(Number(e.count)) };
  if (e?.type === "send" && typeof e.key === "string") {
    const key = e.key.slice(0, 200);
    const seq = (s.sent[s.sent.length - 1]?.seq ?? 0) + 1;
    const entry = { key, partitionAtSend: keyPartition(key, s.partitions).partition, partitionsAtSend: s.partitions, seq };
    return { ...s, sent: [...s.sent.filter((x) => x.key !== key), entry].slice(-MAX_SENT) };
  }
  return s;
}

/** Sent keys grouped by the partition they go to now, each flagged if it moved since it was sent. */
export function keysByPartition(s: KeyLabState): { key: string; moved: boolean; from: number; seq: number }[][] {
  const out = Array.from({ length: s.partitions }, () => [] as { key: string; moved: boolean; from: number; seq: number }[]);
  for (const k of s.sent) {
    const now = keyPartition(k.key, s.partitions).partition;
    out[now].push({
      key: k.key,
      moved: k.partitionsAtSend !== s.partitions && k.partitionAtSend !== now,
      from: k.partitionAtSend,
      seq: k.seq,
    });
  }
  return out;
}

/** Narration of one playground event. */
export function narrateKeyLab(_before: KeyLabState, after: KeyLabState, e: KeyLabEvent): string {
  if (e.type === "send") return `키 '${e.key}'를 보냈습니다 → 파티션 ${keyPartition(e.key, after.partitions).partition}.`;
  if (e.type === "setPartitions") {
    const moved = keysByPartition(after)
      .flat()
      .filter((k) => k.moved).length;
    return `파티션이 ${after.partitions}개가 되었습니다.${moved ? ` 보낸 키 ${moved}개가 다른 파티션으로 갑니다.` : ""}`;
  }
  return "";
}

/** Predict: where does order-43 go with four partitions? */
export const keyPrediction: Prediction = {
  question: "파티션이 4개일 때 키 order-43은 어느 파티션으로 갈까요? (3개일 때는 파티션 1입니다)",
  choices: [0, 1, 2, 3].map((p) => ({ id: String(p), label: `파티션 ${p}` })),
  hint: "파티션 수를 4로 맞추고 order-43을 보내 보세요.",
};

/** The outcome once order-43 has been sent with four partitions. */
export function keyOutcome(s: KeyLabState): string | null {
  const k = s.sent.find((x) => x.key === "order-43" && x.partitionsAtSend === 4);
  return k ? String(k.partitionAtSend) : null;
}

/** One partition's lane in the picture: the keys that go there now (the newest `perLane`), and how many more. */
export interface KeyLane {
  partition: number;
  /** Keys drawn in the lane, oldest first; `slot` is the key's place from the lane's start. */
  keys: { key: string; moved: boolean; from: number; seq: number; slot: number }[];
  /** Keys in this partition that are not drawn (the lane is full). */
  hidden: number;
  count: number;
}

/** The picture's lanes: sent keys placed in the partition murmur2 gives them now. */
export function keyLanes(s: KeyLabState, perLane = 6): KeyLane[] {
  return keysByPartition(s).map((keys, partition) => {
    const shown = keys.slice(-perLane);
    return {
      partition,
      keys: shown.map((k, slot) => ({ ...k, slot })),
      hidden: keys.length - shown.length,
      count: keys.length,
    };
  });
}

/** The key sent last and the partition it goes to now (the record the picture flies in), or null. */
export function lastSentKey(s: KeyLabState): { key: string; partition: number } | null {
  const k = s.sent[s.sent.length - 1];
  return k ? { key: k.key, partition: keyPartition(k.key, s.partitions).partition } : null;
}

/** One Korean sentence saying what the picture shows. */
export function describeKeyLanes(s: KeyLabState): string {
  const lanes = keyLanes(s);
  const last = lastSentKey(s);
  const counts = lanes.map((l) => `파티션 ${l.partition}에 ${l.count}개`).join(", ");
  return last
    ? `마지막으로 보낸 키 '${last.key}'는 파티션 ${last.partition}에 들어갔습니다. ${counts}.`
    : `아직 보낸 키가 없습니다. 파티션 ${s.partitions}개.`;
}
