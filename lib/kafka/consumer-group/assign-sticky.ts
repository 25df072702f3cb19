/**
 * StickyAssignor / CooperativeStickyAssignor core (`AbstractStickyAssignor`): balanced within one
 * partition while keeping as many previously owned partitions as possible.
 * Identical subscriptions run Kafka's constrained algorithm exactly (`assign-sticky-constrained.ts`).
 * Mixed subscriptions (Kafka's `GeneralAssignmentBuilder`) use a simpler keep → give to the
 * least-loaded → move-from-heaviest balancing: as balanced and sticky, but not always the same
 * partition-by-partition choice (see the engine README).
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { constrainedStickyAssign } from "./assign-sticky-constrained";
import { allPartitionsSorted, parseTp, sortMembers } from "./topic-partitions";

/** Partitions claimed by two members of the same (highest) generation: Kafka lets neither keep them. */
export function multiplyOwnedPartitions(members: readonly AssignorMember[]): Set<string> {
  const top: Record<string, { generation: number; count: number }> = {};
  for (const m of members)
    for (const tp of new Set(m.owned ?? [])) {
      const g = m.generation ?? -1;
      const t = top[tp];
      if (!t || g > t.generation) top[tp] = { generation: g, count: 1 };
      else if (g === t.generation) t.count++;
    }
  return new Set(Object.keys(top).filter((tp) => top[tp].count > 1));
}

/** Partitions a member may keep: existing, subscribed, and not claimed by a newer or equal-generation rival. */
export function keepablePartitions(partitions: PartitionCounts, members: readonly AssignorMember[]): Record<string, string[]> {
  const claims: Record<string, { memberId: string; generation: number }[]> = {};
  const valid = (m: AssignorMember, tp: string) => {
    const { topic, partition } = parseTp(tp);
    return partitions[topic] !== undefined && partition < partitions[topic] && m.topics.includes(topic);
  };
  for (const m of members)
    for (const tp of m.owned ?? []) if (valid(m, tp)) (claims[tp] ??= []).push({ memberId: m.memberId, generation: m.generation ?? -1 });
  const winner = (tp: string): string | null => {
    const c = claims[tp];
    const top = Math.max(...c.map((x) => x.generation));
    const best = c.filter((x) => x.generation === top);
    // Same generation claimed twice: Kafka trusts neither owner and reassigns the partition.
    return best.length === 1 ? best[0].memberId : null;
  };
  return Object.fromEntries(
    members.map((m) => [m.memberId, [...new Set(m.owned ?? [])].filter((tp) => valid(m, tp) && winner(tp) === m.memberId)]),
  );
}

/**
 * `maybeAssignPartition`: gives `tp` to the first eligible member of `SubscriptionComparator`
 * order (fewest partitions, then member id).
 */
function giveToLeastLoaded(assignment: Assignment, order: readonly AssignorMember[], tp: string): void {
  const { topic } = parseTp(tp);
  let best: AssignorMember | null = null;
  for (const m of order) {
    if (!m.topics.includes(topic)) continue;
    const diff = best === null ? -1 : assignment[m.memberId].length - assignment[best.memberId].length;
    if (best === null || diff < 0 || (diff === 0 && m.memberId < best.memberId)) best = m;
  }
  if (best) assignment[best.memberId].push(tp);
}

/** `TopicComparator` order of the general builder: topics with fewer potential consumers first, then by name. */
function generalPartitionOrder(partitions: PartitionCounts, members: readonly AssignorMember[]): string[] {
  const consumers = (t: string) => members.filter((m) => m.topics.includes(t)).length;
  const topics = [...new Set(members.flatMap((m) => m.topics))]
    .filter((t) => partitions[t] !== undefined)
    .sort((a, b) => consumers(a) - consumers(b) || (a < b ? -1 : a > b ? 1 : 0));
  return topics.flatMap((t) => allPartitionsSorted(partitions, [t]));
}

/** Moves partitions from the heaviest member to lighter eligible ones until no move narrows the gap. */
function balance(assignment: Assignment, order: readonly AssignorMember[], limit: number): void {
  for (let i = 0; i < limit; i++) {
    const byLoad = [...order].sort((a, b) => assignment[b.memberId].length - assignment[a.memberId].length);
    let moved = false;
    for (const heavy of byLoad) {
      const list = assignment[heavy.memberId];
      for (let j = list.length - 1; j >= 0 && !moved; j--) {
        const { topic } = parseTp(list[j]);
        const target = order
          .filter((m) => m.topics.includes(topic) && assignment[m.memberId].length < list.length - 1)
          .sort((a, b) => assignment[a.memberId].length - assignment[b.memberId].length)[0];
        if (target) {
          assignment[target.memberId].push(list[j]);
          list.splice(j, 1);
          moved = true;
        }
      }
      if (moved) break;
    }
    if (!moved) return; // every move strictly lowers the sum of squares, so this terminates
  }
}

/** True when every member subscribes to exactly the same topic set. */
export function hasIdenticalSubscriptions(members: readonly AssignorMember[]): boolean {
  const key = (m: AssignorMember) => [...new Set(m.topics)].sort().join("\u0000");
  return members.every((m) => key(m) === key(members[0]));
}

/** Sticky assignment (eager StickyAssignor result; also the target of the cooperative variant). */
export function assignSticky(partitions: PartitionCounts, members: readonly AssignorMember[]): Assignment {
  const order = sortMembers(members);
  const assignment: Assignment = Object.fromEntries(order.map((m) => [m.memberId, [] as string[]]));
  if (order.length === 0) return assignment;
  const all = allPartitionsSorted(
    partitions,
    order.flatMap((m) => m.topics),
  );
  const keep = keepablePartitions(partitions, order);
  if (hasIdenticalSubscriptions(order)) {
    const ids = members.map((m) => m.memberId); // insertion order of the group's subscription map
    return constrainedStickyAssign(partitions, order[0].topics, ids, keep, multiplyOwnedPartitions(order));
  }
  for (const m of order) assignment[m.memberId] = [...keep[m.memberId]];
  const taken = new Set(Object.values(assignment).flat());
  for (const tp of generalPartitionOrder(partitions, order)) if (!taken.has(tp)) giveToLeastLoaded(assignment, order, tp);
  balance(assignment, order, all.length * order.length + 1);
  return assignment;
}
