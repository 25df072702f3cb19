import fc from "fast-check";
import { expectReplayable, expectStepNeverThrows } from "../__testing__/reducer-contracts";
import { describe, expect, it } from "vitest";
import { highWatermark, lostAcknowledgedRecords } from "../replication/queries";
import { createClusterState } from "./config";
import { describePartitions, leaderCounts, partitionOf } from "./queries";
import { stepCluster } from "./reducer";
import type { ClusterEvent, ClusterInit, ClusterState } from "./types";

function mk(init: ClusterInit = {}): ClusterState {
  const r = createClusterState(init);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const run = (s: ClusterState, evs: ClusterEvent[]) => evs.reduce(stepCluster, s);
const leaders = (s: ClusterState) => describePartitions(s).map((p) => p.leader);
const tick = (nowMs: number): ClusterEvent => ({ type: "tick", nowMs });
/** A broker that is not the active controller (so its crash does not also cost the controller). */
const nonController = (s: ClusterState, among = [1, 2, 3]) => among.find((b) => b !== s.controller.activeId)!;

describe("KRaft cluster", () => {
  it("starts with an elected controller and each partition led by its preferred replica", () => {
    const s = mk({ seed: 1 });
    expect(s.config.metadataMode).toBe("kraft");
    expect([1, 2, 3]).toContain(s.controller.activeId);
    expect(s.controller.epoch).toBe(1);
    expect(describePartitions(s).map((p) => [p.leader, p.replicas])).toEqual([
      [1, [1, 2, 3]],
      [2, [2, 3, 1]],
      [3, [3, 1, 2]],
    ]);
  });

  it("fences a crashed broker after broker.session.timeout.ms (9 s) and only then moves its leaders", () => {
    let s = mk({ seed: 3 });
    const b = nonController(s);
    const idx = b - 1; // orders-(b-1) is led by broker b
    s = run(s, [tick(1000), { type: "nodeDown", nodeId: b }, tick(9999)]);
    expect(leaders(s)[idx]).toBe(b); // the controller has not noticed yet (crash at 1 s + 9 s)
    s = run(s, [tick(10_000)]);
    expect(leaders(s)[idx]).not.toBe(b);
    expect(s.nodes.find((n) => n.id === b)?.fenced).toBe(true);
    for (const p of s.partitions) expect(p.isr).not.toContain(b);
    expect(s.log.some((l) => l.message.includes(`브로커 ${b} 펜싱`))).toBe(true);
  });

  it("moves leaders at once on a controlled shutdown", () => {
    let s = mk({ seed: 3 });
    const b = nonController(s);
    s = run(s, [tick(1000), { type: "nodeDown", nodeId: b, graceful: true }]);
    expect(leaders(s)).not.toContain(b);
    expect(leaderCounts(s)[b]).toBe(0);
  });

  it("cannot fence anyone without a quorum, and catches up once a voter returns", () => {
    let s = mk({ brokers: [1, 2, 3, 4], controllers: [100, 101, 102], seed: 5 });
    s = run(s, [tick(1000), { type: "nodeDown", nodeId: 100 }, { type: "nodeDown", nodeId: 101 }, { type: "nodeDown", nodeId: 102 }]);
    expect(s.controller.activeId).toBe(-1);
    s = run(s, [{ type: "nodeUp", nodeId: 100 }, tick(5000)]);
    expect(s.controller.activeId).toBe(-1); // 1 of 3 voters is not a majority
    s = run(s, [{ type: "nodeDown", nodeId: 2 }, tick(60_000)]);
    expect(leaders(s)).toContain(2); // nobody to fence broker 2
    s = run(s, [{ type: "nodeUp", nodeId: 101 }, tick(61_000)]);
    expect([100, 101]).toContain(s.controller.activeId);
    expect(leaders(s)).toContain(2);
    s = run(s, [tick(70_001)]); // new controller's fresh 9 s session deadline
    expect(leaders(s)).not.toContain(2);
  });

  it("re-elects a controller after the quorum leader dies (fetch timeout + random election timeout)", () => {
    let s = mk({ brokers: [1, 2, 3], controllers: [100, 101, 102], seed: 9 });
    const old = s.controller.activeId;
    s = run(s, [{ type: "nodeDown", nodeId: old }]);
    expect(s.controller.activeId).toBe(-1);
    expect(s.controller.electionAtMs).toBeGreaterThanOrEqual(2000);
    expect(s.controller.electionAtMs).toBeLessThan(3000);
    s = run(s, [tick(3000)]);
    expect(s.controller.activeId).not.toBe(-1);
    expect(s.controller.activeId).not.toBe(old);
    expect(s.controller.epoch).toBe(2);
  });

  it("re-registers a restarted broker, which catches up and re-joins the ISR", () => {
    let s = mk({ seed: 3 });
    const b = nonController(s);
    s = run(s, [
      { type: "produce", topic: "orders", partition: 0, acks: "1", value: "x" },
      tick(1000),
      { type: "nodeDown", nodeId: b },
      tick(10_000),
    ]);
    s = run(s, [{ type: "produce", topic: "orders", partition: 0, acks: "1", value: "y" }, { type: "nodeUp", nodeId: b }, tick(12_000)]);
    const node = s.nodes.find((n) => n.id === b)!;
    expect([node.fenced, node.registered]).toEqual([false, true]);
    for (const p of s.partitions) expect(p.isr).toContain(b);
    expect(highWatermark(partitionOf(s, "orders", 0)!)).toBe(2);
  });
});

describe("ZooKeeper-era cluster", () => {
  it("makes the first broker to register /controller the controller", () => {
    const s = mk({ profile: "kafka-2.x", brokers: [7, 8, 9] });
    expect(s.config.metadataMode).toBe("zookeeper");
    expect(s.controller.activeId).toBe(7);
  });

  it("replaces a crashed controller when its ZooKeeper session expires, then moves its leaders", () => {
    let s = mk({ profile: "kafka-2.x", seed: 2 });
    expect(s.controller.activeId).toBe(1);
    s = run(s, [tick(1000), { type: "nodeDown", nodeId: 1 }, tick(6999)]);
    expect(s.controller.activeId).toBe(1); // the znode lives until the session times out
    expect(leaders(s)[0]).toBe(1);
    s = run(s, [tick(7000)]);
    expect([2, 3]).toContain(s.controller.activeId);
    expect(s.controller.epoch).toBe(2);
    expect(leaders(s)[0]).toBe(2);
  });

  it("defers a controlled shutdown's leader moves while the crashed controller still holds /controller", () => {
    let s = mk({ profile: "kafka-2.x", brokers: [1, 2, 3, 4], seed: 0 });
    s = run(s, [tick(1), { type: "nodeDown", nodeId: 1 }, tick(2), { type: "nodeDown", nodeId: 3, graceful: true }]);
    expect(leaders(s)).toContain(3); // nobody processed the controlled shutdown
    s = run(s, [tick(10_000)]);
    expect(s.controller.activeId).not.toBe(1);
    expect(leaders(s)).not.toContain(3);
    expect(leaders(s)).not.toContain(1);
  });

  it("moves a crashed broker's leaders at session expiry and at once on controlled shutdown", () => {
    let s = mk({ profile: "kafka-2.x" });
    s = run(s, [tick(1000), { type: "nodeDown", nodeId: 3 }, tick(6999)]);
    expect(leaders(s)[2]).toBe(3);
    s = run(s, [tick(7000)]);
    expect(leaders(s)[2]).toBe(1);
    const g = run(mk({ profile: "kafka-2.x" }), [tick(1000), { type: "nodeDown", nodeId: 2, graceful: true }]);
    expect(leaders(g)).not.toContain(2);
  });
});

describe("cluster configuration and events", () => {
  it("rejects RF > brokers, negative partition counts, and KRaft without controllers", () => {
    const bad: ClusterInit[] = [
      { brokers: [1, 2], topics: [{ name: "t", partitions: 1, replicationFactor: 3 }] },
      { topics: [{ name: "t", partitions: -1, replicationFactor: 1 }] },
      { controllers: [] },
    ];
    for (const b of bad) {
      const r = createClusterState(b);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(/[가-힣]/.test(r.error.message)).toBe(true);
    }
    const rf = createClusterState(bad[0]);
    expect(!rf.ok && rf.error.kafkaError).toBe("INVALID_REPLICATION_FACTOR");
  });

  it("records UNKNOWN_EVENT and INVALID_EVENT without changing anything else", () => {
    const s = mk();
    const u = stepCluster(s, { type: "reboot" } as unknown as ClusterEvent);
    expect(u.lastError?.code).toBe("UNKNOWN_EVENT");
    expect({ ...u, lastError: null }).toEqual(s);
    expect(stepCluster(s, { type: "nodeDown", nodeId: 42 }).lastError?.code).toBe("INVALID_EVENT");
    expect(stepCluster(s, { type: "produce", topic: "nope", partition: 0 }).lastError?.code).toBe("INVALID_EVENT");
  });
});

const node = fc.constantFrom(1, 2, 3, 4, 100, 101, 102);
const evArb: fc.Arbitrary<ClusterEvent> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ type: fc.constant("nodeDown" as const), nodeId: node, graceful: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("nodeUp" as const), nodeId: node }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 8000 }).map((d) => ({ type: "tick" as const, nowMs: d })) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant("produce" as const),
      topic: fc.constant("orders"),
      partition: fc.integer({ min: 0, max: 2 }),
      acks: fc.constantFrom("1" as const, "all" as const),
      value: fc.constant("v"),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: "electPreferredLeaders" as const }) },
);

function absolute(events: ClusterEvent[]): ClusterEvent[] {
  let now = 0;
  return events.map((e) => (e.type === "tick" ? { type: "tick", nowMs: (now += e.nowMs) } : e));
}

describe("cluster properties", { timeout: 30_000 }, () => {
  const init = (seed: number, zk: boolean): ClusterInit =>
    zk ? { seed, profile: "kafka-2.x", brokers: [1, 2, 3, 4] } : { seed, brokers: [1, 2, 3, 4], controllers: [100, 101, 102] };

  it("is deterministic for the same seed and events", () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), fc.array(evArb, { minLength: 10, maxLength: 40, size: "max" }), (seed, zk, evs) => {
        expectReplayable(() => mk(init(seed, zk)), absolute(evs), stepCluster);
      }),
      { numRuns: 40 },
    );
  });

  it("with an active controller, eventually leads nothing from a stopped broker and never loses acks=all data", () => {
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), fc.array(evArb, { minLength: 10, maxLength: 40, size: "max" }), (seed, zk, evs) => {
        let s = absolute(evs).reduce(stepCluster, mk(init(seed, zk)));
        s = stepCluster(s, tick(s.nowMs + 60_000));
        for (const p of s.partitions) {
          expect(lostAcknowledgedRecords(p, "all")).toEqual([]);
          if (p.leader >= 0) {
            const minLeo = Math.min(...p.isr.map((id) => p.replicas.find((r) => r.brokerId === id)!.leo));
            expect(highWatermark(p)).toBeLessThanOrEqual(minLeo);
          }
        }
        if (s.controller.activeId >= 0) {
          const stopped = new Set(s.nodes.filter((n) => !n.running).map((n) => n.id));
          for (const p of s.partitions) expect(stopped.has(p.leader)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("stepCluster robustness", () => {
  it("never throws on malformed events and reports them in lastError", () => {
    const created = createClusterState({});
    if (!created.ok) throw new Error(created.error.message);
    expectStepNeverThrows(created.value, stepCluster);
  });
});

describe("KRaft cluster with eligible leader replicas (KIP-966, 4.x)", () => {
  const elrCluster = () =>
    mk({
      seed: 1,
      brokers: [1, 2, 3],
      controllers: [100],
      topics: [{ name: "orders", partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }],
    });
  const p0 = (s: ClusterState) => partitionOf(s, "orders", 0)!;

  it("a crashed broker leaves the ELR when it registers again; a cleanly stopped one is elected from it", () => {
    let s = run(elrCluster(), [{ type: "produce", topic: "orders", partition: 0, acks: "all", value: "a" }, tick(1000)]);
    s = run(s, [{ type: "nodeDown", nodeId: 3 }, tick(11_000)]); // fenced after broker.session.timeout.ms
    expect([p0(s).isr, p0(s).elr]).toEqual([[1, 2], []]);
    s = run(s, [{ type: "nodeDown", nodeId: 2 }, tick(21_000)]);
    expect([p0(s).leader, p0(s).isr, p0(s).elr]).toEqual([1, [1], [2]]);
    s = run(s, [{ type: "nodeDown", nodeId: 1, graceful: true }]); // controlled shutdown
    expect([p0(s).leader, p0(s).isr, p0(s).elr]).toEqual([-1, [], [1, 2]]);
    s = run(s, [{ type: "nodeUp", nodeId: 2 }]); // back from a crash: unclean shutdown
    expect([p0(s).leader, p0(s).isr, p0(s).elr]).toEqual([-1, [], [1]]);
    s = run(s, [{ type: "nodeUp", nodeId: 1 }]);
    expect([p0(s).leader, p0(s).isr, p0(s).elr]).toEqual([1, [1], []]);
    expect(p0(s).elections.at(-1)).toMatchObject({ leader: 1, fromElr: true, unclean: false });
    expect(lostAcknowledgedRecords(p0(s), "all")).toEqual([]);
  });

  it("is off in the ZooKeeper era (2.x): the last ISR member stays in the ISR", () => {
    let s = mk({ seed: 1, profile: "kafka-2.x", topics: [{ name: "orders", partitions: 1, replicationFactor: 3, minInsyncReplicas: 2 }] });
    expect(p0(s).config.eligibleLeaderReplicas).toBe(false);
    s = run(s, [
      { type: "nodeDown", nodeId: 3, graceful: true },
      { type: "nodeDown", nodeId: 2, graceful: true },
    ]);
    expect([p0(s).isr, p0(s).elr]).toEqual([[1], []]);
  });
});
