// Test support (not engine code): contracts every reducer must meet: replayable, and never throwing.
import fc from "fast-check";
import { expect } from "vitest";

const EVENT_TYPES = [
  "append",
  "tick",
  "produce",
  "nodeDown",
  "followerFetch",
  "fetch",
  "setHighWatermark",
  "brokerUp",
  "electLeader",
  "roll",
];

/** Junk events: anything at all, or a known event type with arbitrary (often wrong) fields. */
export const malformedEvents = fc.oneof(
  fc.anything(),
  fc.record(
    {
      type: fc.constantFrom(...EVENT_TYPES),
      nowMs: fc.anything(),
      records: fc.anything(),
      brokerId: fc.anything(),
      nodeId: fc.anything(),
      offset: fc.anything(),
      kind: fc.anything(),
    },
    { requiredKeys: ["type"] },
  ),
);

/** Asserts that `step` returns a state (with `lastError` reported) for any malformed event. */
export function expectStepNeverThrows<S extends { lastError: unknown }, E>(initial: S, step: (s: S, e: E) => S, numRuns = 300) {
  fc.assert(
    fc.property(malformedEvents, (e) => {
      const out = step(initial, e as unknown as E);
      expect(out).toBeDefined();
      expect(typeof out.lastError === "object").toBe(true);
    }),
    { numRuns },
  );
}

/**
 * Asserts the replay contract: the same initial state and events give deep-equal, plain-JSON
 * states, and stepping never mutates its input (so any run can be replayed from seed + events).
 */
export function expectReplayable<S, E>(make: () => S, events: E[], step: (s: S, e: E) => S) {
  const a = events.reduce(step, make());
  const b = events.reduce(step, make());
  expect(a).toEqual(b);
  expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  let s = make();
  for (const e of events) {
    const before = JSON.stringify(s);
    const next = step(s, e);
    expect(JSON.stringify(s)).toBe(before);
    s = next;
  }
}
