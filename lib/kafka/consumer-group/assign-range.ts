/**
 * RangeAssignor (the classic default): per topic, members sorted (static first), each gets
 * ⌊P/C⌋ contiguous partitions and the first P mod C get one extra. Topics are independent, so
 * with many topics the first members get more in total.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { sortMembers, tpKey } from "./topic-partitions";

/** Range assignment over all subscribed topics (topics iterated in name order). */
export function assignRange(partitions: PartitionCounts, members: readonly AssignorMember[]): Assignment {
  const sorted = sortMembers(members);
  const assignment: Assignment = Object.fromEntries(sorted.map((m) => [m.memberId, [] as string[]]));
  const topics = [...new Set(sorted.flatMap((m) => m.topics))].filter((t) => partitions[t] !== undefined).sort();
  for (const topic of topics) {
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
