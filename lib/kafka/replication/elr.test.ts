import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { populateElr } from "../metadata/elr";
import { createReplicationState } from "./config";
import { electLeader } from "./leader-election";
import { lostAcknowledgedRecords } from "./queries";
import { stepReplication } from "./reducer";
import type { ReplicationEvent, ReplicationInit, ReplicationState } from "./types";

function mk(init: ReplicationInit = {}): ReplicationState {
  const r = createReplicationState({ replicas: [1, 2, 3], autoLeaderRebalanceEnable: false, ...init });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const run = (s: ReplicationState, evs: ReplicationEvent[]) => evs.reduce(stepReplication, s);
/** A state with the partition fields as one of Kafka's tests sets them up (replicas not in `alive` fenced and stopped). */
function registration(p: {
  replicas: number[];
  isr: number[];
  elr: number[];
  leader: number;
  minIsr: number;
  alive: number[];
  lastKnownLeader?: number[];
}) {
  const s = mk({ replicas: p.replicas, minInsyncReplicas: p.minIsr, profile: "kafka-4.x" });
  return {
    ...s,
    leader: p.leader,
    isr: p.isr,
    elr: p.elr,
    lastKnownLeader: p.lastKnownLeader ?? [],
    replicas: s.replicas.map((r) => (p.alive.includes(r.brokerId) ? r : { ...r, running: false, fenced: true })),
  };
}

// Expectations from Kafka's PartitionChangeBuilderTest (metadata/src/test/java/org/apache/kafka/controller/,
// apache/kafka 1eb7644349cb07139d6a3c1ad1986979647cac99), partition change record version 2 (ELR on).
describe("ELR rules as PartitionChangeBuilderTest expects them", () => {
  it("IsrShrinkBelowMinISR: ISR [1,2,3,4] → [1,2] with min ISR 3 puts 3 and 4 in the ELR", () => {
    expect(populateElr([1, 2, 3, 4], [1, 2], [], 3)).toEqual([3, 4]);
  });
  it("IsrExpandAboveMinISR: ISR [1,2] + ELR [3] → ISR [1,2,3] clears the ELR", () => {
    expect(populateElr([1, 2], [1, 2, 3], [3], 3)).toEqual([]);
  });
  it("IsrAddNewMemberNotInELR: ISR [1] → [1,4] below min ISR keeps ELR [3]", () => {
    expect(populateElr([1], [1, 4], [3], 3)).toEqual([3]);
  });
  it("RemoveUncleanShutdownReplicasFromElr: ELR [2,3] with 3 back from an unclean shutdown → [2]", () => {
    expect(populateElr([1], [1], [2, 3], 3, [3])).toEqual([2]);
  });
  it("ElrCanBeElected: ISR [1], ELR [3], broker 1 goes offline → leader 3, ISR [3], ELR [1]", () => {
    const s = stepReplication(registration({ replicas: [1, 2, 3, 4], isr: [1], elr: [3], leader: 1, minIsr: 3, alive: [1, 2, 3, 4] }), {
      type: "brokerFenced",
      brokerId: 1,
    });
    expect({ leader: s.leader, isr: s.isr, elr: s.elr }).toEqual({ leader: 3, isr: [3], elr: [1] });
    expect(s.elections.at(-1)).toMatchObject({ leader: 3, unclean: false, fromElr: true });
  });
  it("IsrCanShrinkToZero: every replica offline at once → ISR [], ELR [1,2,3,4], no leader", () => {
    expect(populateElr([1, 2, 3, 4], [], [], 3)).toEqual([1, 2, 3, 4]);
    expect(electLeader({ replicas: [1, 2, 3, 4], isr: [], elr: [1, 2, 3, 4], currentLeader: 1, alive: [] }, "PREFERRED").leader).toBe(-1);
  });
  it("one broker at a time: a replica that left while the ISR was still ≥ min ISR never joins the ELR; the last leader is remembered", () => {
    let s = registration({ replicas: [1, 2, 3, 4], isr: [1, 2, 3, 4], elr: [], leader: 1, minIsr: 3, alive: [1, 2, 3, 4] });
    s = run(
      s,
      [4, 3, 2, 1].map((b) => ({ type: "brokerFenced", brokerId: b }) as ReplicationEvent),
    );
    expect({ leader: s.leader, isr: s.isr, elr: s.elr, last: s.lastKnownLeader }).toEqual({
      leader: -1,
      isr: [],
      elr: [1, 2, 3],
      last: [1],
    });
  });
  it("ElectLastKnownLeader: ISR and ELR empty, last known leader 1 acceptable → 1 leads, unclean", () => {
    expect(
      electLeader({ replicas: [1, 2, 3, 4], isr: [], elr: [], lastKnownLeader: [1], currentLeader: -1, alive: [1, 2, 3, 4] }, "PREFERRED"),
    ).toEqual({
      leader: 1,
      unclean: true,
      lastKnownLeader: true,
    });
  });
  it("ElectLastKnownLeaderShouldFail: ELR [3] not acceptable, last known leader 1 → no leader", () => {
    expect(
      electLeader({ replicas: [1, 2, 3, 4], isr: [], elr: [3], lastKnownLeader: [1], currentLeader: -1, alive: [1, 2, 4] }, "PREFERRED"),
    ).toEqual({
      leader: -1,
      unclean: false,
    });
  });
});

describe("ELR in the replication lab (4.x)", () => {
  it("a lagging follower joins the ELR below min.insync.replicas and becomes a clean leader when the ISR empties", () => {
    // min.insync.replicas=2: broker 3 stops fetching and leaves the ISR ([1,2] is still ≥ 2: no ELR).
    let s = run(mk({ minInsyncReplicas: 2, followerFetchIntervalMs: 500 }), [
      { type: "produce", acks: "all", value: "a" },
      { type: "tick", nowMs: 1000 },
    ]);
    s = run(s, [
      { type: "setFollowerPaused", brokerId: 3, paused: true },
      { type: "produce", acks: "1", value: "b" },
      { type: "tick", nowMs: 45_000 },
    ]);
    expect([s.isr, s.elr]).toEqual([[1, 2], []]);
    // Broker 2 crashes: ISR [1] < 2, so 2 joins the ELR.
    s = run(s, [{ type: "brokerDown", brokerId: 2 }]);
    expect([s.leader, s.isr, s.elr]).toEqual([1, [1], [2]]);
    // Leader 1 shuts down cleanly: the ISR becomes empty, 1 joins the ELR too; nobody alive is eligible.
    s = run(s, [{ type: "brokerDown", brokerId: 1, graceful: true }]);
    expect([s.leader, s.isr, s.elr]).toEqual([-1, [], [1, 2]]);
    // Broker 3 is alive but was never in the ELR: unclean election is off, so it is not elected.
    expect(s.replicas.find((r) => r.brokerId === 3)?.running).toBe(true);
    // Broker 2 comes back from its crash: an unclean shutdown takes it out of the ELR; still no leader.
    s = run(s, [{ type: "brokerUp", brokerId: 2 }]);
    expect([s.leader, s.isr, s.elr]).toEqual([-1, [], [1]]);
    // Broker 1 (controlled shutdown) comes back: an ELR member, elected cleanly, the ISR is [1] again.
    s = run(s, [{ type: "brokerUp", brokerId: 1 }]);
    expect([s.leader, s.isr, s.elr]).toEqual([1, [1], []]);
    expect(s.elections.at(-1)).toMatchObject({ leader: 1, unclean: false, fromElr: true });
    expect(lostAcknowledgedRecords(s, "all")).toEqual([]);
  });

  it("without ELR (2.x) the last ISR member stays in the ISR and the ELR stays empty", () => {
    let s = mk({ minInsyncReplicas: 2, profile: "kafka-2.x" });
    s = run(
      s,
      [2, 3, 1].map((b) => ({ type: "brokerDown", brokerId: b }) as ReplicationEvent),
    );
    expect([s.leader, s.isr, s.elr]).toEqual([-1, [1], []]);
  });

  it("an unclean election clears the ELR", () => {
    let s = run(mk({ minInsyncReplicas: 3 }), [{ type: "brokerDown", brokerId: 3 }]);
    expect(s.elr).toEqual([3]);
    s = run(s, [
      { type: "brokerDown", brokerId: 2 },
      { type: "brokerDown", brokerId: 1 },
      { type: "brokerUp", brokerId: 3 },
    ]);
    expect(s.leader).toBe(-1);
    s = run(s, [{ type: "electLeader", kind: "UNCLEAN" }]);
    expect([s.leader, s.isr, s.elr]).toEqual([3, [3], []]);
  });
});

const broker = fc.constantFrom(1, 2, 3);
const event: fc.Arbitrary<ReplicationEvent> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant("produce" as const),
      acks: fc.constantFrom("0" as const, "1" as const, "all" as const),
      value: fc.constant("v"),
    }),
  },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("followerFetch" as const), brokerId: broker }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((nowMs) => ({ type: "tick" as const, nowMs })) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("brokerDown" as const),
      brokerId: broker,
      notifyController: fc.boolean(),
      graceful: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("brokerFenced" as const), brokerId: broker }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("brokerUp" as const), brokerId: broker }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("setFollowerPaused" as const), brokerId: broker, paused: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { type: "electLeader" as const, kind: "PREFERRED" as const },
      { type: "electLeader" as const, kind: "UNCLEAN" as const },
    ),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("setControllerAvailable" as const), available: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("setUncleanLeaderElection" as const), enabled: fc.boolean() }) },
);
const absolute = (evs: ReplicationEvent[]) => {
  let now = 0;
  return evs.map((e) => (e.type === "tick" ? { ...e, nowMs: (now += e.nowMs) } : e));
};

describe("ELR invariants (properties)", { timeout: 30_000 }, () => {
  it("ELR ∩ ISR = ∅, the leader is in the ISR or there is none, ELR only below min ISR and only when on", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom("kafka-2.x" as const, "kafka-4.x" as const),
        fc.array(event, { minLength: 10, maxLength: 80 }),
        (minIsr, profile, evs) => {
          let s = mk({ minInsyncReplicas: minIsr, profile, followerFetchIntervalMs: 700, maxFetchRecords: 2 });
          const on = s.config.eligibleLeaderReplicas;
          expect(on).toBe(profile === "kafka-4.x");
          for (const e of absolute(evs)) {
            s = stepReplication(s, e);
            expect(s.elr.filter((r) => s.isr.includes(r))).toEqual([]);
            expect(s.elr.every((r) => s.config.replicas.includes(r))).toBe(true);
            expect(new Set(s.elr).size).toBe(s.elr.length);
            if (s.leader >= 0) expect(s.isr).toContain(s.leader);
            if (!on) {
              expect(s.elr).toEqual([]);
              expect(s.lastKnownLeader).toEqual([]);
              expect(s.isr.length).toBeGreaterThan(0);
            } else if (s.elr.length > 0) expect(s.isr.length).toBeLessThan(minIsr);
            if (s.lastKnownLeader.length > 0) expect([s.leader, s.isr.length, s.lastKnownLeader.length]).toEqual([-1, 0, 1]);
            for (const x of s.elections) if (x.fromElr) expect([x.unclean, x.isr]).toEqual([false, [x.leader]]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
