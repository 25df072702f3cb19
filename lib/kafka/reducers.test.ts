import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stepGroup } from "./consumer-group/group-reducer";
import type { GroupEvent, GroupState } from "./consumer-group/group-types";
import { stepPartitioner } from "./partitioner/reducer";
import type { PartitionerEvent, PartitionerState } from "./partitioner/state";
import { REDUCERS, type AnyReducer } from "./reducers";

type Ev = { type: string } & Record<string, unknown>;

/** Small values a field could plausibly hold, and junk of every other type. */
const fieldValue = fc.oneof(
  fc.integer({ min: -2, max: 6 }),
  fc.integer({ min: 0, max: 500_000 }),
  fc.constantFrom("c1", "c2", "orders", "k1", "", "all", "PREFERRED", "earliest"),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }),
  fc.anything(),
);

/**
 * Events for one reducer: valid examples, examples with one field replaced (wrong types included),
 * a known type with arbitrary fields, and anything at all.
 */
function eventsFor(r: AnyReducer): fc.Arbitrary<unknown> {
  const examples = r.examples as readonly Ev[];
  const mutated = fc.tuple(fc.constantFrom(...examples), fc.string({ maxLength: 12 }), fieldValue).map(([ex, extraKey, v]) => {
    const keys = Object.keys(ex).filter((k) => k !== "type");
    const key = keys.length > 0 ? keys[extraKey.length % keys.length] : extraKey;
    return { ...ex, [key]: v };
  });
  const arbitraryFields = fc
    .tuple(fc.constantFrom(...r.eventTypes), fc.dictionary(fc.constantFrom(...fieldNames(examples)), fieldValue, { maxKeys: 4 }))
    .map(([type, fields]) => ({ ...fields, type }));
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...examples) },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: arbitraryFields },
    { weight: 1, arbitrary: fc.anything() },
  );
}

function fieldNames(examples: readonly Ev[]): string[] {
  const names = new Set<string>(["nowMs", "ms"]);
  for (const e of examples) for (const k of Object.keys(e)) if (k !== "type") names.add(k);
  return [...names];
}

const reducers = Object.values(REDUCERS) as AnyReducer[];

function initial(r: AnyReducer, seed: number) {
  const made = r.create(r.defaultConfig, seed);
  if (!made.ok) throw new Error(`${r.name}: ${made.error.message}`);
  return made.value;
}

/** True for a value that survives JSON unchanged (no undefined-in-array, NaN, ±Infinity, −0, class instances). */
function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === "string" || typeof v === "boolean") return true;
  if (typeof v === "number") return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(isPlainJson);
  if (typeof v === "object") {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false;
    return Object.values(v as object).every((x) => x === undefined || isPlainJson(x));
  }
  return false;
}

describe.each(reducers.map((r) => [r.name, r] as const))("reducer contract: %s", { timeout: 30_000 }, (_name, r) => {
  it("has one valid example per event type, each accepted without error", () => {
    expect(new Set(r.examples.map((e) => e.type))).toEqual(new Set(r.eventTypes));
    // Run the examples in order: each must be a type the reducer knows (never UNKNOWN_EVENT).
    let s = initial(r, 1);
    for (const e of r.examples) {
      s = r.step(s, e);
      expect(s.lastError?.code, `${e.type}: ${s.lastError?.message}`).not.toBe("UNKNOWN_EVENT");
    }
  });

  it("is pure, deterministic, plain JSON, never mutates and never throws, for any events", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(eventsFor(r), { maxLength: 25 }), (seed, events) => {
        let a = initial(r, seed);
        let b = initial(r, seed);
        expect(a).toEqual(b);
        for (const e of events) {
          const before = JSON.stringify(a);
          const next = r.step(a, e as Ev);
          expect(JSON.stringify(a)).toBe(before); // input not mutated
          expect(next).toBeDefined();
          expect(next.lastError === null || typeof next.lastError.message === "string").toBe(true);
          if (next.lastError && next.lastError.code !== "KAFKA_ERROR") expect(next.lastError.message).toMatch(/[가-힣]/);
          a = next;
          b = r.step(b, e as Ev);
        }
        expect(a).toEqual(b); // same seed + events ⇒ same state
        expect(isPlainJson(a)).toBe(true);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      }),
      { numRuns: 150 },
    );
  });

  it("gives a typed Korean error, not a throw, for malformed fields of every event type", () => {
    const s = initial(r, 7);
    for (const type of r.eventTypes) {
      for (const junk of [5, "x", null, [1, "a"], { nested: true }, -1, 1e300]) {
        const example = r.examples.find((e) => e.type === type) as Ev;
        for (const key of Object.keys(example).filter((k) => k !== "type")) {
          const out = r.step(s, { ...example, [key]: junk });
          expect(out).toBeDefined();
          if (out.lastError) expect(out.lastError.message).toMatch(/[가-힣]/);
        }
      }
    }
  });
});

describe("known malformed events", () => {
  it("partitioner drain with a number instead of a partition list is an INVALID_EVENT", () => {
    const s = initial(REDUCERS.partitioner as AnyReducer, 0) as PartitionerState;
    const out = stepPartitioner(s, { type: "drain", partitions: 5 } as unknown as PartitionerEvent);
    expect(out.lastError).toMatchObject({ code: "INVALID_EVENT", message: expect.stringMatching(/drain/) });
  });

  it("a group join with a number instead of a topic list is an INVALID_EVENT", () => {
    const s = initial(REDUCERS["consumer-group"] as AnyReducer, 0) as GroupState;
    const out = stepGroup(s, { type: "join", memberId: "a", topics: 5 } as unknown as GroupEvent);
    expect(out.lastError).toMatchObject({ code: "INVALID_EVENT", message: expect.stringMatching(/topics/) });
  });
});
