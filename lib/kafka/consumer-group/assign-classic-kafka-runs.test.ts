// Differential vectors for RangeAssignor and RoundRobinAssignor: generated groups (mixed
// subscriptions, static members, topics without partitions) whose expected assignments were computed
// by running Kafka's own assignors (see the fixture's provenance). Lists are compared in order.
import { describe, expect, it } from "vitest";
import runs from "../__fixtures__/assignor-kafka-runs.json";
import { assignRange } from "./assign-range";
import { assignRoundRobin } from "./assign-round-robin";
import type { AssignorMember, Assignment, PartitionCounts } from "./assignor-types";

type Run = { id: string; partitions: PartitionCounts; members: AssignorMember[]; range: Assignment; roundRobin: Assignment };
const cases = runs.cases as unknown as Run[];

describe("classic assignors give exactly Kafka's answer on generated groups", () => {
  it.each(cases)("RangeAssignor $id", (c) => {
    expect(assignRange(c.partitions, c.members)).toEqual(c.range);
  });

  it.each(cases)("RoundRobinAssignor $id", (c) => {
    expect(assignRoundRobin(c.partitions, c.members)).toEqual(c.roundRobin);
  });
});
