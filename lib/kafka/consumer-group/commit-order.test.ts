import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commitLaneOutcome, createCommitOrderState, stepCommitOrder, type CommitOrderEvent, type CommitOrderState } from "./commit-order";
import { commitOrderOutcome } from "../views/commit-order";

function mk(): CommitOrderState {
  const r = createCommitOrderState({ records: 9, maxPollRecords: 3 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const run = (s: CommitOrderState, evs: CommitOrderEvent[]) => evs.reduce(stepCommitOrder, s);
const outcomes = (s: CommitOrderState) => s.lanes.map(commitLaneOutcome);

describe("committing before vs after processing", () => {
  it("a crash after processing 1 of 3 polled records: commit-before loses the other 2, commit-after processes 1 again", () => {
    let s = run(mk(), [{ type: "poll" }, { type: "process" }]);
    expect(s.lanes.map((l) => l.committed)).toEqual([3, null]); // commitSync right after poll() vs not yet
    s = run(s, [{ type: "crash" }]);
    const [before, after] = outcomes(s);
    expect(before).toMatchObject({ frontier: 3, lost: [1, 2], duplicated: [], redelivered: [] });
    expect(after).toMatchObject({ frontier: 0, lost: [], duplicated: [], redelivered: [0] });
    s = run(s, [{ type: "restart" }]);
    expect(s.lanes.map((l) => l.position)).toEqual([3, 0]);
    expect(commitOrderOutcome(s)).toBe("before-loses");
    // Run both consumers to the end of the log.
    for (let i = 0; i < 40; i++) s = stepCommitOrder(s, { type: "step" });
    const [b, a] = outcomes(s);
    expect(b).toMatchObject({ lost: [1, 2], duplicated: [] });
    expect(a).toMatchObject({ lost: [], duplicated: [0], redelivered: [] });
    expect(s.lanes[1].processed).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(s.lanes.map((l) => l.committed)).toEqual([9, 9]);
  });

  it("without a crash both consumers process every record exactly once", () => {
    let s = mk();
    for (let i = 0; i < 40; i++) s = stepCommitOrder(s, { type: "step" });
    expect(s.lanes.map((l) => l.processed)).toEqual([Array(9).fill(1), Array(9).fill(1)]);
  });

  it("a restart with nothing committed starts at auto.offset.reset=earliest (offset 0)", () => {
    const s = run(mk(), [{ type: "poll" }, { type: "crash" }, { type: "restart" }]);
    expect(s.lanes.map((l) => [l.committed, l.position])).toEqual([
      [3, 3],
      [null, 0],
    ]);
    expect(s.trace.join(" ")).toContain("auto.offset.reset=earliest");
  });

  it("rejects a bad append in Korean and leaves the state alone", () => {
    const s = run(mk(), [{ type: "append", count: -1 }]);
    expect(s.lastError?.code).toBe("INVALID_EVENT");
    expect(s.logEndOffset).toBe(9);
  });
});

const event = fc.oneof(
  { weight: 4, arbitrary: fc.constant<CommitOrderEvent>({ type: "step" }) },
  { weight: 2, arbitrary: fc.constant<CommitOrderEvent>({ type: "poll" }) },
  { weight: 2, arbitrary: fc.constant<CommitOrderEvent>({ type: "process" }) },
  { weight: 1, arbitrary: fc.constant<CommitOrderEvent>({ type: "crash" }) },
  { weight: 1, arbitrary: fc.constant<CommitOrderEvent>({ type: "restart" }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }).map((count): CommitOrderEvent => ({ type: "append", count })) },
);

describe("delivery guarantees (properties)", () => {
  it("commit-before never processes a record twice; commit-after never loses one", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 80 }), (evs) => {
        let s = mk();
        for (const e of evs) {
          s = stepCommitOrder(s, e);
          const [before, after] = outcomes(s);
          expect(before.duplicated).toEqual([]);
          expect(before.redelivered).toEqual([]);
          expect(after.lost).toEqual([]);
          for (const l of s.lanes) {
            expect(l.committed === null || (l.committed >= 0 && l.committed <= s.logEndOffset)).toBe(true);
            expect(l.processed).toHaveLength(s.logEndOffset);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
