/**
 * CooperativeStickyAssignor (incremental rebalancing, KIP-429): compute the sticky target, but
 * withhold every partition that another member still owns (`adjustAssignment`). The owner revokes
 * only those partitions; because something was revoked the members rejoin, and the second
 * rebalance hands the now-free partitions to their new owners. Nobody else stops consuming.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { assignSticky } from "./assign-sticky";

export interface CooperativeAssignment {
  /** What each member gets now (phase 1): target minus partitions still owned by someone else. */
  assignment: Assignment;
  /** Where the sticky algorithm wants every partition to end up. */
  target: Assignment;
  /** Partitions each member must give up now (owned but not in its target). */
  revoked: Record<string, string[]>;
  /** True when a follow-up rebalance is needed to place the revoked partitions. */
  followUpRebalance: boolean;
}

/** Two-phase cooperative sticky assignment for one rebalance round. */
export function assignCooperativeSticky(partitions: PartitionCounts, members: readonly AssignorMember[]): CooperativeAssignment {
  const target = assignSticky(partitions, members);
  const ownerOf: Record<string, string> = {};
  for (const m of members) for (const tp of m.owned ?? []) ownerOf[tp] ??= m.memberId;
  const assignment: Assignment = {};
  const revoked: Record<string, string[]> = {};
  for (const m of members) {
    const mine = target[m.memberId] ?? [];
    assignment[m.memberId] = mine.filter((tp) => ownerOf[tp] === undefined || ownerOf[tp] === m.memberId);
    revoked[m.memberId] = (m.owned ?? []).filter((tp) => !mine.includes(tp));
  }
  return { assignment, target, revoked, followUpRebalance: Object.values(revoked).some((r) => r.length > 0) };
}
