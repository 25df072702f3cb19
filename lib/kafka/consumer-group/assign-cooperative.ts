/**
 * CooperativeStickyAssignor (incremental rebalancing, KIP-429): compute the sticky target, then
 * withhold every partition that is moving to a new member while its old owner still has it
 * (`adjustAssignment`). The constrained builder tracks those partitions as it deals them out; after
 * the general builder they are recomputed from scratch (`computePartitionsTransferringOwnership`:
 * newly added to someone ∩ revoked from someone). The owner revokes only those partitions; because
 * something was revoked the members rejoin, and the second rebalance hands the now-free partitions
 * to their new owners. Nobody else stops consuming.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { stickyAssignDetailed } from "./assign-sticky";

export interface CooperativeAssignment {
  /** What each member gets now (phase 1): target minus partitions still owned by someone else. */
  assignment: Assignment;
  /** Where the sticky algorithm wants every partition to end up. */
  target: Assignment;
  /** Partitions each member must give up now (owned but not in its phase-1 assignment). */
  revoked: Record<string, string[]>;
  /** True when a follow-up rebalance is needed to place the revoked partitions. */
  followUpRebalance: boolean;
}

/** Partitions added to one member that another member (by its reported ownedPartitions) must revoke. */
function transferringFromScratch(members: readonly AssignorMember[], target: Assignment): Record<string, string> {
  const added: Record<string, string> = {};
  const revoked = new Set<string>();
  for (const m of members) {
    const owned = new Set(m.owned ?? []);
    const assigned = new Set(target[m.memberId] ?? []);
    for (const tp of assigned) if (!owned.has(tp)) added[tp] = m.memberId;
    for (const tp of owned) if (!assigned.has(tp)) revoked.add(tp);
  }
  return Object.fromEntries(Object.entries(added).filter(([tp]) => revoked.has(tp)));
}

/** Two-phase cooperative sticky assignment for one rebalance round. */
export function assignCooperativeSticky(partitions: PartitionCounts, members: readonly AssignorMember[]): CooperativeAssignment {
  const sticky = stickyAssignDetailed(partitions, members, "protocol");
  const target = sticky.assignment;
  const transferring = sticky.transferring ?? transferringFromScratch(members, target);
  const assignment: Assignment = {};
  const revoked: Record<string, string[]> = {};
  for (const m of members) {
    const mine = (target[m.memberId] ?? []).filter((tp) => transferring[tp] !== m.memberId);
    assignment[m.memberId] = mine;
    revoked[m.memberId] = [...new Set(m.owned ?? [])].filter((tp) => !mine.includes(tp));
  }
  return { assignment, target, revoked, followUpRebalance: Object.values(revoked).some((r) => r.length > 0) };
}
