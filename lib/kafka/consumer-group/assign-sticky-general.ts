/**
 * `AbstractStickyAssignor.GeneralAssignmentBuilder`, used when members subscribe to different
 * topics. In Kafka's order: keep each member's still-valid owned partitions; hand every free
 * partition (topics with fewer potential consumers first, then by name) to the least-loaded
 * subscribed member of `SubscriptionComparator` order (fewest partitions, then member id); set aside
 * topics only one member can take and members that cannot change; then `performReassignments` —
 * first over the newly free partitions (unless a lost subscription already forces revocations),
 * then over all — moving a partition back to its previous-generation owner or to the least-loaded
 * subscriber while `isBalanced` says a move can still help, undoing earlier moves through
 * `PartitionMovements`; finally keep the result only if its balance score improved. Pure over its
 * inputs (local mutable state only); where Kafka throws a NullPointerException it skips the step.
 */
import type { Assignment, PartitionCounts } from "./assignor-types";
import { createPartitionMovements, type Movement } from "./partition-movements";
import { parseTp, tpKey } from "./topic-partitions";

/** The owner of a partition in an older generation (`ConsumerGenerationPair`). */
export interface PreviousOwner {
  memberId: string;
  generation: number;
}

export interface GeneralStickyInput {
  /** Only topics some member subscribes to, each with at least one partition. */
  partitions: PartitionCounts;
  /** Members with their (duplicate-free) subscriptions. */
  members: readonly { memberId: string; topics: readonly string[] }[];
  /** Each member's owned partitions after generation conflicts were settled, in its own order. */
  current: Record<string, string[]>;
  /** `prevAssignment`: per partition, its owner in the newest generation below the group's maximum. */
  previous: Record<string, PreviousOwner>;
}

export interface GeneralStickyResult {
  assignment: Assignment;
  /** What `PartitionMovements` recorded (Kafka's `isSticky` reads it; a reverted balance keeps it). */
  movements: Record<string, Movement>;
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sum over member pairs of the difference of their partition counts (`getBalanceScore`). */
function balanceScore(assignment: Assignment): number {
  const sizes = Object.values(assignment).map((l) => l.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i] - sizes[j]);
  return score;
}

/** Runs the general sticky builder. */
export function generalStickyAssign(input: GeneralStickyInput): GeneralStickyResult {
  const { partitions, previous } = input;
  const topicConsumers = new Map<string, string[]>(Object.keys(partitions).map((t) => [t, []]));
  const memberTopics = new Map<string, string[]>();
  for (const m of input.members) {
    const mine = m.topics.filter((t) => topicConsumers.has(t));
    memberTopics.set(m.memberId, mine);
    for (const t of mine) topicConsumers.get(t)!.push(m.memberId);
  }
  const subscribes = (id: string, topic: string) => memberTopics.get(id)?.includes(topic) ?? false;
  const maxAssignmentSize = (id: string) => (memberTopics.get(id) ?? []).reduce((n, t) => n + partitions[t], 0);

  // currentAssignment and currentPartitionConsumer.
  let assignment: Assignment = {};
  let owner = new Map<string, string>();
  for (const m of input.members) {
    assignment[m.memberId] = [...(input.current[m.memberId] ?? [])];
    for (const tp of assignment[m.memberId]) owner.set(tp, m.memberId);
  }

  const sortedTopics = Object.keys(partitions).sort(
    (a, b) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || compareIds(a, b),
  );
  const sortedAll = sortedTopics.flatMap((t) => Array.from({ length: partitions[t] }, (_, p) => tpKey(t, p)));

  // assignOwnedPartitions: drop partitions of vanished topics and of topics no longer subscribed.
  let revocationRequired = false;
  const assigned = new Set<string>();
  for (const m of input.members) {
    assignment[m.memberId] = assignment[m.memberId].filter((tp) => {
      const { topic } = parseTp(tp);
      if (!topicConsumers.has(topic)) {
        owner.delete(tp);
        return false;
      }
      if (!subscribes(m.memberId, topic)) {
        revocationRequired = true;
        return false;
      }
      assigned.add(tp);
      return true;
    });
  }
  const unassigned = sortedAll.filter((tp) => !assigned.has(tp));

  // sortedCurrentSubscriptions (a TreeSet by partition count, then member id).
  const active = new Set(input.members.map((m) => m.memberId));
  const size = (id: string) => assignment[id].length;
  const sortedActive = () => [...active].sort((a, b) => size(a) - size(b) || compareIds(a, b));
  const leastLoadedSubscriber = (topic: string) => sortedActive().find((id) => subscribes(id, topic));

  const initializing = [...active].every((id) => size(id) === 0);

  // maybeAssign: every free partition goes to the least-loaded member subscribed to its topic.
  for (const tp of unassigned) {
    const id = leastLoadedSubscriber(parseTp(tp).topic);
    if (id === undefined) continue;
    assignment[id].push(tp);
    owner.set(tp, id);
  }

  // Narrow the search to topics with two or more potential consumers, and members that can change.
  const movable = (tp: string) => topicConsumers.get(parseTp(tp).topic)!.length >= 2;
  const reassignable = sortedAll.filter(movable);
  const freshlyAssigned = unassigned.filter(movable);
  const canParticipate = (id: string) =>
    size(id) < maxAssignmentSize(id) || assignment[id].some((tp) => topicConsumers.get(parseTp(tp).topic)!.length >= 2);
  const fixed: Assignment = {};
  for (const m of input.members)
    if (!canParticipate(m.memberId)) {
      active.delete(m.memberId);
      fixed[m.memberId] = assignment[m.memberId];
      delete assignment[m.memberId];
    }

  const preBalance: Assignment = Object.fromEntries(Object.entries(assignment).map(([id, l]) => [id, [...l]]));
  const preBalanceOwner = new Map(owner);
  const movements = createPartitionMovements();

  /** No member that lacks partitions it could take could take one from a member with 2+ more. */
  const isBalanced = () => {
    const order = sortedActive();
    if (order.length === 0 || size(order[0]) >= size(order[order.length - 1]) - 1) return true;
    const ownerNow = new Map<string, string>();
    for (const id of order) for (const tp of assignment[id]) ownerNow.set(tp, id);
    for (const id of order) {
      const count = size(id);
      if (count === maxAssignmentSize(id)) continue;
      for (const topic of memberTopics.get(id)!)
        for (let p = 0; p < partitions[topic]; p++) {
          const other = ownerNow.get(tpKey(topic, p));
          if (other !== undefined && other !== id && count + 1 < size(other)) return false;
        }
    }
    return true;
  };

  const processMovement = (tp: string, newOwner: string) => {
    const oldOwner = owner.get(tp)!;
    movements.move(tp, oldOwner, newOwner);
    assignment[oldOwner] = assignment[oldOwner].filter((x) => x !== tp);
    assignment[newOwner].push(tp);
    owner.set(tp, newOwner);
  };
  const reassignTo = (tp: string, newOwner: string) =>
    processMovement(movements.actualPartitionToMove(tp, owner.get(tp)!, newOwner), newOwner);

  const performReassignments = (list: readonly string[]) => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of list) {
        if (isBalanced()) break;
        const topic = parseTp(tp).topic;
        const current = owner.get(tp);
        if (current === undefined || !active.has(current)) continue; // Kafka: logged as an error
        const prev = previous[tp];
        // As in Kafka, the previous owner need not still subscribe to the topic (it then gets a
        // partition it did not ask for). Kafka throws if that owner was set aside as unchangeable;
        // the engine skips the step instead.
        if (prev && active.has(prev.memberId) && size(current) > size(prev.memberId) + 1) {
          reassignTo(tp, prev.memberId);
          performed = modified = true;
          continue;
        }
        if (topicConsumers.get(topic)!.some((other) => active.has(other) && size(current) > size(other) + 1)) {
          reassignTo(tp, leastLoadedSubscriber(topic)!);
          performed = modified = true;
        }
      }
    } while (modified);
    return performed;
  };

  // If no lost subscription forces a revocation, first try moving only the newly assigned partitions.
  if (!revocationRequired) performReassignments(freshlyAssigned);
  const reassignmentPerformed = performReassignments(reassignable);
  if (!initializing && reassignmentPerformed && balanceScore(assignment) >= balanceScore(preBalance)) {
    assignment = preBalance;
    owner = preBalanceOwner;
  }
  for (const [id, list] of Object.entries(fixed)) assignment[id] = list;
  return { assignment, movements: movements.movements() };
}
