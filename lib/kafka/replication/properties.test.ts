import fc from "fast-check";
import { expectReplayable, expectStepNeverThrows } from "../__testing__/reducer-contracts";
import { describe, expect, it } from "vitest";
import { createReplicationState } from "./config";
import { highWatermark, lostAcknowledgedRecords } from "./queries";
import { advanceReplicationClock, stepReplication } from "./reducer";
import type { ReplicationEvent, ReplicationState } from "./types";

const broker = fc.constantFrom(1, 2, 3);
const baseEvents: fc.WeightedArbitrary<ReplicationEvent>[] = [
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("produce" as const),
      acks: fc.constantFrom("0" as const, "1" as const, "all" as const),
      value: fc.string({ maxLength: 3 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ type: fc.constant("followerFetch" as const), brokerId: broker }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((d) => ({ type: "tick" as const, nowMs: d })) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("brokerDown" as const), brokerId: broker, notifyController: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("brokerFenced" as const), brokerId: broker }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("brokerUp" as const), brokerId: broker }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("setFollowerPaused" as const), brokerId: broker, paused: fc.boolean() }) },
  { weight: 1, arbitrary: fc.constant({ type: "electLeader" as const, kind: "PREFERRED" as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("setControllerAvailable" as const), available: fc.boolean() }) },
];
const cleanEvents = fc.oneof(...baseEvents);
const anyEvents = fc.oneof(
  ...baseEvents,
  { weight: 1, arbitrary: fc.constant({ type: "electLeader" as const, kind: "UNCLEAN" as const }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("setUncleanLeaderElection" as const), enabled: fc.boolean() }) },
);

function absolute(events: ReplicationEvent[]): ReplicationEvent[] {
  let now = 0;
  return events.map((e) => (e.type === "tick" ? { type: "tick", nowMs: (now += e.nowMs) } : e));
}

function mk(minIsr: number, profile: "kafka-2.x" | "kafka-4.x", fetchEvery: number): ReplicationState {
  const r = createReplicationState({
    replicas: [1, 2, 3],
    minInsyncReplicas: minIsr,
    profile,
    followerFetchIntervalMs: fetchEvery,
    maxFetchRecords: 2,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const setup = fc.tuple(
  fc.integer({ min: 1, max: 3 }),
  fc.constantFrom("kafka-2.x" as const, "kafka-4.x" as const),
  fc.constantFrom(0, 700),
);

// Property runs take seconds on a shared 2-core machine; the default 5 s would make them flaky.
describe("replication properties", { timeout: 30_000 }, () => {
  it("is deterministic for the same events", () => {
    fc.assert(
      fc.property(setup, fc.array(anyEvents, { minLength: 20, maxLength: 60, size: "max" }), ([m, p, f], evs) => {
        expectReplayable(() => mk(m, p, f), absolute(evs), stepReplication);
      }),
      { numRuns: 60 },
    );
  });

  it("fast-forwards quiet stretches exactly: same state as replaying every fetch round and check", () => {
    const longTicks = fc.oneof(
      anyEvents,
      fc.integer({ min: 1, max: 400_000 }).map((d) => ({ type: "tick" as const, nowMs: d })),
    );
    fc.assert(
      fc.property(setup, fc.array(longTicks, { minLength: 10, maxLength: 50, size: "max" }), ([m, p, f], evs) => {
        let fast = mk(m, p, f);
        let slow = fast;
        for (const e of absolute(evs)) {
          fast = stepReplication(fast, e);
          slow = e.type === "tick" ? advanceReplicationClock({ ...slow, lastError: null }, e.nowMs, false) : stepReplication(slow, e);
          expect(fast).toEqual(slow);
        }
      }),
      { numRuns: 50 },
    );
  }, 60_000);

  it("keeps the high watermark ≤ the smallest LEO in the ISR", () => {
    fc.assert(
      fc.property(setup, fc.array(anyEvents, { minLength: 20, maxLength: 80, size: "max" }), ([m, p, f], evs) => {
        let s = mk(m, p, f);
        for (const e of absolute(evs)) {
          s = stepReplication(s, e);
          if (s.leader < 0) continue;
          const minLeo = Math.min(...s.isr.map((id) => s.replicas.find((r) => r.brokerId === id)!.leo));
          expect(highWatermark(s)).toBeLessThanOrEqual(minLeo);
          for (const r of s.replicas) expect(r.hw).toBeLessThanOrEqual(r.leo);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never loses an acknowledged acks=all record without an unclean election", () => {
    fc.assert(
      fc.property(setup, fc.array(cleanEvents, { minLength: 20, maxLength: 100, size: "max" }), ([m, p, f], evs) => {
        let s = mk(m, p, f);
        for (const e of absolute(evs)) {
          s = stepReplication(s, e);
          // With ELR the controller may elect the last known leader, which Kafka flags unclean; nothing else is.
          expect(s.elections.filter((x) => x.unclean && !x.lastKnownLeader)).toEqual([]);
          expect(lostAcknowledgedRecords(s, "all")).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("only loses acknowledged acks=all records after an unclean election", () => {
    fc.assert(
      fc.property(setup, fc.array(anyEvents, { minLength: 20, maxLength: 100, size: "max" }), ([m, p, f], evs) => {
        let s = mk(m, p, f);
        for (const e of absolute(evs)) {
          s = stepReplication(s, e);
          if (lostAcknowledgedRecords(s, "all").length > 0) expect(s.uncleanElections).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("stepReplication robustness", () => {
  it("never throws on malformed events and reports them in lastError", () => {
    const created = createReplicationState({});
    if (!created.ok) throw new Error(created.error.message);
    expectStepNeverThrows(created.value, stepReplication);
  });
});
