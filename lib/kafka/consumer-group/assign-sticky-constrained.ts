/**
 * `AbstractStickyAssignor.ConstrainedAssignmentBuilder`, used when every member subscribes to the
 * same topics: members are visited in Java `HashMap` order of their ids; each keeps its owned
 * partitions (sorted by partition number, then topic) up to minQuota — or maxQuota while fewer
 * than `P mod C` members have taken it; the free partitions (sorted by topic, then partition) are
 * then dealt round-robin over the under-quota members sorted by id, and finally one each to the
 * members at exactly minQuota, until `P mod C` members are at maxQuota.
 */
import type { Assignment, PartitionCounts } from "./assignor-types";
import { javaStringHashCode } from "./hash";
import { allPartitionsSorted, parseTp } from "./topic-partitions";

/**
 * Iteration order of a `java.util.HashMap<String, ?>` filled with `keys` in this order (default
 * capacity, load factor 0.75). `put` links a new key at the tail of its bucket and resizes after the
 * insertion that crosses the threshold; `computeIfAbsent` links it at the head and resizes before.
 * (Resizes split buckets without reordering them.)
 */
export function javaHashMapOrder(keys: readonly string[], insertion: "put" | "computeIfAbsent" = "put"): string[] {
  let capacity = 16;
  const last = insertion === "put" ? keys.length : keys.length - 1;
  while (last > capacity * 0.75) capacity *= 2;
  const bucket = (k: string) => {
    const h = javaStringHashCode(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  const within = insertion === "put" ? 1 : -1;
  return keys
    .map((k, i) => ({ k, i, b: bucket(k) }))
    .sort((x, y) => x.b - y.b || within * (x.i - y.i))
    .map((x) => x.k);
}

/** `Comparator.comparing(TopicPartition::partition).thenComparing(TopicPartition::topic)`. */
function byPartitionThenTopic(a: string, b: string): number {
  const x = parseTp(a);
  const y = parseTp(b);
  return x.partition - y.partition || (x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : 0);
}

const javaStringOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Constrained sticky assignment. `memberIds` in the order the group's subscriptions were built;
 * `owned` = each member's still-valid owned partitions (conflicts already resolved); `multiplyOwned` =
 * partitions claimed by two members of the same generation (kept by nobody).
 */
export function constrainedStickyAssign(
  partitions: PartitionCounts,
  topics: readonly string[],
  memberIds: readonly string[],
  owned: Record<string, string[]>,
  multiplyOwned: ReadonlySet<string>,
): Assignment {
  const all = allPartitionsSorted(partitions, topics);
  const n = memberIds.length;
  const minQuota = Math.floor(all.length / n);
  const maxQuota = Math.ceil(all.length / n);
  const expectedOverMin = all.length % n;
  let overMin = 0;
  const assignment: Assignment = {};
  const under: string[] = [];
  let exactlyMin: string[] = [];
  const taken = new Set<string>();

  for (const id of javaHashMapOrder(memberIds)) {
    const mine = (owned[id] ?? []).filter((tp) => !multiplyOwned.has(tp)).sort(byPartitionThenTopic);
    let keep: string[];
    if (mine.length < minQuota) {
      keep = mine;
      under.push(id);
    } else if (mine.length >= maxQuota && overMin < expectedOverMin) {
      overMin++;
      if (overMin === expectedOverMin) exactlyMin = [];
      keep = mine.slice(0, maxQuota);
    } else {
      keep = mine.slice(0, minQuota);
      if (overMin < expectedOverMin) exactlyMin.push(id);
    }
    assignment[id] = [...keep];
    for (const tp of keep) taken.add(tp);
  }

  const unassigned = all.filter((tp) => !taken.has(tp));
  under.sort(javaStringOrder);
  exactlyMin.sort(javaStringOrder);
  // assignRoundRobin, with Java's iterator over the under-quota list (remove() drops the current member).
  let i = 0;
  for (const tp of unassigned) {
    let id: string;
    if (i < under.length) id = under[i++];
    else if (under.length === 0 && exactlyMin.length === 0)
      break; // Kafka: IllegalStateException (cannot happen)
    else if (under.length === 0) id = exactlyMin.shift()!;
    else {
      i = 0;
      id = under[i++];
    }
    assignment[id].push(tp);
    const count = assignment[id].length;
    if (count === minQuota) {
      const at = under.indexOf(id);
      if (at >= 0) {
        under.splice(at, 1);
        if (at < i) i--;
      }
      exactlyMin.push(id);
    } else if (count === maxQuota) overMin++;
  }
  return assignment;
}
