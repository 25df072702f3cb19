import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { electLeader } from "./leader-election";
import type { ElectionKind } from "./types";

type Case = (typeof vectors.leaderElection_copied.cases)[number] & { isr?: number[]; targetIsr?: number[] };

/** "all" or "all except 3" → the alive brokers among the replicas. */
function aliveOf(c: Case): number[] {
  if (c.alive === "all") return c.replicas;
  const m = /^all except (\d+)$/.exec(c.alive);
  if (!m) throw new Error(`unparsed alive spec: ${c.alive}`);
  return c.replicas.filter((r) => r !== Number(m[1]));
}

describe("leader election (leaderElection_copied)", () => {
  const cases = vectors.leaderElection_copied.cases as Case[];

  it("has the copied cases", () => {
    expect(cases.length).toBe(11);
  });

  it.each(cases.map((c, i) => [i, c] as const))("case %i matches PartitionChangeBuilderTest.testElectLeader", (_i, c) => {
    const isr = c.isr ?? c.targetIsr!;
    const out = electLeader({ replicas: c.replicas, isr, currentLeader: c.currentLeader, alive: aliveOf(c) }, c.election as ElectionKind);
    expect(out).toEqual({ leader: c.expectedLeader, unclean: c.unclean });
  });

  it("picks the first replica in ASSIGNMENT order, not the first one listed in the ISR", () => {
    expect(electLeader({ replicas: [3, 1, 2], isr: [2, 1], currentLeader: 3, alive: [1, 2] }, "ONLINE")).toEqual({
      leader: 1,
      unclean: false,
    });
  });
});
