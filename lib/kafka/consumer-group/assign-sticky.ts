/**
 * StickyAssignor / CooperativeStickyAssignor core (`AbstractStickyAssignor.assignPartitions`):
 * balanced while keeping as many previously owned partitions as possible. Settles conflicting
 * ownership claims by generation (`allSubscriptionsEqual`), then runs Kafka's constrained builder
 * for identical subscriptions (`assign-sticky-constrained.ts`) or its general builder otherwise
 * (`assign-sticky-general.ts`). Members are visited in the Java `HashMap` order of their ids, as
 * Kafka iterates the group's subscription map.
 */
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { constrainedStickyAssign, javaHashMapOrder } from "./assign-sticky-constrained";
import { generalStickyAssign, type PreviousOwner } from "./assign-sticky-general";
import type { Movement } from "./partition-movements";
import { compareTp, parseTp } from "./topic-partitions";

/** `DEFAULT_GENERATION`: a member that reports no generation. */
const DEFAULT_GENERATION = -1;

/** Owned partitions after `allSubscriptionsEqual` settled who may keep what. */
export interface ResolvedOwnership {
  /** memberId → owned partitions it may keep, in the order it reported them. */
  owned: Record<string, string[]>;
  /** Partitions two members claimed in the same generation (`partitionsWithMultiplePreviousOwners`). */
  multiplyOwned: Set<string>;
  /** Highest generation any member reported. */
  maxGeneration: number;
}

export interface StickyResult {
  assignment: Assignment;
  /**
   * Partitions handed to a new member while another still owns them (constrained builder only);
   * null after the general builder, whose cooperative caller computes them from scratch.
   */
  transferring: Record<string, string> | null;
  /** Moves recorded by the general builder's `PartitionMovements` (empty for the constrained one). */
  movements: Record<string, Movement>;
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** `AbstractPartitionAssignor.assign`: only subscribed topics that exist with at least one partition. */
function subscribedPartitions(partitions: PartitionCounts, members: readonly AssignorMember[]): PartitionCounts {
  const out: PartitionCounts = {};
  for (const m of members) for (const t of m.topics) if (Number.isInteger(partitions[t]) && partitions[t] > 0) out[t] = partitions[t];
  return out;
}

/**
 * `allSubscriptionsEqual`'s claim settling, member by member in `HashMap` order: a claim by a newer
 * generation takes the partition over, an older one is ignored, and an equal one makes nobody keep it.
 * Only partitions of the group's topics count (and, unlike Kafka, only partition numbers that exist).
 */
export function resolveOwnedPartitions(partitions: PartitionCounts, members: readonly AssignorMember[]): ResolvedOwnership {
  const perTopic = subscribedPartitions(partitions, members);
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const owned: Record<string, string[]> = Object.fromEntries(members.map((m) => [m.memberId, [] as string[]]));
  const lastClaim = new Map<string, { memberId: string; generation: number }>();
  const multiplyOwned = new Set<string>();
  let maxGeneration = DEFAULT_GENERATION;
  for (const id of javaHashMapOrder(unique(members.map((m) => m.memberId)))) {
    const m = byId.get(id)!;
    const generation = m.generation ?? DEFAULT_GENERATION;
    maxGeneration = Math.max(maxGeneration, generation);
    for (const tp of unique(m.owned ?? [])) {
      const { topic, partition } = parseTp(tp);
      if (!(partition >= 0 && partition < (perTopic[topic] ?? 0))) continue;
      const last = lastClaim.get(tp);
      if (last === undefined) owned[id].push(tp);
      else if (generation === last.generation) {
        multiplyOwned.add(tp);
        owned[last.memberId] = owned[last.memberId].filter((x) => x !== tp);
      } else if (generation > last.generation) {
        owned[id].push(tp);
        owned[last.memberId] = owned[last.memberId].filter((x) => x !== tp);
      } else continue;
      lastClaim.set(tp, { memberId: id, generation });
    }
  }
  return { owned, multiplyOwned, maxGeneration };
}

/**
 * `prepopulateCurrentAssignments`: for members below the group's highest generation, each partition's
 * owner in the newest such generation (the first member in `HashMap` order wins a tie).
 */
function previousOwners(members: readonly AssignorMember[], maxGeneration: number): Record<string, PreviousOwner> {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  const previous: Record<string, PreviousOwner> = {};
  for (const id of javaHashMapOrder(unique(members.map((m) => m.memberId)))) {
    const m = byId.get(id)!;
    const generation = m.generation ?? DEFAULT_GENERATION;
    if (generation >= maxGeneration) continue;
    for (const tp of m.owned ?? [])
      if (previous[tp] === undefined || generation > previous[tp].generation) previous[tp] = { memberId: id, generation };
  }
  return previous;
}

/**
 * `allSubscriptionsEqual`'s test, in `HashMap` order of member ids: the first non-empty subscription
 * sets the reference, and every later member must match it. (So members with an empty subscription
 * that come before it are not compared — Kafka then runs the constrained builder for them too.)
 */
export function hasIdenticalSubscriptions(members: readonly AssignorMember[]): boolean {
  const byId = new Map(members.map((m) => [m.memberId, m]));
  let reference: Set<string> | null = null;
  for (const id of javaHashMapOrder(unique(members.map((m) => m.memberId)))) {
    const topics = unique(byId.get(id)!.topics);
    if (reference === null || reference.size === 0) reference = new Set(topics);
    else if (topics.length !== reference.size || !topics.every((t) => reference!.has(t))) return false;
  }
  return true;
}

/**
 * How owned partitions arrive at the leader, which fixes their order in the kept lists. `userData`:
 * the StickyAssignor's own encoding groups them by topic in Java `HashMap` order
 * (`CollectionUtils.groupPartitionsByTopic`); `protocol`: the subscription's ownedPartitions field,
 * which `ConsumerProtocol` writes sorted by topic, then partition (CooperativeStickyAssignor).
 */
export type OwnedEncoding = "userData" | "protocol";

/** Reorders a member's owned partitions the way its subscription encoding delivers them. */
export function deliveredOwnedOrder(owned: readonly string[], encoding: OwnedEncoding): string[] {
  if (encoding === "protocol") return [...owned].sort(compareTp);
  const byTopic = new Map<string, string[]>();
  for (const tp of owned) {
    const { topic } = parseTp(tp);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), tp]);
  }
  return javaHashMapOrder([...byTopic.keys()], "computeIfAbsent").flatMap((t) => byTopic.get(t)!);
}

/** The full sticky computation: assignment plus what the cooperative variant needs. */
export function stickyAssignDetailed(
  partitions: PartitionCounts,
  members: readonly AssignorMember[],
  encoding: OwnedEncoding = "userData",
): StickyResult {
  const ids = unique(members.map((m) => m.memberId));
  const byId = new Map(
    members.map((m) => [m.memberId, { ...m, topics: unique(m.topics), owned: deliveredOwnedOrder(unique(m.owned ?? []), encoding) }]),
  );
  const group = ids.map((id) => byId.get(id)!);
  if (group.length === 0) return { assignment: {}, transferring: {}, movements: {} };
  const perTopic = subscribedPartitions(partitions, group);
  const resolved = resolveOwnedPartitions(partitions, group);

  if (hasIdenticalSubscriptions(group)) {
    const assignment = constrainedStickyAssign(
      perTopic,
      unique(group.flatMap((m) => m.topics)),
      ids,
      resolved.owned,
      resolved.multiplyOwned,
    );
    // assignNewPartition: a partition new to its member is "transferring" if another member had to
    // give it up, or if it was claimed twice in one generation.
    const kept = new Map<string, string>();
    for (const id of ids) for (const tp of resolved.owned[id]) if (!resolved.multiplyOwned.has(tp)) kept.set(tp, id);
    const transferring: Record<string, string> = {};
    for (const id of ids)
      for (const tp of assignment[id]) {
        const before = kept.get(tp);
        if (before !== id && (before !== undefined || resolved.multiplyOwned.has(tp))) transferring[tp] = id;
      }
    return { assignment, transferring, movements: {} };
  }

  const previous = previousOwners(group, resolved.maxGeneration);
  const ordered = javaHashMapOrder(ids).map((id) => byId.get(id)!);
  const general = generalStickyAssign({ partitions: perTopic, members: ordered, current: resolved.owned, previous });
  const assignment: Assignment = Object.fromEntries(ids.map((id) => [id, general.assignment[id] ?? []]));
  return { assignment, transferring: null, movements: general.movements };
}

/** Sticky assignment (eager StickyAssignor result; also the target of the cooperative variant). */
export function assignSticky(partitions: PartitionCounts, members: readonly AssignorMember[]): Assignment {
  return stickyAssignDetailed(partitions, members).assignment;
}
