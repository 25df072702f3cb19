// Test support (not engine code): the shared "step never throws" contract every reducer must meet.
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
