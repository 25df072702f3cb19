import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepConsumerProtocol } from "./consumer-protocol-reducer";
import {
  consumerProtocolGroupState,
  createConsumerProtocolState,
  type ConsumerProtocolEvent,
  type ConsumerProtocolState,
} from "./consumer-protocol-types";

function mk(topics: Record<string, number> = { t: 6 }, assignor: "uniform" | "range" = "uniform"): ConsumerProtocolState {
  const r = createConsumerProtocolState({ groupId: "g", topics, assignor });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const run = (s: ConsumerProtocolState, evs: ConsumerProtocolEvent[]) => evs.reduce(stepConsumerProtocol, s);
const m = (s: ConsumerProtocolState, id: string) => s.members.find((x) => x.memberId === id)!;

describe("KIP-848 consumer protocol (server-side assignment, incremental reconciliation)", () => {
  it("a first member gets every partition in its join heartbeat, at member epoch = group epoch 1", () => {
    const s = run(mk(), [{ type: "join", memberId: "c1", topics: ["t"] }]);
    expect(m(s, "c1")).toMatchObject({ memberEpoch: 1, state: "STABLE", assigned: ["t-0", "t-1", "t-2", "t-3", "t-4", "t-5"] });
    expect(consumerProtocolGroupState(s)).toBe("STABLE");
  });

  it("a second member: revoke before assign, each member on its own heartbeats, no global barrier", () => {
    let s = run(mk(), [
      { type: "join", memberId: "c1", topics: ["t"] },
      { type: "join", memberId: "c2", topics: ["t"] },
    ]);
    expect(s.groupEpoch).toBe(2);
    // c2 is at the new epoch but its partitions are still owned by c1 (UNRELEASED); c1 has not heard yet.
    expect(m(s, "c2")).toMatchObject({ memberEpoch: 2, state: "UNRELEASED_PARTITIONS", assigned: [] });
    expect(m(s, "c1")).toMatchObject({ memberEpoch: 1, assigned: expect.arrayContaining(["t-0"]) });
    expect(consumerProtocolGroupState(s)).toBe("RECONCILING");
    s = stepConsumerProtocol(s, { type: "heartbeat", memberId: "c1" });
    const c1 = m(s, "c1");
    expect(c1).toMatchObject({ memberEpoch: 1, state: "UNREVOKED_PARTITIONS" });
    expect(c1.assigned).toHaveLength(3); // keeps consuming these throughout
    expect(c1.pendingRevocation).toHaveLength(3);
    s = stepConsumerProtocol(s, { type: "heartbeat", memberId: "c1", stillRevoking: true });
    expect(m(s, "c1").state).toBe("UNREVOKED_PARTITIONS");
    s = stepConsumerProtocol(s, { type: "heartbeat", memberId: "c1" });
    expect(m(s, "c1")).toMatchObject({ memberEpoch: 2, state: "STABLE", assigned: c1.assigned });
    s = stepConsumerProtocol(s, { type: "heartbeat", memberId: "c2" });
    expect(m(s, "c2")).toMatchObject({ memberEpoch: 2, state: "STABLE", assigned: c1.pendingRevocation });
    expect(consumerProtocolGroupState(s)).toBe("STABLE");
  });

  it("range assigns contiguous ranges per topic to members sorted by id", () => {
    const s = run(mk({ t: 4 }, "range"), [
      { type: "join", memberId: "b", topics: ["t"] },
      { type: "join", memberId: "a", topics: ["t"] },
    ]);
    expect(s.targetAssignment).toEqual({ a: ["t-0", "t-1"], b: ["t-2", "t-3"] });
  });

  it("a member that stops heartbeating is fenced after the session timeout and its partitions move", () => {
    let s = run(mk(), [
      { type: "join", memberId: "c1", topics: ["t"] },
      { type: "join", memberId: "c2", topics: ["t"] },
    ]);
    s = run(s, [
      { type: "heartbeat", memberId: "c1" },
      { type: "heartbeat", memberId: "c1" },
      { type: "heartbeat", memberId: "c2" },
    ]);
    s = run(s, [
      { type: "tick", ms: 40_000 },
      { type: "heartbeat", memberId: "c2" },
      { type: "tick", ms: 6000 },
    ]);
    expect(s.members.map((x) => x.memberId)).toEqual(["c2"]);
    s = stepConsumerProtocol(s, { type: "heartbeat", memberId: "c2" });
    expect(m(s, "c2").assigned).toHaveLength(6);
  });

  it("unknown members get UNKNOWN_MEMBER_ID", () => {
    expect(stepConsumerProtocol(mk(), { type: "heartbeat", memberId: "x" }).lastError).toMatchObject({ kafkaError: "UNKNOWN_MEMBER_ID" });
  });
});

describe("KIP-848 properties", { timeout: 30_000 }, () => {
  const ids = ["a", "b", "c"];
  const ev: fc.Arbitrary<ConsumerProtocolEvent> = fc.oneof(
    fc.record({
      type: fc.constant("join" as const),
      memberId: fc.constantFrom(...ids),
      topics: fc.constantFrom<string[]>(["x"], ["x", "y"], ["y"]),
    }),
    fc.record({ type: fc.constant("heartbeat" as const), memberId: fc.constantFrom(...ids), stillRevoking: fc.boolean() }),
    fc.record({ type: fc.constant("leave" as const), memberId: fc.constantFrom(...ids) }),
    fc.record({ type: fc.constant("tick" as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  );

  it("no partition is ever owned by two members, and heartbeats without revocation delays converge to the target", () => {
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 40 }), (evs) => {
        let s = mk({ x: 5, y: 3 });
        for (const e of evs) {
          s = stepConsumerProtocol(s, e);
          const owned = s.members.flatMap((x) => [...x.assigned, ...x.pendingRevocation]);
          expect(new Set(owned).size).toBe(owned.length);
          for (const x of s.members) expect(x.memberEpoch).toBeLessThanOrEqual(s.groupEpoch);
        }
        for (let round = 0; round < 3; round++)
          for (const x of s.members) s = stepConsumerProtocol(s, { type: "heartbeat", memberId: x.memberId });
        if (s.members.length > 0) expect(consumerProtocolGroupState(s)).toBe("STABLE");
        for (const x of s.members) expect([...x.assigned].sort()).toEqual([...(s.targetAssignment[x.memberId] ?? [])].sort());
      }),
      { numRuns: 200 },
    );
  });
});
