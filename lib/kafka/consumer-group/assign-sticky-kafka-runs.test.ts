// Differential vectors: generated inputs whose expected assignments were computed by running Kafka's
// own StickyAssignor and CooperativeStickyAssignor (see the fixture's provenance). Lists are compared
// in order, because Kafka's result lists are ordered (kept partitions first, in delivery order).
import { describe, expect, it } from "vitest";
import runs from "../__fixtures__/sticky-general-kafka-runs.json";
import { assignCooperativeSticky } from "./assign-cooperative";
import { assignSticky } from "./assign-sticky";
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";

type Run = { id: string; partitions: PartitionCounts; members: AssignorMember[]; sticky?: Assignment; cooperative?: Assignment };
const cases = runs.cases as unknown as Run[];

describe("sticky assignors give exactly Kafka's answer on generated groups", () => {
  it.each(cases)("StickyAssignor $id", (c) => {
    expect(assignSticky(c.partitions, c.members)).toEqual(c.sticky);
  });

  it.each(cases)("CooperativeStickyAssignor $id", (c) => {
    expect(assignCooperativeSticky(c.partitions, c.members).assignment).toEqual(c.cooperative);
  });

  it("covers mixed subscriptions, generations and conflicting claims", () => {
    const mixed = cases.filter((c) => new Set(c.members.map((m) => [...m.topics].sort().join())).size > 1);
    expect(mixed.length).toBeGreaterThan(100);
    expect(cases.some((c) => c.members.some((m) => (m.generation ?? -1) > 1))).toBe(true);
  });
});

it.each(runs.kafkaThrows as unknown as Run[])(
  "where Kafka's assignor throws, the engine still returns each partition at most once ($id)",
  (c) => {
    for (const asg of [assignSticky(c.partitions, c.members), assignCooperativeSticky(c.partitions, c.members).assignment]) {
      expect(Object.keys(asg).sort()).toEqual(c.members.map((m) => m.memberId).sort());
      const all = Object.values(asg).flat();
      expect(new Set(all).size).toBe(all.length);
    }
  },
);
