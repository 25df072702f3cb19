// Multi-round scenarios of Kafka's StickyAssignorTest (apache/kafka
// clients/src/test/java/org/apache/kafka/clients/consumer/StickyAssignorTest.java @ 1eb7644349cb07139d6a3c1ad1986979647cac99),
// run with identical and with mixed subscriptions (the test's isAllSubscriptionsEqual); the
// assertions are the ones Kafka makes (sizes, containment, disjointness), carried over as facts.
import { describe, expect, it } from "vitest";
import { assignSticky } from "./assign-sticky";
import type { AssignorMember } from "./assignor-types";

const contains = (a: string[], b: string[]) => b.every((x) => a.includes(x));
const disjoint = (a: string[], b: string[]) => !a.some((x) => b.includes(x));
const tp = (topic: string, ...ps: number[]) => ps.map((p) => `${topic}-${p}`);

describe.each([true, false])("StickyAssignorTest scenarios, all subscriptions equal = %s", (equal) => {
  it("testAssignmentWithMultipleGenerations1", () => {
    const all = ["topic", "topic2"];
    const c2Topics = equal ? all : ["topic"];
    const partitions = { topic: 6, topic2: 6 };
    const r1 = assignSticky(partitions, [
      { memberId: "consumer1", topics: all },
      { memberId: "consumer2", topics: c2Topics },
      { memberId: "consumer3", topics: all },
    ]);
    expect([r1.consumer1.length, r1.consumer2.length, r1.consumer3.length]).toEqual([4, 4, 4]);
    const r2 = assignSticky(partitions, [
      { memberId: "consumer1", topics: all, owned: r1.consumer1, generation: 1 },
      { memberId: "consumer2", topics: c2Topics, owned: r1.consumer2, generation: 1 },
    ]);
    expect([r2.consumer1.length, r2.consumer2.length]).toEqual([6, 6]);
    if (equal) expect(contains(r2.consumer1, r1.consumer1)).toBe(true);
    expect(contains(r2.consumer2, r1.consumer2)).toBe(true);
    expect(disjoint(r2.consumer2, r1.consumer3)).toBe(false);
    const r3 = assignSticky(partitions, [
      { memberId: "consumer2", topics: c2Topics, owned: r2.consumer2, generation: 2 },
      { memberId: "consumer3", topics: all, owned: r1.consumer3, generation: 1 },
    ]);
    expect([r3.consumer2.length, r3.consumer3.length]).toEqual([6, 6]);
    expect(disjoint(r3.consumer2, r3.consumer3)).toBe(true);
  });

  it("testAssignmentWithMultipleGenerations2", () => {
    const all = ["topic", "topic2", "topic3"];
    const c1Topics = equal ? all : ["topic"];
    const c3Topics = equal ? all : ["topic", "topic2"];
    const partitions = { topic: 4, topic2: 4, topic3: 4 };
    const r1 = assignSticky(partitions, [
      { memberId: "consumer1", topics: c1Topics },
      { memberId: "consumer2", topics: all },
      { memberId: "consumer3", topics: c3Topics },
    ]);
    expect([r1.consumer1.length, r1.consumer2.length, r1.consumer3.length]).toEqual([4, 4, 4]);
    const r2 = assignSticky(partitions, [{ memberId: "consumer2", topics: all, owned: r1.consumer2, generation: 1 }]);
    expect(r2.consumer2).toHaveLength(12);
    expect(contains(r2.consumer2, r1.consumer2)).toBe(true);
    const r3 = assignSticky(partitions, [
      { memberId: "consumer1", topics: c1Topics, owned: r1.consumer1, generation: 1 },
      { memberId: "consumer2", topics: all, owned: r2.consumer2, generation: 2 },
      { memberId: "consumer3", topics: c3Topics, owned: r1.consumer3, generation: 1 },
    ]);
    expect([r3.consumer1.length, r3.consumer2.length, r3.consumer3.length]).toEqual([4, 4, 4]);
  });

  it("testAssignmentWithConflictingPreviousGenerations", () => {
    const all = ["topic", "topic2", "topic3"];
    const partitions = { topic: 4, topic2: 4, topic3: 4 };
    const c1Topics = equal ? all : ["topic"];
    const c2Topics = equal ? all : ["topic", "topic2"];
    const c1 = equal ? [...tp("topic", 0, 1, 2), ...tp("topic2", 2, 3), ...tp("topic3", 0)] : tp("topic", 0, 1, 2, 3);
    const c2 = [...tp("topic", 0, 1), ...tp("topic2", 0, 1, 2, 3)];
    const c3 = [...tp("topic", 2, 3), ...tp("topic3", 0, 1, 2, 3)];
    const members: AssignorMember[] = [
      { memberId: "consumer1", topics: c1Topics, owned: c1, generation: 1 },
      { memberId: "consumer2", topics: c2Topics, owned: c2, generation: 2 },
      { memberId: "consumer3", topics: all, owned: c3, generation: 2 },
    ];
    const r = assignSticky(partitions, members);
    expect([r.consumer1.length, r.consumer2.length, r.consumer3.length]).toEqual([4, 4, 4]);
    expect(contains(c2, r.consumer2)).toBe(true);
    expect(contains(c3, r.consumer3)).toBe(true);
  });
});

it("testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer", () => {
  const t = ["topic"];
  const r = assignSticky({ topic: 4 }, [
    { memberId: "consumer1", topics: t, owned: tp("topic", 0, 1), generation: 1 },
    { memberId: "consumer2", topics: t, owned: tp("topic", 0, 2), generation: 1 },
    { memberId: "consumer3", topics: t, owned: [], generation: 1 },
  ]);
  expect(r).toEqual({ consumer1: tp("topic", 1, 3), consumer2: tp("topic", 2), consumer3: tp("topic", 0) });
});
