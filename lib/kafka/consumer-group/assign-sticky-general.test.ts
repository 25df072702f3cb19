// Mixed-subscription cases of Kafka's sticky assignor tests (apache/kafka @ 1eb7644349cb07139d6a3c1ad1986979647cac99:
// clients/src/test/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignorTest.java,
// clients/src/test/java/org/apache/kafka/clients/consumer/{StickyAssignorTest,CooperativeStickyAssignorTest}.java).
// Expected assignments are carried over as facts; where Kafka only asserts validity, balance and
// stickiness, the same rules (verifyValidityAndBalance, isFullyBalanced, isSticky) are checked here.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { assignCooperativeSticky } from "./assign-cooperative";
import { assignSticky, stickyAssignDetailed } from "./assign-sticky";
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";
import { movementsAreSticky } from "./partition-movements";
import { parseTp } from "./topic-partitions";

const tp = (topic: string, ...ps: number[]) => ps.map((p) => `${topic}-${p}`);
const list = (s: string) => (s === "" ? [] : s.split(", "));
const sortedLists = (x: Assignment) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, [...v].sort()]));
const pad = (prefix: string, i: number, max: number) => prefix + String(i).padStart(String(max).length, "0");

/** `isFullyBalanced`: partition counts differ by at most one. */
function isFullyBalanced(asg: Assignment): boolean {
  const sizes = Object.values(asg).map((l) => l.length);
  return Math.max(...sizes) - Math.min(...sizes) <= 1;
}

/**
 * `verifyValidityAndBalance`: every partition's topic is subscribed by its member, no partition has
 * two members, and two members whose counts differ by 2+ share no topic among their partitions.
 */
function verifyValidityAndBalance(members: readonly AssignorMember[], asg: Assignment, partitions: PartitionCounts): void {
  const ids = members.map((m) => m.memberId).sort();
  expect(Object.keys(asg).sort()).toEqual(ids);
  const topicsOf = (l: string[]) => new Set(l.map((x) => parseTp(x).topic));
  for (const m of members)
    for (const x of asg[m.memberId]) {
      expect(m.topics, `${x} assigned to ${m.memberId}`).toContain(parseTp(x).topic);
      expect(parseTp(x).partition).toBeLessThan(partitions[parseTp(x).topic]);
    }
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = asg[ids[i]];
      const b = asg[ids[j]];
      expect(
        a.filter((x) => b.includes(x)),
        `${ids[i]} and ${ids[j]} share partitions`,
      ).toEqual([]);
      if (Math.abs(a.length - b.length) <= 1) continue;
      const other = topicsOf(b);
      for (const t of topicsOf(a)) expect(other.has(t), `${t} could move between ${ids[i]} and ${ids[j]}`).toBe(false);
    }
}

/** Kafka's CooperativeStickyAssignorTest loop: rebalance until nothing is revoked, never handing out a partition still being revoked. */
function cooperativeUntilStable(
  partitions: PartitionCounts,
  start: AssignorMember[],
): { members: AssignorMember[]; assignment: Assignment; rounds: number } {
  let members = start;
  let r = assignCooperativeSticky(partitions, members);
  let rounds = 0;
  for (;;) {
    const added = new Set<string>();
    const revoked = new Set<string>();
    for (const m of members) {
      const owned = m.owned ?? [];
      for (const x of r.assignment[m.memberId]) if (!owned.includes(x)) added.add(x);
      for (const x of owned) if (!r.assignment[m.memberId].includes(x)) revoked.add(x);
    }
    expect(
      [...added].filter((x) => revoked.has(x)),
      "assigned while still being revoked",
    ).toEqual([]);
    if (revoked.size === 0) return { members, assignment: r.assignment, rounds };
    members = members.map((m) => ({ ...m, owned: r.assignment[m.memberId], generation: 1 }));
    r = assignCooperativeSticky(partitions, members);
    rounds++;
    expect(rounds).toBeLessThanOrEqual(4);
  }
}

describe("testRackAwareAssignmentWithNonEqualSubscription (non-rack-aware expectations)", () => {
  const partitions = { t1: 6, t2: 7, t3: 2 };
  const all = ["t1", "t2", "t3"];
  const topics = [all, all, ["t1", "t3"]];
  const members = (owned?: string[]): AssignorMember[] =>
    topics.map((t, i) => ({ memberId: `consumer${i}`, topics: t, owned: owned ? list(owned[i]) : [], generation: -1 }));
  const expected = ["t1-5, t2-0, t2-2, t2-4, t2-6", "t1-3, t2-1, t2-3, t2-5, t3-0", "t1-0, t1-1, t1-2, t1-4, t3-1"];
  const asStrings = (asg: Assignment) => [0, 1, 2].map((i) => [...asg[`consumer${i}`]].sort().join(", "));

  it("assigns from scratch exactly as Kafka", () => {
    expect(asStrings(assignSticky(partitions, members()))).toEqual(expected);
    expect(stickyAssignDetailed(partitions, members()).transferring).toBeNull();
  });

  it("keeps that assignment when it is already owned (sticky and cooperative)", () => {
    expect(asStrings(assignSticky(partitions, members(expected)))).toEqual(expected);
    const r = assignCooperativeSticky(partitions, members(expected));
    expect(asStrings(r.assignment)).toEqual(expected);
    expect(r.followUpRebalance).toBe(false);
  });

  it("cooperative: from misaligned ownership, first keeps only what stays, then completes the move", () => {
    const owned = ["t1-0, t1-1, t1-2, t1-3, t1-4", "t1-5, t2-0, t2-1, t2-2, t2-3", "t2-4, t2-5, t2-6, t3-0, t3-1"];
    const intermediate = ["t1-2, t1-3, t1-4", "t2-0, t2-1, t2-2, t2-3", "t3-0, t3-1"];
    const final = ["t1-2, t1-3, t1-4, t2-4, t2-5", "t2-0, t2-1, t2-2, t2-3, t2-6", "t1-0, t1-1, t1-5, t3-0, t3-1"];
    const first = assignCooperativeSticky(partitions, members(owned));
    expect(asStrings(first.assignment)).toEqual(intermediate);
    expect(first.followUpRebalance).toBe(true);
    const second = assignCooperativeSticky(partitions, members(intermediate));
    expect(asStrings(second.assignment)).toEqual(final);
    expect(second.followUpRebalance).toBe(false);
  });
});

describe("AbstractStickyAssignorTest mixed-subscription cases", () => {
  it("testMultipleConsumersMixedTopicSubscriptions: lists in Kafka's order, nothing transferring computed", () => {
    const partitions = { topic1: 3, topic2: 2 };
    const members = [
      { memberId: "consumer1", topics: ["topic1"] },
      { memberId: "consumer2", topics: ["topic1", "topic2"] },
      { memberId: "consumer3", topics: ["topic1"] },
    ];
    const r = stickyAssignDetailed(partitions, members);
    expect(r.assignment).toEqual({ consumer1: tp("topic1", 0, 2), consumer2: tp("topic2", 0, 1), consumer3: tp("topic1", 1) });
    expect(r.transferring).toBeNull();
    expect(assignCooperativeSticky(partitions, members).assignment).toEqual(r.assignment);
  });

  it("testPoorRoundRobinAssignmentScenario is valid and balanced", () => {
    const partitions = Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`topic${i}`, (i % 2) + 1]));
    const five = ["topic1", "topic2", "topic3", "topic4", "topic5"];
    const three = ["topic1", "topic3", "topic5"];
    const members = [five, three, three, five].map((topics, i) => ({ memberId: `consumer${i + 1}`, topics }));
    verifyValidityAndBalance(members, assignSticky(partitions, members), partitions);
    const coop = cooperativeUntilStable(partitions, members);
    verifyValidityAndBalance(coop.members, coop.assignment, partitions);
  });

  it("testMoveExistingAssignments is valid, balanced, and leaves transferring to the cooperative caller", () => {
    const partitions = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`topic${i}`, 1]));
    const members: AssignorMember[] = [
      { memberId: "consumer1", topics: ["topic1", "topic2"], owned: tp("topic1", 0), generation: 1 },
      {
        memberId: "consumer2",
        topics: ["topic1", "topic2", "topic3", "topic4"],
        owned: [...tp("topic2", 0), ...tp("topic3", 0)],
        generation: 1,
      },
      {
        memberId: "consumer3",
        topics: ["topic2", "topic3", "topic4", "topic5", "topic6"],
        owned: [...tp("topic4", 0), ...tp("topic5", 0), ...tp("topic6", 0)],
        generation: 1,
      },
    ];
    const r = stickyAssignDetailed(partitions, members);
    expect(r.transferring).toBeNull();
    verifyValidityAndBalance(members, r.assignment, partitions);
    const coop = cooperativeUntilStable(partitions, members);
    verifyValidityAndBalance(coop.members, coop.assignment, partitions);
  });

  it("testNewSubscription: adding a topic to one member stays valid and sticky", () => {
    const partitions = Object.fromEntries([1, 2, 3, 4].map((i) => [pad("t", i, 5), 1]));
    const subs = [0, 1, 2].map((i) => {
      const topics: string[] = [];
      for (let j = i; j <= 3 * i - 2; j++) topics.push(pad("t", j, 5));
      return topics;
    });
    const first = subs.map((topics, i) => ({ memberId: pad("c", i, 3), topics }));
    const r1 = assignSticky(partitions, first);
    verifyValidityAndBalance(first, r1, partitions);
    // Kafka mutates the subscription in place, so members keep reporting no owned partitions.
    const second = first.map((m, i) => (i === 0 ? { ...m, topics: [...m.topics, pad("t", 1, 5)] } : m));
    const r2 = stickyAssignDetailed(partitions, second);
    verifyValidityAndBalance(second, r2.assignment, partitions);
    expect(movementsAreSticky(r2.movements)).toBe(true);
  });

  it("testReassignmentAfterOneConsumerLeaves: valid and sticky after c10 leaves", () => {
    const partitions = Object.fromEntries(Array.from({ length: 19 }, (_, k) => [pad("t", k + 1, 20), k + 1]));
    const first = Array.from({ length: 19 }, (_, k) => ({
      memberId: pad("c", k + 1, 20),
      topics: Array.from({ length: k + 1 }, (_, j) => pad("t", j + 1, 20)),
    }));
    const r1 = assignSticky(partitions, first);
    verifyValidityAndBalance(first, r1, partitions);
    const second = first.filter((m) => m.memberId !== "c10").map((m) => ({ ...m, owned: r1[m.memberId], generation: 1 }));
    const r2 = stickyAssignDetailed(partitions, second);
    verifyValidityAndBalance(second, r2.assignment, partitions);
    expect(movementsAreSticky(r2.movements)).toBe(true);
  });

  it("testAssignmentUpdatedForDeletedTopic: a subscribed topic without metadata is skipped", () => {
    const r = assignSticky({ topic1: 1, topic3: 100 }, [{ memberId: "consumer", topics: ["topic1", "topic2", "topic3"] }]);
    expect(Object.keys(r)).toEqual(["consumer"]);
    expect(r.consumer).toHaveLength(101);
  });

  it("testSubscriptionNotEqualAndAssignSamePartitionWith3Generation: every generation order gives 1–2 partitions each, none twice", () => {
    const partitions = { topic: 6, topic1: 1 };
    for (const [g1, g2, g3] of [
      [1, 2, 3],
      [1, 3, 2],
      [2, 1, 3],
      [2, 3, 1],
      [3, 1, 2],
      [3, 2, 1],
    ]) {
      const members: AssignorMember[] = [
        { memberId: "consumer1", topics: ["topic"], owned: tp("topic", 0, 2), generation: g1 },
        { memberId: "consumer2", topics: ["topic"], owned: tp("topic", 1, 2, 3), generation: g2 },
        { memberId: "consumer3", topics: ["topic"], owned: tp("topic", 2, 4, 5), generation: g3 },
        { memberId: "consumer4", topics: ["topic1"], owned: tp("topic1", 0), generation: 2 },
      ];
      const r = assignSticky(partitions, members);
      const all = Object.values(r).flat();
      expect(new Set(all).size).toBe(all.length);
      for (const l of Object.values(r)) expect([1, 2]).toContain(l.length);
    }
  });
});

describe("generations and ownership in the general builder", () => {
  it("partitions of a dropped topic go to its subscriber, and cooperative sticky withholds every partition still owned elsewhere", () => {
    const partitions = { a: 2, b: 2 };
    const members: AssignorMember[] = [
      { memberId: "m1", topics: ["b"], owned: [...tp("a", 0, 1), ...tp("b", 0)], generation: 3 },
      { memberId: "m2", topics: ["a", "b"], owned: tp("b", 1), generation: 3 },
    ];
    const r = assignCooperativeSticky(partitions, members);
    // Target: m2 takes a-0 and a-1, and performReassignments evens the count by moving b-1 to m1.
    expect(r.target).toEqual({ m1: tp("b", 0, 1), m2: tp("a", 0, 1) });
    // All three are still owned by someone else, so phase 1 withholds them and both members revoke.
    expect(r.assignment).toEqual({ m1: tp("b", 0), m2: [] });
    expect(r.revoked).toEqual({ m1: tp("a", 0, 1), m2: tp("b", 1) });
    expect(r.followUpRebalance).toBe(true);
  });

  it("a newer generation's claim wins a conflict, even against a member that lost the topic", () => {
    const partitions = { a: 2, b: 1 };
    const members: AssignorMember[] = [
      { memberId: "old", topics: ["a"], owned: tp("a", 0, 1), generation: 1 },
      { memberId: "new", topics: ["b"], owned: [...tp("a", 0), ...tp("b", 0)], generation: 2 },
    ];
    // Kafka settles claims before subscriptions: "new" wins a-0, then drops it (not subscribed), so a-0 is reassigned.
    expect(assignSticky(partitions, members)).toEqual({ old: [...tp("a", 1), ...tp("a", 0)], new: tp("b", 0) });
  });
});

describe("testReassignmentWithRandomSubscriptionsAndChanges (property)", () => {
  // Kafka's shape: 10–19 topics where topic i has i + 1 partitions, 20–39 consumers, each
  // subscribing to a random subset, then every consumer picks a new subset and rejoins.
  const scenario = fc
    .record({ numTopics: fc.integer({ min: 10, max: 19 }), numConsumers: fc.integer({ min: 20, max: 39 }) })
    .chain(({ numTopics, numConsumers }) => {
      const subsets = fc.array(fc.subarray(Array.from({ length: numTopics }, (_, i) => i)), {
        minLength: numConsumers,
        maxLength: numConsumers,
      });
      return fc.record({ numTopics: fc.constant(numTopics), before: subsets, after: subsets });
    });
  const group = ({ numTopics, before, after }: { numTopics: number; before: number[][]; after: number[][] }) => {
    const name = (i: number) => pad("t", i, 20);
    const partitions = Object.fromEntries(Array.from({ length: numTopics }, (_, i) => [name(i), i + 1]));
    const first: AssignorMember[] = before.map((ts, i) => ({ memberId: pad("c", i, 40), topics: ts.map(name) }));
    const rejoin = (owned: Assignment): AssignorMember[] =>
      after.map((ts, i) => ({ memberId: pad("c", i, 40), topics: ts.map(name), owned: owned[pad("c", i, 40)], generation: 1 }));
    return { partitions, first, rejoin };
  };

  it("both rounds are valid and balanced, and the second is sticky", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { partitions, first, rejoin } = group(sc);
        const r1 = assignSticky(partitions, first);
        verifyValidityAndBalance(first, r1, partitions);
        const second = rejoin(r1);
        const r2 = stickyAssignDetailed(partitions, second);
        verifyValidityAndBalance(second, r2.assignment, partitions);
        expect(movementsAreSticky(r2.movements)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("cooperative sticky reaches a valid, balanced assignment within four follow-up rebalances", () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const { partitions, first, rejoin } = group(sc);
        const r1 = cooperativeUntilStable(partitions, first);
        verifyValidityAndBalance(r1.members, r1.assignment, partitions);
        const r2 = cooperativeUntilStable(partitions, rejoin(r1.assignment));
        verifyValidityAndBalance(r2.members, r2.assignment, partitions);
      }),
      { numRuns: 10 },
    );
  });
});

it("is deterministic and plain JSON for the same input", () => {
  const partitions = { a: 5, b: 3, c: 4 };
  const members: AssignorMember[] = [
    { memberId: "x", topics: ["a", "b"], owned: tp("a", 0, 1, 2, 3), generation: 2 },
    { memberId: "y", topics: ["b", "c"], owned: tp("c", 0), generation: 1 },
    { memberId: "z", topics: ["a", "c"] },
  ];
  const r = stickyAssignDetailed(partitions, members);
  expect(stickyAssignDetailed(partitions, members)).toEqual(r);
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  expect(isFullyBalanced(r.assignment)).toBe(true);
  expect(sortedLists(r.assignment)).toEqual(sortedLists(assignSticky(partitions, members)));
});
