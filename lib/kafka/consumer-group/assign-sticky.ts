/**
 * StickyAssignor / CooperativeStickyAssignor core (`AbstractStickyAssignor`): balanced within one
 * partition while keeping as many previously owned partitions as possible.
 * Identical subscriptions follow Kafka's constrained algorithm (keep up to the min/max quota of
 * owned partitions, then hand out the rest); the remaining partitions go, in topic/partition order,
 * to the least-loaded member (ties by member order), which reproduces the StickyAssignor javadoc
 * example. Mixed subscriptions use a simpler keep → fill → move-from-heaviest balancing.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { allPartitionsSorted, parseTp, sortMembers } from "./topic-partitions";

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

/** Gives `tp` to the least-loaded eligible member (first in member order on ties). */
function giveToLeastLoaded(assignment: Assignment, order: readonly AssignorMember[], tp: string): void {
  const { topic } = parseTp(tp);
  let best: AssignorMember | null = null;
  for (const m of order)
    if (m.topics.includes(topic) && (best === null || assignment[m.memberId].length < assignment[best.memberId].length)) best = m;
  if (best) assignment[best.memberId].push(tp);
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
  const identical = hasIdenticalSubscriptions(order);
  if (identical) {
    // constrainedAssign: keep maxQuota for at most (P mod C) members, minQuota for the rest.
    const minQuota = Math.floor(all.length / order.length);
    const maxQuota = Math.ceil(all.length / order.length);
    const expectedMax = all.length % order.length;
    let usedMax = 0;
    for (const m of order) {
      const owned = keep[m.memberId];
      if (owned.length < minQuota) assignment[m.memberId] = [...owned];
      else if (owned.length >= maxQuota && usedMax < expectedMax) {
        usedMax++;
        assignment[m.memberId] = owned.slice(0, maxQuota);
      } else assignment[m.memberId] = owned.slice(0, minQuota);
    }
  } else {
    for (const m of order) assignment[m.memberId] = [...keep[m.memberId]];
  }
  const taken = new Set(Object.values(assignment).flat());
  for (const tp of all) if (!taken.has(tp)) giveToLeastLoaded(assignment, order, tp);
  if (!identical) balance(assignment, order, all.length * order.length + 1);
  return assignment;
}
