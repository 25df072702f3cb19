/**
 * RoundRobinAssignor: every subscribed partition, sorted by topic then partition, is dealt to the
 * sorted members in a circle, skipping members not subscribed to that partition's topic.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { allPartitionsSorted, parseTp, sortMembers } from "./topic-partitions";

/** Round-robin assignment (`CircularIterator` over sorted members). */
export function assignRoundRobin(partitions: PartitionCounts, members: readonly AssignorMember[]): Assignment {
  const sorted = sortMembers(members);
  const assignment: Assignment = Object.fromEntries(sorted.map((m) => [m.memberId, [] as string[]]));
  if (sorted.length === 0) return assignment;
  let cursor = 0;
  for (const tp of allPartitionsSorted(
    partitions,
    sorted.flatMap((m) => m.topics),
  )) {
    const { topic } = parseTp(tp);
    // Some member is subscribed (the partition came from a subscription), so this loop ends.
    while (!sorted[cursor % sorted.length].topics.includes(topic)) cursor++;
    assignment[sorted[cursor % sorted.length].memberId].push(tp);
    cursor++;
  }
  return assignment;
}
