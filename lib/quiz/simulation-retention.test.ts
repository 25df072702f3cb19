import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeSimulation } from "./graders";
import { simQuestion, simSeeds } from "./simulation-fixtures";
import { instantiate, simulationKey, validateInstance } from "./simulation";

const q = simQuestion("retention-log-start");
const seeds = simSeeds;

describe("retention simulation template", () => {
  it("is deterministic and always valid, with the key among the choices (property)", () => {
    expect(instantiate(q, 77)).toEqual(instantiate(q, 77));
    fc.assert(fc.property(seeds, (seed) => {
        expect(validateInstance(instantiate(q, seed))).toEqual([]);
      }), { numRuns: 40 });
  });

  it("the log starts after the leading segments whose newest record is older than retention.ms, as the engine says (property)", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = instantiate(q, seed);
        if (inst.scenario.kind !== "retention") throw new Error("retention scenario expected");
        const { events, init } = inst.scenario;
        const now = events.flatMap((e) => (e.type === "tick" ? [e.nowMs] : []))[0];
        const segments = events.flatMap((e) => (e.type === "append" ? [e.records] : []));
        let start = 0;
        // Kafka's rule: delete from the oldest segment while its largest timestamp is past retention.ms.
        for (const records of segments) {
          if (now - Math.max(...records.map((r) => r.timestamp!)) <= init.retentionMs!) break;
          start += records.length;
        }
        const key = simulationKey(inst);
        expect(key.ok && key.key).toEqual([`o${start}`]);
        for (const c of inst.choices) expect(gradeSimulation(q, { seed, choice: c.id }).score).toBe(c.id === `o${start}` ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });

  it("draws scenarios where some, none or every segment expires", () => {
    const outcomes = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const inst = instantiate(q, seed);
      const key = simulationKey(inst);
      const idx = inst.choices.findIndex((c) => key.ok && c.id === key.key[0]);
      outcomes.add(idx === 0 ? "none" : idx === inst.choices.length - 1 ? "all" : "some");
    }
    expect(outcomes).toEqual(new Set(["none", "some", "all"]));
  });
});
