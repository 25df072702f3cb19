import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  createMetadataState,
  stepMetadata,
  type ClusterSnapshot,
  type MetadataConfig,
  type MetadataEvent,
  type MetadataState,
} from "./index";

const cluster: ClusterSnapshot = {
  brokers: [1, 2, 3].map((id) => ({ id, host: `kafka-${id}`, port: 9092, alive: true })),
  partitions: [0, 1, 2].map((p) => ({
    topic: "orders",
    partition: p,
    leader: p + 1,
    leaderEpoch: 0,
    replicas: [p + 1, ((p + 1) % 3) + 1, ((p + 2) % 3) + 1],
    isr: [p + 1, ((p + 1) % 3) + 1, ((p + 2) % 3) + 1],
  })),
};
const make = (c: Partial<MetadataConfig> = {}): MetadataState => {
  const r = createMetadataState({ bootstrapServers: ["kafka-1:9092"], cluster, ...c });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const run = (s: MetadataState, events: MetadataEvent[]) => events.reduce(stepMetadata, s);
const metadataRequests = (s: MetadataState) => s.trace.filter((t) => t.kind === "request" && t.api === "Metadata").length;

describe("client metadata", () => {
  it("learns every broker and leader from one bootstrap server", () => {
    const s = stepMetadata(make(), { type: "bootstrap" });
    expect(s.cache!.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    expect(s.cache!.partitions.map((p) => p.leader)).toEqual([1, 2, 3]);
    expect(s.lastRefreshMs).toBe(0);
  });

  it("tries the next bootstrap server when one is down, and errors when none answers", () => {
    const down = { ...cluster, brokers: cluster.brokers.map((b) => ({ ...b, alive: b.id !== 1 })) };
    const ok = stepMetadata(make({ cluster: down, bootstrapServers: ["kafka-1:9092", "kafka-2:9092"] }), { type: "bootstrap" });
    expect(ok.cache).not.toBeNull();
    const none = stepMetadata(make({ cluster: down, bootstrapServers: ["kafka-1:9092", "wrong-host:9092"] }), { type: "bootstrap" });
    expect(none.cache).toBeNull();
    expect(none.lastError?.message).toMatch(/연결하지 못해/);
  });

  it("refreshes every metadata.max.age.ms (300 s) on the sim clock even without errors", () => {
    let s = stepMetadata(make(), { type: "bootstrap" });
    s = stepMetadata(s, { type: "tick", ms: 299_999 });
    expect(metadataRequests(s)).toBe(1);
    s = stepMetadata(s, { type: "tick", ms: 1 });
    expect(metadataRequests(s)).toBe(2);
    expect(s.lastRefreshMs).toBe(300_000);
  });

  it("retries at the new leader after NOT_LEADER_OR_FOLLOWER and a metadata refresh", () => {
    let s = run(make({ currentLeaderHint: false }), [
      { type: "bootstrap" },
      { type: "moveLeader", topic: "orders", partition: 0, leader: 2 },
    ]);
    s = stepMetadata(s, { type: "produce", topic: "orders", partition: 0 });
    expect(s.lastProduce).toMatchObject({ ok: true, broker: 2, attempts: 2, metadataRequests: 1 });
    expect(s.trace.some((t) => t.kafkaError === "NOT_LEADER_OR_FOLLOWER")).toBe(true);
  });

  it("with KIP-951 retries at the currentLeader from the error response, and still requests a metadata update", () => {
    let s = run(make(), [{ type: "bootstrap" }, { type: "moveLeader", topic: "orders", partition: 0, leader: 3 }]);
    expect(s.config.currentLeaderHint).toBe(true); // 4.x default
    s = stepMetadata(s, { type: "produce", topic: "orders", partition: 0 });
    // Sender.completeBatch: partitionsWithUpdatedLeaderInfo gets the hint, then metadata.requestUpdate(false).
    expect(s.lastProduce).toMatchObject({ ok: true, broker: 3, attempts: 2, metadataRequests: 1, hintedRetries: 1 });
    const update = s.trace.findIndex((t) => t.kind === "update");
    const request = s.trace.findLastIndex((t) => t.kind === "request" && t.api === "Metadata");
    expect(update).toBeGreaterThan(-1);
    expect(request).toBeGreaterThan(update);
    expect(make({ profile: "kafka-2.x" }).config.currentLeaderHint).toBe(false);
  });

  it("gives an offline partition its leader back when the last ISR broker returns (KRaft keeps it in the ISR)", () => {
    const single = { ...cluster, partitions: [{ ...cluster.partitions[0], replicas: [1, 2], isr: [1, 2] }] };
    let s = run(make({ cluster: single, eligibleLeaderReplicas: false }), [
      { type: "setBrokerAlive", brokerId: 2, alive: false },
      { type: "setBrokerAlive", brokerId: 1, alive: false },
    ]);
    expect(s.cluster.partitions[0]).toMatchObject({ leader: -1, isr: [1] });
    s = stepMetadata(s, { type: "setBrokerAlive", brokerId: 1, alive: true });
    expect(s.cluster.partitions[0]).toMatchObject({ leader: 1, isr: [1], leaderEpoch: 2 });
    s = stepMetadata(s, { type: "setBrokerAlive", brokerId: 2, alive: true });
    expect(s.cluster.partitions[0].leader).toBe(1); // broker 2 is not in the ISR: it must catch up first
  });

  it("with ELR (KIP-966) the ISR may empty; a returning ELR member is a clean leader and becomes the ISR", () => {
    // min.insync.replicas=2, RF=3: ISR [1,2,3] → 3 down (ISR [1,2], no ELR) → 2 down (ISR [1] < 2: ELR [2]) → 1 down (ISR [], ELR [1,2]).
    const three = { ...cluster, partitions: [{ ...cluster.partitions[0], leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3] }] };
    let s = run(make({ cluster: three, minInsyncReplicas: 2 }), [
      { type: "setBrokerAlive", brokerId: 3, alive: false },
      { type: "setBrokerAlive", brokerId: 2, alive: false },
    ]);
    expect(s.cluster.partitions[0]).toMatchObject({ leader: 1, isr: [1], elr: [2] });
    s = stepMetadata(s, { type: "setBrokerAlive", brokerId: 1, alive: false });
    expect(s.cluster.partitions[0]).toMatchObject({ leader: -1, isr: [], elr: [1, 2] });
    // Broker 2 comes back first: without ELR only broker 1 (the last ISR member) could lead.
    s = stepMetadata(s, { type: "setBrokerAlive", brokerId: 2, alive: true });
    expect(s.cluster.partitions[0]).toMatchObject({ leader: 2, isr: [2], elr: [1] });
    // Broker 3 left the ISR while it was still ≥ min ISR, so it never joined the ELR.
    expect(s.cluster.partitions[0].elr).not.toContain(3);
  });

  it("with ELR a broker back from an unclean shutdown leaves the ELR and is not elected", () => {
    const two = { ...cluster, partitions: [{ ...cluster.partitions[0], leader: 1, replicas: [1, 2], isr: [1, 2] }] };
    let s = run(make({ cluster: two, minInsyncReplicas: 2 }), [
      { type: "setBrokerAlive", brokerId: 2, alive: false },
      { type: "setBrokerAlive", brokerId: 1, alive: false },
    ]);
    expect(s.cluster.partitions[0]).toMatchObject({ leader: -1, isr: [], elr: [1, 2] });
    s = stepMetadata(s, { type: "setBrokerAlive", brokerId: 2, alive: true, uncleanShutdown: true });
    expect(s.cluster.partitions[0]).toMatchObject({ leader: -1, elr: [1] });
    s = stepMetadata(s, { type: "setBrokerAlive", brokerId: 1, alive: true });
    expect(s.cluster.partitions[0]).toMatchObject({ leader: 1, isr: [1] });
  });

  it("ELR is on in the 4.x profile (clusters created with 4.1+) and off in 2.x", () => {
    expect(make().config.eligibleLeaderReplicas).toBe(true);
    expect(make({ profile: "kafka-2.x" }).config.eligibleLeaderReplicas).toBe(false);
  });

  it("elects the next in-sync replica when the leader's broker dies, and the producer follows", () => {
    let s = run(make(), [{ type: "bootstrap" }, { type: "setBrokerAlive", brokerId: 1, alive: false }]);
    expect(s.cluster.partitions[0]).toMatchObject({ leader: 2, leaderEpoch: 1, isr: [2, 3] });
    s = stepMetadata(s, { type: "produce", topic: "orders", partition: 0 });
    expect(s.lastProduce).toMatchObject({ ok: true, broker: 2 });
    expect(s.trace.some((t) => t.kafkaError === "NETWORK_EXCEPTION")).toBe(true);
  });

  it("fetches metadata before the first send and reports unknown partitions", () => {
    const s = stepMetadata(make(), { type: "produce", topic: "orders", partition: 1 });
    expect(s.lastProduce).toMatchObject({ ok: true, broker: 2 });
    const u = stepMetadata(make(), { type: "produce", topic: "nope", partition: 0 });
    expect(u.lastError?.kafkaError).toBe("UNKNOWN_TOPIC_OR_PARTITION");
  });

  it("rejects bad configs and events with Korean messages", () => {
    expect(createMetadataState({ bootstrapServers: [], cluster }).ok).toBe(false);
    expect(createMetadataState({ bootstrapServers: ["no-port"], cluster }).ok).toBe(false);
    const s = make();
    expect(stepMetadata(s, { type: "warp" } as unknown as MetadataEvent).lastError?.code).toBe("UNKNOWN_EVENT");
    expect(stepMetadata(s, { type: "moveLeader", topic: "orders", partition: 0, leader: 9 }).lastError?.code).toBe("INVALID_EVENT");
    expect(stepMetadata(s, { type: "tick", ms: -1 }).lastError?.code).toBe("INVALID_EVENT");
  });

  it("is deterministic and plain JSON: same seed + same events ⇒ deep-equal state", () => {
    const ev: fc.Arbitrary<MetadataEvent> = fc.oneof(
      fc.constant({ type: "bootstrap" as const }),
      fc.constant({ type: "refresh" as const }),
      fc.record({ type: fc.constant("tick" as const), ms: fc.constantFrom(0, 1000, 300_000) }),
      fc.record({ type: fc.constant("produce" as const), topic: fc.constant("orders"), partition: fc.integer({ min: 0, max: 3 }) }),
      fc.record({
        type: fc.constant("moveLeader" as const),
        topic: fc.constant("orders"),
        partition: fc.integer({ min: 0, max: 2 }),
        leader: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({ type: fc.constant("setBrokerAlive" as const), brokerId: fc.integer({ min: 1, max: 3 }), alive: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.integer(), fc.boolean(), fc.array(ev, { minLength: 5, maxLength: 40, size: "max" }), (seed, hint, events) => {
        const cfg = { seed, currentLeaderHint: hint, bootstrapServers: ["kafka-1:9092", "kafka-2:9092", "kafka-3:9092"] };
        const a = run(make(cfg), events);
        expect(run(make(cfg), events)).toEqual(a);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
        expect(a.trace.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});
