/**
 * RangeAssignor (the classic default): per topic, members sorted (static first), each gets
 * ⌊P/C⌋ contiguous partitions and the first P mod C get one extra. Topics are independent, so
 * with many topics the first members get more in total. Topics are dealt in the iteration order
 * of Kafka's `partitionsPerTopic` map, which is what orders each member's list.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { javaHashMapOrder } from "./assign-sticky-constrained";
import { sortMembers, tpKey } from "./topic-partitions";

/**
 * `AbstractPartitionAssignor.assign`'s topic order: a `HashSet` of every subscribed topic (members in
 * `HashMap` order of their ids, each member's topics in its order), copied into a `HashMap` of the
 * topics that have partitions.
 */
export function partitionsPerTopicOrder(partitions: PartitionCounts, members: readonly AssignorMember[]): string[] {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const subscribed = [...new Set(javaHashMapOrder([...byId.keys()]).flatMap((id) => byId.get(id)!.topics))];
  return javaHashMapOrder(javaHashMapOrder(subscribed).filter((t) => (partitions[t] ?? 0) > 0));
}

/** Range assignment over all subscribed topics. */
export function assignRange(partitions: PartitionCounts, members: readonly AssignorMember[]): Assignment {
  const sorted = sortMembers(members);
  const assignment: Assignment = Object.fromEntries(sorted.map((m) => [m.memberId, [] as string[]]));
  for (const topic of partitionsPerTopicOrder(partitions, members)) {
    const consumers = sorted.filter((m) => m.topics.includes(topic));
    const n = partitions[topic];
    const per = Math.floor(n / consumers.length);
    const extra = n % consumers.length;
    consumers.forEach((m, i) => {
      const start = per * i + Math.min(i, extra);
      const length = per + (i + 1 > extra ? 0 : 1);
      for (let p = start; p < start + length; p++) assignment[m.memberId].push(tpKey(topic, p));
    });
  }
  return assignment;
}
