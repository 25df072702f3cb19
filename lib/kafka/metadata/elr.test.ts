import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fenceBrokerPartitions, unfenceBrokerPartitions, type ControllerRules } from "./elr";
import type { ClusterSnapshot } from "./types";

const start: ClusterSnapshot = {
  brokers: [1, 2, 3].map((id) => ({ id, host: `b${id}`, port: 9092, alive: true })),
  partitions: [{ topic: "t", partition: 0, leader: 1, leaderEpoch: 0, replicas: [1, 2, 3], isr: [1, 2, 3], elr: [] }],
};

describe("controller partition changes with and without ELR (properties)", () => {
  it("leaders are live ISR members, ELR and ISR never overlap, and ELR exists only below min ISR", () => {
    const step = fc.record({ broker: fc.integer({ min: 1, max: 3 }), alive: fc.boolean(), unclean: fc.boolean() });
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 1, max: 3 }), fc.array(step, { maxLength: 30 }), (elrOn, minIsr, steps) => {
        const rules: ControllerRules = { eligibleLeaderReplicas: elrOn, minInsyncReplicas: minIsr };
        let c = start;
        for (const st of steps) {
          const b = c.brokers.find((x) => x.id === st.broker)!;
          if (b.alive === st.alive) continue;
          c = { ...c, brokers: c.brokers.map((x) => (x.id === st.broker ? { ...x, alive: st.alive } : x)) };
          c = st.alive ? unfenceBrokerPartitions(c, st.broker, rules, st.unclean) : fenceBrokerPartitions(c, st.broker, rules);
          const p = c.partitions[0];
          const alive = new Set(c.brokers.filter((x) => x.alive).map((x) => x.id));
          if (p.leader >= 0) {
            expect(alive.has(p.leader)).toBe(true);
            expect(p.isr).toContain(p.leader);
          }
          const elr = p.elr ?? [];
          expect(elr.filter((r) => p.isr.includes(r))).toEqual([]);
          if (!elrOn) {
            expect(elr).toEqual([]);
            expect(p.isr.length).toBeGreaterThan(0); // without ELR the last member stays
          } else if (elr.length > 0) expect(p.isr.length).toBeLessThan(minIsr);
        }
      }),
      { numRuns: 300 },
    );
  });
});
