import { describe, expect, it } from "vitest";
import { createReplicationState } from "./config";
import { highWatermark, listRequests, lostAcknowledgedRecords, replicaLog } from "./queries";
import { stepReplication } from "./reducer";
import type { ReplicationEvent, ReplicationInit, ReplicationState } from "./types";

function mk(init: ReplicationInit = {}): ReplicationState {
  const r = createReplicationState({ replicas: [1, 2, 3], autoLeaderRebalanceEnable: false, ...init });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const run = (s: ReplicationState, evs: ReplicationEvent[]) => evs.reduce(stepReplication, s);
const fetchAll: ReplicationEvent[] = [
  { type: "followerFetch", brokerId: 2 },
  { type: "followerFetch", brokerId: 3 },
];
const leo = (s: ReplicationState, id: number) => s.replicas.find((r) => r.brokerId === id)!.leo;
const p = (acks: "0" | "1" | "all", value = "v"): ReplicationEvent => ({ type: "produce", acks, key: "k", value });

describe("high watermark and acks", () => {
  it("moves the HW to the minimum LEO over the ISR, one fetch round behind the data", () => {
    let s = run(mk(), [p("1"), p("1"), ...fetchAll]);
    expect([leo(s, 2), leo(s, 3)]).toEqual([2, 2]);
    expect(highWatermark(s)).toBe(0); // the leader learns follower LEOs from the NEXT fetch
    s = run(s, fetchAll);
    expect(highWatermark(s)).toBe(2);
  });

  it("acknowledges acks=all when every CURRENT ISR member has the record (not every assigned replica)", () => {
    let s = run(mk({ followerFetchIntervalMs: 500 }), [p("1"), { type: "tick", nowMs: 1000 }]);
    s = run(s, [{ type: "setFollowerPaused", brokerId: 3, paused: true }, p("1"), { type: "tick", nowMs: 45_000 }]);
    expect(s.isr).toEqual([1, 2]);
    s = run(s, [p("all")]);
    expect(s.lastProduce?.status).toBe("pending");
    s = run(s, [{ type: "tick", nowMs: 46_000 }]);
    expect(listRequests(s)[2].status).toBe("acknowledged");
    expect(leo(s, 3)).toBe(1); // broker 3 does not have it, and did not need to
  });

  it("acks=0 is 'sent' and acks=1 is acknowledged once the leader wrote it", () => {
    const s = run(mk(), [p("0"), p("1")]);
    expect(listRequests(s).map((q) => [q.status, q.offset, q.responseOffset])).toEqual([
      ["sent", 0, -1],
      ["acknowledged", 1, 1],
    ]);
  });

  it("rejects acks=all with NOT_ENOUGH_REPLICAS before appending when |ISR| < min.insync.replicas", () => {
    let s = mk({ minInsyncReplicas: 2 });
    s = run(s, [
      { type: "brokerDown", brokerId: 2 },
      { type: "brokerDown", brokerId: 3 },
    ]);
    expect(s.isr).toEqual([1]);
    s = run(s, [p("all")]);
    expect(s.lastProduce?.error).toBe("NOT_ENOUGH_REPLICAS");
    expect(leo(s, 1)).toBe(0);
    s = run(s, [p("1")]);
    expect(s.lastProduce?.status).toBe("acknowledged"); // min.insync.replicas does not affect acks=1
  });

  it("3.7+: does not advance the HW while |ISR| < min.insync.replicas, even for acks=1 writes", () => {
    let s = mk({ minInsyncReplicas: 2 });
    s = run(s, [{ type: "brokerDown", brokerId: 2 }, { type: "brokerDown", brokerId: 3 }, p("1"), p("1")]);
    expect(highWatermark(s)).toBe(0);
    const legacy = run(mk({ minInsyncReplicas: 2, profile: "kafka-2.x" }), [
      { type: "brokerDown", brokerId: 2 },
      { type: "brokerDown", brokerId: 3 },
      p("1"),
    ]);
    expect(highWatermark(legacy)).toBe(1);
  });

  it("caps min.insync.replicas at the replication factor since 3.7", () => {
    const modern = run(mk({ replicas: [1], minInsyncReplicas: 2 }), [p("all")]);
    expect(modern.lastProduce?.status).toBe("acknowledged");
    const legacy = run(mk({ replicas: [1], minInsyncReplicas: 2, profile: "kafka-2.x" }), [p("all")]);
    expect(legacy.lastProduce?.error).toBe("NOT_ENOUGH_REPLICAS");
  });

  it("answers NOT_ENOUGH_REPLICAS_AFTER_APPEND when the ISR shrank below min.insync after the append (2.x)", () => {
    let s = mk({ minInsyncReplicas: 2, profile: "kafka-2.x", replicas: [1, 2] });
    s = run(s, [{ type: "followerFetch", brokerId: 2 }, { type: "setFollowerPaused", brokerId: 2, paused: true }, p("all")]);
    expect(s.lastProduce?.status).toBe("pending");
    s = run(s, [{ type: "tick", nowMs: 15_000 }]); // 2.x lag = 10 s, checked every 5 s
    expect(s.isr).toEqual([1]);
    expect(listRequests(s)[0].error).toBe("NOT_ENOUGH_REPLICAS_AFTER_APPEND");
    expect(leo(s, 1)).toBe(1); // the record IS in the leader's log
  });

  it("times out an acks=all request after request.timeout.ms", () => {
    let s = run(mk({ minInsyncReplicas: 2, replicas: [1, 2] }), [{ type: "setFollowerPaused", brokerId: 2, paused: true }, p("all")]);
    s = run(s, [
      { type: "setControllerAvailable", available: false },
      { type: "tick", nowMs: 30_000 },
    ]);
    expect(listRequests(s)[0].error).toBe("REQUEST_TIMED_OUT");
  });
});

describe("ISR membership", () => {
  /** Follower 3 stops fetching at t = 1 s while the leader keeps getting writes; follower 2 keeps up. */
  const stalled = (init: ReplicationInit = {}) =>
    run(mk({ followerFetchIntervalMs: 500, ...init }), [
      p("1"),
      { type: "tick", nowMs: 1000 },
      { type: "setFollowerPaused", brokerId: 3, paused: true },
      p("1"),
    ]);

  it("keeps a follower that sits at the leader's LEO in the ISR even when it stops fetching", () => {
    const s = run(mk({ followerFetchIntervalMs: 500 }), [
      p("1"),
      { type: "tick", nowMs: 1000 },
      { type: "setFollowerPaused", brokerId: 3, paused: true },
      { type: "tick", nowMs: 100_000 },
    ]);
    expect(s.isr).toEqual([1, 2, 3]);
  });

  it("shrinks a follower out after replica.lag.time.max.ms, checked every lag/2 (30 s / 15 s in 4.x)", () => {
    let s = run(stalled(), [{ type: "tick", nowMs: 30_000 }]);
    expect(s.isr).toEqual([1, 2, 3]); // at the 30 s check it lagged 29 s
    s = run(s, [{ type: "tick", nowMs: 44_999 }]);
    expect(s.isr).toEqual([1, 2, 3]); // no check between 30 s and 45 s
    s = run(s, [{ type: "tick", nowMs: 45_000 }]);
    expect(s.isr).toEqual([1, 2]);
    expect(s.isrChanges[0].atMs).toBe(45_000);
  });

  it("uses 10 s (checked every 5 s) in the 2.x profile", () => {
    let s = run(stalled({ profile: "kafka-2.x" }), [{ type: "tick", nowMs: 10_000 }]);
    expect(s.isr).toEqual([1, 2, 3]);
    s = run(s, [{ type: "tick", nowMs: 15_000 }]);
    expect(s.isr).toEqual([1, 2]);
  });

  it("lets a follower re-join once its LEO reaches the leader's HW", () => {
    let s = run(stalled(), [
      { type: "tick", nowMs: 45_000 },
      { type: "setFollowerPaused", brokerId: 3, paused: false },
    ]);
    expect(s.isr).toEqual([1, 2]);
    s = run(s, [{ type: "tick", nowMs: 45_500 }]);
    expect(s.isr).toEqual([1, 2]); // fetched at offset 1 < HW 2
    s = run(s, [{ type: "tick", nowMs: 46_000 }]);
    expect(s.isr).toEqual([1, 2, 3]);
  });

  it("replicates on tick when a follower fetch interval is configured", () => {
    const s = run(mk({ followerFetchIntervalMs: 500 }), [p("1"), p("1"), { type: "tick", nowMs: 1000 }]);
    expect(highWatermark(s)).toBe(2);
  });
});

describe("leader election and data loss", () => {
  it("moves leadership to the first ISR replica in assignment order and bumps the leader epoch", () => {
    const s = run(mk({ replicas: [3, 1, 2] }), [{ type: "brokerDown", brokerId: 3 }]);
    expect([s.leader, s.leaderEpoch, s.isr]).toEqual([1, 1, [1, 2]]);
    expect(s.elections[0]).toMatchObject({ previousLeader: 3, leader: 1, unclean: false, kind: "ONLINE" });
  });

  it("without ELR goes leaderless when the last ISR member dies, keeps it in the ISR, and recovers when it returns", () => {
    let s = run(mk({ eligibleLeaderReplicas: false }), [
      { type: "brokerDown", brokerId: 2 },
      { type: "brokerDown", brokerId: 3 },
      { type: "brokerDown", brokerId: 1 },
    ]);
    expect([s.leader, s.isr]).toEqual([-1, [1]]);
    s = run(s, [{ type: "brokerUp", brokerId: 2 }]);
    expect(s.leader).toBe(-1); // unclean election disabled: stay offline
    s = run(s, [p("1")]);
    expect(s.lastProduce?.error).toBe("LEADER_NOT_AVAILABLE");
    s = run(s, [{ type: "brokerUp", brokerId: 1 }]);
    expect([s.leader, s.isr]).toEqual([1, [1]]);
  });

  it("unclean election: elects an out-of-sync replica, reports the lost records, and the old leader truncates", () => {
    let s = run(mk({ minInsyncReplicas: 1 }), [p("1", "a"), ...fetchAll, ...fetchAll]); // offset 0 everywhere
    s = run(s, [{ type: "brokerDown", brokerId: 2 }, { type: "brokerDown", brokerId: 3 }, p("all", "b"), p("all", "c")]);
    expect(lostAcknowledgedRecords(s)).toEqual([]);
    expect(
      listRequests(s)
        .slice(1)
        .map((q) => q.status),
    ).toEqual(["acknowledged", "acknowledged"]);
    s = run(s, [
      { type: "brokerDown", brokerId: 1 },
      { type: "setUncleanLeaderElection", enabled: true },
      { type: "brokerUp", brokerId: 2 },
    ]);
    expect([s.leader, s.isr, s.uncleanElections]).toEqual([2, [2], 1]);
    const election = s.elections[s.elections.length - 1];
    expect(election.unclean).toBe(true);
    expect(election.divergentRecords.map((d) => [d.offset, d.acknowledged, d.replicas])).toEqual([
      [1, true, [1]],
      [2, true, [1]],
    ]);
    expect(lostAcknowledgedRecords(s, "all").map((q) => q.value)).toEqual(["b", "c"]);
    s = run(s, [p("1", "d"), { type: "brokerUp", brokerId: 1 }, { type: "followerFetch", brokerId: 1 }]);
    expect(s.truncations).toEqual([{ atMs: 0, brokerId: 1, fromLeo: 3, toOffset: 1 }]);
    expect(replicaLog(s, 1).map((r) => r.value)).toEqual(["a", "d"]);
  });

  it("a clean election can still lose acks=1 records the new leader never fetched", () => {
    let s = run(mk(), [p("1", "x"), ...fetchAll, ...fetchAll, p("1", "y")]);
    s = run(s, [{ type: "brokerDown", brokerId: 1 }]);
    expect(s.leader).toBe(2);
    expect(lostAcknowledgedRecords(s).map((q) => [q.acks, q.value])).toEqual([["1", "y"]]);
    expect(s.uncleanElections).toBe(0);
  });

  it("fails requests waiting on a leader that lost leadership with NOT_LEADER_OR_FOLLOWER", () => {
    let s = run(mk(), [p("all")]);
    s = run(s, [{ type: "brokerFenced", brokerId: 1 }]);
    expect(listRequests(s)[0].error).toBe("NOT_LEADER_OR_FOLLOWER");
  });

  it("moves leadership back to the preferred replica on request and via auto rebalance", () => {
    let s = run(mk(), [
      { type: "brokerDown", brokerId: 1 },
      { type: "brokerUp", brokerId: 1 },
    ]);
    expect(s.leader).toBe(2);
    s = run(s, [
      { type: "followerFetch", brokerId: 1 },
      { type: "followerFetch", brokerId: 1 },
      { type: "electLeader", kind: "PREFERRED" },
    ]);
    expect(s.leader).toBe(1);
    let auto = run(mk({ autoLeaderRebalanceEnable: true }), [
      { type: "brokerDown", brokerId: 1 },
      { type: "brokerUp", brokerId: 1 },
    ]);
    auto = run(auto, [
      { type: "followerFetch", brokerId: 1 },
      { type: "followerFetch", brokerId: 1 },
      { type: "tick", nowMs: 300_000 },
    ]);
    expect(auto.leader).toBe(1);
  });

  it("KRaft acts on a newly enabled unclean.leader.election.enable at its periodic check; ZooKeeper at once", () => {
    const down: ReplicationEvent[] = [
      { type: "brokerDown", brokerId: 2 },
      { type: "brokerDown", brokerId: 1 },
      { type: "brokerUp", brokerId: 2 },
    ];
    let k = run(mk({ replicas: [1, 2] }), [...down, { type: "setUncleanLeaderElection", enabled: true }]);
    expect(k.leader).toBe(-1);
    k = run(k, [{ type: "tick", nowMs: 300_000 }]);
    expect(k.leader).toBe(2);
    const z = run(mk({ replicas: [1, 2], profile: "kafka-2.x" }), [...down, { type: "setUncleanLeaderElection", enabled: true }]);
    expect(z.leader).toBe(2);
  });
});

describe("long ticks", () => {
  it("skips quiet stretches quickly and refuses a single tick longer than 30 days", () => {
    const DAY = 86_400_000;
    let s = run(mk({ followerFetchIntervalMs: 500 }), [p("all"), { type: "tick", nowMs: 30 * DAY }]);
    expect(s.lastError).toBeNull();
    expect(listRequests(s)[0].status).toBe("acknowledged");
    expect(s.isr).toEqual([1, 2, 3]);
    s = run(s, [{ type: "tick", nowMs: 61 * DAY }]);
    expect(s.lastError?.code).toBe("INVALID_EVENT");
    expect(s.nowMs).toBe(30 * DAY);
  });
});

describe("configuration and events", () => {
  it("rejects RF > brokers, negative partitions and bad min.insync.replicas", () => {
    for (const bad of [
      { brokers: [1, 2], replicationFactor: 3 },
      { partition: -1 },
      { minInsyncReplicas: 0 },
      { replicas: [1, 1] },
    ] as ReplicationInit[]) {
      const r = createReplicationState(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("INVALID_CONFIG");
    }
  });

  it("records UNKNOWN_EVENT for unknown events and INVALID_EVENT for a non-replica broker", () => {
    const s = mk();
    expect(stepReplication(s, { type: "reassign" } as unknown as ReplicationEvent).lastError?.code).toBe("UNKNOWN_EVENT");
    expect(stepReplication(s, { type: "brokerDown", brokerId: 9 }).lastError?.code).toBe("INVALID_EVENT");
    expect(stepReplication(s, { type: "tick", nowMs: -1 }).lastError?.code).toBe("INVALID_EVENT");
  });
});
