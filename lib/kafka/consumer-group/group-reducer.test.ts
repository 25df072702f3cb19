import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeLag, createGroupState, idleMembers, stepGroup, type GroupConfig, type GroupEvent, type GroupState } from "./index";

const make = (c: Partial<GroupConfig> = {}): GroupState => {
  const r = createGroupState({ groupId: "g", topics: { t: 3 }, enableAutoCommit: false, ...c });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const run = (s: GroupState, events: GroupEvent[]) => events.reduce(stepGroup, s);
/** Lets time pass until the group stops rebalancing (bounded). */
const settle = (s: GroupState) => {
  s = stepGroup(s, { type: "tick", ms: s.config.initialRebalanceDelayMs });
  for (let i = 0; i < 10 && s.state !== "Stable" && s.state !== "Empty"; i++) s = stepGroup(s, { type: "tick", ms: 0 });
  return s;
};
const owners = (s: GroupState) => Object.fromEntries(s.members.map((m) => [m.memberId, m.assignment]));

describe("group membership and rebalances", () => {
  it("delays the first rebalance of an empty group by group.initial.rebalance.delay.ms", () => {
    let s = stepGroup(make(), { type: "join", memberId: "c1" });
    expect(s.state).toBe("PreparingRebalance");
    s = stepGroup(s, { type: "tick", ms: 2999 });
    expect(s.state).toBe("PreparingRebalance");
    s = stepGroup(s, { type: "tick", ms: 1 });
    expect(s.state).toBe("CompletingRebalance");
    expect(s.generation).toBe(1);
    s = stepGroup(s, { type: "tick", ms: 0 });
    expect(s.state).toBe("Stable");
    expect(owners(s)).toEqual({ c1: ["t-0", "t-1", "t-2"] });
    expect(s.leaderId).toBe("c1");
  });

  it("leaves members beyond the partition count idle", () => {
    const s = settle(
      run(
        make(),
        ["a", "b", "c", "d"].map((id) => ({ type: "join", memberId: id }) as GroupEvent),
      ),
    );
    expect(idleMembers(s)).toEqual(["d"]);
    const all = s.members.flatMap((m) => m.assignment);
    expect(new Set(all).size).toBe(3);
  });

  it("rebalances at once when a member leaves gracefully", () => {
    let s = settle(
      run(make(), [
        { type: "join", memberId: "a" },
        { type: "join", memberId: "b" },
      ]),
    );
    s = stepGroup(s, { type: "leave", memberId: "b" });
    expect(s.state).toBe("PreparingRebalance");
    s = settle(s);
    expect(owners(s)).toEqual({ a: ["t-0", "t-1", "t-2"] });
  });

  it("removes a crashed member after session.timeout.ms (45 s in 4.x, 10 s in 2.x)", () => {
    for (const [profile, timeout] of [
      ["kafka-4.x", 45_000],
      ["kafka-2.x", 10_000],
    ] as const) {
      let s = settle(
        run(make({ profile }), [
          { type: "join", memberId: "a" },
          { type: "join", memberId: "b" },
        ]),
      );
      s = stepGroup(s, { type: "crash", memberId: "b" });
      s = stepGroup(s, { type: "tick", ms: timeout - 1 });
      expect(s.members.map((m) => m.memberId)).toEqual(["a", "b"]);
      s = stepGroup(s, { type: "tick", ms: 1 });
      expect(s.members.map((m) => m.memberId)).toEqual(["a"]);
      expect(s.history.some((h) => h.message.includes("세션 타임아웃"))).toBe(true);
      expect(owners(settle(s))).toEqual({ a: ["t-0", "t-1", "t-2"] });
    }
  });

  it("kicks a member that keeps heartbeating but stops polling for max.poll.interval.ms", () => {
    let s = settle(
      run(make(), [
        { type: "join", memberId: "a" },
        { type: "join", memberId: "b" },
      ]),
    );
    s = stepGroup(s, { type: "stall", memberId: "b" });
    s = stepGroup(s, { type: "tick", ms: 299_999 });
    expect(s.members).toHaveLength(2);
    s = stepGroup(s, { type: "tick", ms: 1 });
    expect(s.members.map((m) => m.memberId)).toEqual(["a"]);
  });

  it("eager protocol: every member gives up all partitions during a rebalance", () => {
    let s = settle(
      run(make({ topics: { t: 4 } }), [
        { type: "join", memberId: "a" },
        { type: "join", memberId: "b" },
      ]),
    );
    s = stepGroup(s, { type: "join", memberId: "c" });
    s = stepGroup(s, { type: "poll", memberId: "a" });
    expect(s.members.find((m) => m.memberId === "a")!.assignment).toEqual([]);
  });

  it("cooperative sticky: only moved partitions are revoked, over two rebalances", () => {
    let s = settle(
      run(make({ topics: { t: 6 }, assignor: "cooperative-sticky" }), [
        { type: "join", memberId: "a" },
        { type: "join", memberId: "b" },
      ]),
    );
    const before = owners(s);
    s = stepGroup(s, { type: "join", memberId: "c" });
    s = stepGroup(s, { type: "tick", ms: 0 }); // join completes
    s = stepGroup(s, { type: "tick", ms: 0 }); // sync: phase 1
    expect(s.state).toBe("PreparingRebalance"); // follow-up round
    const mid = owners(s);
    expect(mid.c).toEqual([]);
    expect(mid.a.length + mid.b.length).toBe(4);
    for (const id of ["a", "b"]) for (const tp of mid[id]) expect(before[id]).toContain(tp);
    s = settle(s);
    expect(owners(s).c).toHaveLength(2);
    expect(owners(s).a.filter((tp) => before.a.includes(tp))).toHaveLength(2);
  });

  it("lets a static member restart within the session timeout without a rebalance", () => {
    let s = settle(
      run(make(), [
        { type: "join", memberId: "a", groupInstanceId: "host-1" },
        { type: "join", memberId: "b" },
      ]),
    );
    const gen = s.generation;
    const parts = s.members[0].assignment;
    s = stepGroup(s, { type: "leave", memberId: "a" });
    expect(s.state).toBe("Stable");
    s = stepGroup(stepGroup(s, { type: "tick", ms: 5000 }), { type: "join", memberId: "a2", groupInstanceId: "host-1" });
    expect(s.state).toBe("Stable");
    expect(s.generation).toBe(gen);
    expect(s.members.find((m) => m.memberId === "a2")!.assignment).toEqual(parts);
  });

  it("triggers a rebalance when a subscribed topic gains partitions", () => {
    let s = settle(run(make(), [{ type: "join", memberId: "a" }]));
    s = settle(stepGroup(s, { type: "addPartitions", topic: "t", count: 5 }));
    expect(owners(s).a).toHaveLength(5);
    expect(stepGroup(s, { type: "addPartitions", topic: "t", count: 2 }).lastError?.kafkaError).toBe("INVALID_PARTITIONS");
  });
});

describe("offsets, commits and lag", () => {
  const ready = (c: Partial<GroupConfig> = {}) => settle(run(make({ topics: { t: 1 }, ...c }), [{ type: "join", memberId: "a" }]));

  it("commits the next offset to read and reports lag = LEO − committed", () => {
    let s = ready({ autoOffsetReset: "earliest" });
    s = stepGroup(s, { type: "produce", topic: "t", partition: 0, count: 10 });
    s = stepGroup(s, { type: "poll", memberId: "a" });
    expect(s.lastPoll!.fetched).toEqual([{ tp: "t-0", from: 0, to: 10 }]);
    s = stepGroup(s, { type: "commit", memberId: "a" });
    expect(s.committed["t-0"]).toBe(10);
    s = stepGroup(s, { type: "produce", topic: "t", partition: 0, count: 5 });
    expect(computeLag(s)[0]).toMatchObject({ committed: 10, logEndOffset: 15, lag: 5, position: 10, owner: "a" });
  });

  it("starts at the log end with auto.offset.reset=latest (default) and at the start with earliest", () => {
    const produced = (c: Partial<GroupConfig>) =>
      run(ready(c), [
        { type: "produce", topic: "t", partition: 0, count: 7 },
        { type: "poll", memberId: "a" },
      ]);
    expect(produced({}).lastPoll!.fetched).toEqual([]);
    expect(produced({}).members[0].positions["t-0"]).toBe(7);
    expect(produced({ autoOffsetReset: "earliest" }).lastPoll!.fetched).toEqual([{ tp: "t-0", from: 0, to: 7 }]);
  });

  it("fails with auto.offset.reset=none when there is no committed offset", () => {
    const s = stepGroup(ready({ autoOffsetReset: "none" }), { type: "poll", memberId: "a" });
    expect(s.lastError?.kafkaError).toBe("NoOffsetForPartitionException");
  });

  it("resets with OFFSET_OUT_OF_RANGE when the committed offset fell below the log start", () => {
    const base = (reset: "earliest" | "none") => {
      let s = ready({ autoOffsetReset: "earliest" });
      s = run(s, [
        { type: "produce", topic: "t", partition: 0, count: 10 },
        { type: "poll", memberId: "a", maxRecords: 3 },
        { type: "commit", memberId: "a" },
      ]);
      s = run(s, [
        { type: "leave", memberId: "a" },
        { type: "deleteRecords", topic: "t", partition: 0, offset: 8 },
      ]);
      s = { ...s, config: { ...s.config, autoOffsetReset: reset } };
      return settle(stepGroup(s, { type: "join", memberId: "b" }));
    };
    const s = stepGroup(base("earliest"), { type: "poll", memberId: "b" });
    expect(s.lastPoll!.fetched).toEqual([{ tp: "t-0", from: 8, to: 10 }]);
    expect(s.history.some((h) => h.kind === "offset-reset" && h.message.includes("OFFSET_OUT_OF_RANGE"))).toBe(true);
    expect(stepGroup(base("none"), { type: "poll", memberId: "b" }).lastError?.kafkaError).toBe("OFFSET_OUT_OF_RANGE");
  });

  it("auto-commits the previous poll's positions once auto.commit.interval.ms has passed", () => {
    let s = ready({ enableAutoCommit: true, autoOffsetReset: "earliest" });
    s = run(s, [
      { type: "produce", topic: "t", partition: 0, count: 4 },
      { type: "poll", memberId: "a" },
    ]);
    expect(s.committed["t-0"]).toBeUndefined();
    s = run(s, [
      { type: "tick", ms: 5000 },
      { type: "produce", topic: "t", partition: 0, count: 2 },
      { type: "poll", memberId: "a" },
    ]);
    expect(s.committed["t-0"]).toBe(4); // what the previous poll returned, not the 2 just fetched
  });

  it("rejects commits while the group is CompletingRebalance", () => {
    let s = ready();
    s = run(s, [
      { type: "join", memberId: "b" },
      { type: "tick", ms: 0 },
    ]);
    expect(s.state).toBe("CompletingRebalance");
    expect(stepGroup(s, { type: "commit", memberId: "a", offsets: { "t-0": 0 } }).lastError?.kafkaError).toBe("REBALANCE_IN_PROGRESS");
  });

  it("expires the offsets of a group that stays empty for offsets.retention.minutes", () => {
    let s = run(ready({ autoOffsetReset: "earliest" }), [
      { type: "commit", memberId: "a", offsets: { "t-0": 0 } },
      { type: "leave", memberId: "a" },
    ]);
    s = settle(s);
    expect(s.state).toBe("Empty");
    s = stepGroup(s, { type: "tick", ms: 7 * 24 * 3600 * 1000 });
    expect(s.state).toBe("Dead");
    expect(s.committed).toEqual({});
  });
});

describe("group reducer hygiene", () => {
  it("reports unknown members, unknown events and bad configs in Korean", () => {
    const s = make();
    expect(stepGroup(s, { type: "poll", memberId: "ghost" }).lastError?.kafkaError).toBe("UNKNOWN_MEMBER_ID");
    expect(stepGroup(s, { type: "nope" } as unknown as GroupEvent).lastError?.code).toBe("UNKNOWN_EVENT");
    expect(stepGroup(s, null as unknown as GroupEvent).lastError?.code).toBe("UNKNOWN_EVENT");
    expect(stepGroup(s, { type: "join", memberId: "x", topics: ["missing"] }).lastError?.kafkaError).toBe("UNKNOWN_TOPIC_OR_PARTITION");
    expect(createGroupState({ groupId: "g", topics: { t: -1 } }).ok).toBe(false);
    expect(make({ groupId: "my-group" }).coordinatorPartition).toBe(12);
  });

  const memberId = fc.constantFrom("a", "b", "c", "d");
  const eventArb: fc.Arbitrary<GroupEvent> = fc.oneof(
    fc.record({ type: fc.constant("join" as const), memberId }),
    fc.record({ type: fc.constant("leave" as const), memberId }),
    fc.record({ type: fc.constant("crash" as const), memberId }),
    fc.record({ type: fc.constant("stall" as const), memberId }),
    fc.record({ type: fc.constant("resume" as const), memberId }),
    fc.record({ type: fc.constant("poll" as const), memberId, maxRecords: fc.integer({ min: 1, max: 20 }) }),
    fc.record({ type: fc.constant("commit" as const), memberId }),
    fc.record({ type: fc.constant("tick" as const), ms: fc.constantFrom(0, 1000, 3000, 10_000, 50_000, 400_000) }),
    fc.record({
      type: fc.constant("produce" as const),
      topic: fc.constant("t"),
      partition: fc.integer({ min: 0, max: 3 }),
      count: fc.integer({ min: 0, max: 9 }),
    }),
  );

  it("is deterministic, plain JSON, never double-assigns a partition and keeps commits monotonic", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("range" as const, "roundrobin" as const, "sticky" as const, "cooperative-sticky" as const),
        fc.boolean(),
        fc.array(eventArb, { minLength: 20, maxLength: 80, size: "max" }),
        (assignor, autoCommit, events) => {
          const init = make({ topics: { t: 4 }, assignor, enableAutoCommit: autoCommit, autoOffsetReset: "earliest" });
          let s = init;
          for (const e of events) {
            const next = stepGroup(s, e);
            const owned = next.members.flatMap((m) => m.assignment);
            expect(new Set(owned).size).toBe(owned.length);
            for (const [tp, o] of Object.entries(s.committed)) expect(next.committed[tp]).toBeGreaterThanOrEqual(o);
            s = next;
          }
          expect(run(init, events)).toEqual(s);
          expect(JSON.parse(JSON.stringify(s))).toEqual(s);
        },
      ),
      { numRuns: 150 },
    );
  });
});
