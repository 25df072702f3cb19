/**
 * `AbstractStickyAssignor.PartitionMovements`: the general sticky builder's record of which
 * partition moved from which member to which during one assignment, used to undo a move instead of
 * making a second one (A→B then B→A of the same topic becomes "move one of A's back").
 * Kafka keeps the partitions of one (topic, src→dst) pair in a `java.util.HashSet<TopicPartition>`
 * and takes `iterator().next()` from it, so which partition is undone depends on Java's hash order;
 * `TpHashSet` reproduces that order (bucket of `TopicPartition.hashCode`, then insertion order within
 * a bucket; the table only grows). Local mutable state, created per assignment call.
 */
import { javaStringHashCode } from "./hash";
import { parseTp } from "./topic-partitions";

/** `TopicPartition.hashCode`: `31 * (31 + partition) + topic.hashCode()` with int overflow. */
export function topicPartitionHashCode(tp: string): number {
  const { topic, partition } = parseTp(tp);
  return (Math.imul(31, (31 + partition) | 0) + javaStringHashCode(topic)) | 0;
}

/**
 * A `java.util.HashSet<TopicPartition>` reduced to what the assignor observes: add, remove, and the
 * first element of iteration. (Tree bins need 9 entries in one bucket of a 64+ table; the sets here
 * hold one topic's partitions between two members, so that never happens.)
 */
interface TpHashSet {
  capacity: number;
  seq: number;
  entries: Map<string, number>; // tp → insertion sequence
}

function hashSetAdd(set: TpHashSet, tp: string): void {
  if (set.entries.has(tp)) return;
  set.entries.set(tp, set.seq++);
  // HashMap.putVal resizes once ++size > 0.75 * capacity; the table never shrinks.
  while (set.entries.size > set.capacity * 0.75) set.capacity *= 2;
}

/** `iterator().next()`: the lowest bucket, and within it the earliest inserted entry. */
function hashSetFirst(set: TpHashSet): string | undefined {
  let best: string | undefined;
  let bestBucket = Infinity;
  let bestSeq = Infinity;
  for (const [tp, seq] of set.entries) {
    const h = topicPartitionHashCode(tp);
    const bucket = (h ^ (h >>> 16)) & (set.capacity - 1);
    if (bucket < bestBucket || (bucket === bestBucket && seq < bestSeq)) {
      best = tp;
      bestBucket = bucket;
      bestSeq = seq;
    }
  }
  return best;
}

/** One recorded move: the partition's owner before this assignment and its owner now. */
export interface Movement {
  src: string;
  dst: string;
}

/** The movement bookkeeping of one general sticky assignment (mutable, local to one call). */
export interface PartitionMovements {
  /** `getTheActualPartitionToBeMoved`: a partition that moved the opposite way is sent back instead. */
  actualPartitionToMove(tp: string, oldOwner: string, newOwner: string): string;
  /** `movePartition`: a move back to the original owner erases the record; otherwise src → new owner. */
  move(tp: string, oldOwner: string, newOwner: string): void;
  /** The recorded moves (partition → original and current owner), for stickiness checks. */
  movements(): Record<string, Movement>;
}

const pairKey = (src: string, dst: string) => JSON.stringify([src, dst]);

/** Empty bookkeeping for one assignment. */
export function createPartitionMovements(): PartitionMovements {
  const byPartition = new Map<string, Movement>();
  const byTopic = new Map<string, Map<string, TpHashSet>>();

  const add = (tp: string, m: Movement) => {
    byPartition.set(tp, m);
    const { topic } = parseTp(tp);
    let pairs = byTopic.get(topic);
    if (!pairs) byTopic.set(topic, (pairs = new Map()));
    const key = pairKey(m.src, m.dst);
    let set = pairs.get(key);
    if (!set) pairs.set(key, (set = { capacity: 16, seq: 0, entries: new Map() }));
    hashSetAdd(set, tp);
  };

  const remove = (tp: string, m: Movement) => {
    byPartition.delete(tp);
    const { topic } = parseTp(tp);
    const pairs = byTopic.get(topic);
    const key = pairKey(m.src, m.dst);
    const set = pairs?.get(key);
    if (!pairs || !set) return;
    set.entries.delete(tp);
    // Kafka drops an emptied set (and topic), so a later set starts again from 16 buckets.
    if (set.entries.size === 0) pairs.delete(key);
    if (pairs.size === 0) byTopic.delete(topic);
  };

  return {
    actualPartitionToMove(tp, oldOwner, newOwner) {
      const pairs = byTopic.get(parseTp(tp).topic);
      if (!pairs) return tp;
      const src = byPartition.get(tp)?.src ?? oldOwner;
      const reverse = pairs.get(pairKey(newOwner, src));
      return (reverse && hashSetFirst(reverse)) ?? tp;
    },
    move(tp, oldOwner, newOwner) {
      const existing = byPartition.get(tp);
      if (!existing) return add(tp, { src: oldOwner, dst: newOwner });
      remove(tp, existing);
      if (existing.src !== newOwner) add(tp, { src: existing.src, dst: newOwner });
    },
    movements: () => Object.fromEntries(byPartition),
  };
}

/**
 * `PartitionMovements.isSticky`: false when, for some topic, partitions moved both from A to B and
 * from B to A (the length-2 cycle Kafka's check looks for).
 */
export function movementsAreSticky(movements: Record<string, Movement>): boolean {
  const seen = new Set<string>();
  for (const [tp, m] of Object.entries(movements)) seen.add(JSON.stringify([parseTp(tp).topic, m.src, m.dst]));
  for (const key of seen) {
    const [topic, src, dst] = JSON.parse(key) as string[];
    if (seen.has(JSON.stringify([topic, dst, src]))) return false;
  }
  return true;
}
