import { describe, expect, it } from "vitest";
import fc from "fast-check";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { createPartitionerState, stepPartitioner, type PartitionerConfig, type PartitionerEvent, type PartitionerState } from "./index";
import { murmur2, toPositive } from "./murmur2";
import { recordSizeInBytes } from "../record/encode";
import { RECORD_BATCH_OVERHEAD } from "../record/types";

const make = (c: PartitionerConfig): PartitionerState => {
  const r = createPartitionerState(c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const run = (s: PartitionerState, events: PartitionerEvent[]) => events.reduce(stepPartitioner, s);
const sendNull = (extra: Partial<Extract<PartitionerEvent, { type: "send" }>> = {}): PartitionerEvent => ({
  type: "send",
  value: "v",
  ...extra,
});

/** Sends `count` null-key records and returns the partition of each. */
function picks(s: PartitionerState, count: number, ev: PartitionerEvent = sendNull()) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    s = stepPartitioner(s, ev);
    out.push(s.last!.partition);
  }
  return { state: s, partitions: out };
}

describe("uniform sticky partitioner (≥3.3, BuiltInPartitionerTest rules)", () => {
  it("sends an empty-string key to a hashed partition, not the sticky one", () => {
    const s = stepPartitioner(make({ numPartitions: 7 }), { type: "send", key: "", value: "v" });
    expect(s.last).toMatchObject({ reason: "key-hash", partition: toPositive(275646681) % 7, murmur2: 275646681 });
    expect(s.sticky).toBeNull();
  });

  it("stays on one partition for batch.size bytes, then switches (stickyBatchSize=3 rule)", () => {
    // Every record is its own batch (drained at once), so appendedBytes is the batch size: 3 records fill "batch.size".
    let s = make({ numPartitions: 4, seed: 11 });
    s = stepPartitioner(s, sendNull({ enableSwitch: true }));
    const recordBatchBytes = s.last!.producedBytes!;
    s = make({ numPartitions: 4, seed: 11, batchSize: 3 * recordBatchBytes });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      s = stepPartitioner(stepPartitioner(s, sendNull({ enableSwitch: true })), { type: "drain" });
      seen.push(s.last!.partition);
      expect(s.last!.switchedTo === undefined).toBe(i < 2);
    }
    expect(new Set(seen).size).toBe(1);
    expect(s.sticky!.producedBytes).toBe(0);
  });

  it("may pick the same partition again when it switches (no 'different' rule)", () => {
    const same = Array.from({ length: 40 }, (_, seed) => {
      const s = picks(make({ numPartitions: 2, batchSize: 1, seed }), 2).state;
      return s.last!.switchedTo === s.last!.partition;
    });
    expect(same).toContain(true);
  });

  it("always yields partition 0 for a 1-partition topic", () => {
    expect(new Set(picks(make({ numPartitions: 1, batchSize: 1 }), 50).partitions)).toEqual(new Set([0]));
  });

  it("never picks a partition without a leader unless no partition has one (unavailablePartitionsTest)", () => {
    const a = picks(make({ numPartitions: 3, batchSize: 1, partitionsWithoutLeader: [1], seed: 3 }), 100).partitions;
    expect(a).not.toContain(1);
    expect(a.some((p) => p !== a[0])).toBe(true);
    expect(new Set(picks(make({ numPartitions: 2, batchSize: 1, partitionsWithoutLeader: [0] }), 50).partitions)).toEqual(new Set([1]));
    expect(new Set(picks(make({ numPartitions: 1, batchSize: 1, partitionsWithoutLeader: [0] }), 20).partitions)).toEqual(new Set([0]));
    expect(vectors.builtInPartitioner_sticky_rules_copied.assertions.length).toBe(5);
  });

  it("keeps a keyed record on its hashed partition even when that partition has no leader", () => {
    const p = toPositive(murmur2(new TextEncoder().encode("order-1"))) % 3;
    const s = stepPartitioner(make({ numPartitions: 3, partitionsWithoutLeader: [p] }), { type: "send", key: "order-1" });
    expect(s.last!.partition).toBe(p);
  });

  it("with partitioner.ignore.keys=true sends keyed records down the sticky path", () => {
    const s = stepPartitioner(make({ numPartitions: 3, ignoreKeys: true }), { type: "send", key: "k" });
    expect(s.last!.reason).toBe("sticky");
  });

  it("waits for a full batch: switches at 2×batch.size when the open batch never fills", () => {
    // 100-byte values: record = 109 B, first batch 170 B; appends never hit exactly 1000 B.
    let s = make({ numPartitions: 3, batchSize: 1000, seed: 5, adaptive: false });
    let switchedAt = -1;
    for (let i = 0; i < 40 && switchedAt < 0; i++) {
      s = stepPartitioner(s, sendNull({ value: "x".repeat(100) }));
      if (s.last!.switchedTo !== undefined) switchedAt = s.last!.producedBytes!;
      else if (s.last!.producedBytes! >= 1000) expect(s.last!.enableSwitch).toBe(false);
    }
    expect(switchedAt).toBeGreaterThanOrEqual(2000);
    expect(switchedAt).toBeLessThan(2000 + 170);
  });

  it("switches at batch.size when the record exactly fills the batch", () => {
    const r0 = recordSizeInBytes(0, 0, null, 100);
    const full = RECORD_BATCH_OVERHEAD + r0 + recordSizeInBytes(1, 0, null, 100);
    let s = make({ numPartitions: 3, batchSize: full, seed: 1 });
    s = stepPartitioner(s, sendNull({ value: "x".repeat(100) }));
    expect(s.last!.switchedTo).toBeUndefined();
    s = stepPartitioner(s, sendNull({ value: "x".repeat(100) }));
    expect(s.last).toMatchObject({ producedBytes: full, enableSwitch: true });
    expect(s.last!.switchedTo).toBeDefined();
  });

  it("favours partitions with shorter queues when adaptive partitioning is on", () => {
    // Queue sizes 5 0 3 0 1 built with explicit sends (batch.size=1 → one full batch per record).
    const setup: PartitionerEvent[] = [
      ...Array(5).fill({ type: "send", partition: 0 }),
      ...Array(3).fill({ type: "send", partition: 2 }),
      { type: "send", partition: 4 },
    ];
    const counts = [0, 0, 0, 0, 0];
    for (let seed = 0; seed < 2100; seed++) {
      const s = stepPartitioner(run(make({ numPartitions: 5, batchSize: 1, seed }), setup), sendNull());
      counts[s.last!.partition]++;
    }
    [100, 600, 300, 600, 500].forEach((expected, p) => {
      expect(counts[p]).toBeGreaterThan(expected * 0.7);
      expect(counts[p]).toBeLessThan(expected * 1.3);
    });
  });
});

describe("older null-key strategies (version profiles)", () => {
  it("2.4–3.2 sticky switches on a new batch to a different partition", () => {
    let s = make({ numPartitions: 3, strategy: "sticky", batchSize: 400, seed: 9 });
    let prev: number | null = null;
    let switches = 0;
    for (let i = 0; i < 60; i++) {
      s = stepPartitioner(s, sendNull({ value: "x".repeat(100) }));
      if (s.last!.switchedTo !== undefined) {
        if (prev !== null) expect(s.last!.switchedTo).not.toBe(prev);
        switches++;
      }
      prev = s.last!.partition;
    }
    expect(switches).toBeGreaterThan(5);
  });

  it("2.x profile defaults to the KIP-480 sticky strategy", () => {
    expect(make({ numPartitions: 3, profile: "kafka-2.x" }).strategy).toBe("sticky");
    expect(make({ numPartitions: 3 }).strategy).toBe("uniform-sticky");
  });

  it("pre-2.4 round robin cycles over available partitions only", () => {
    const s = make({ numPartitions: 4, strategy: "round-robin", partitionsWithoutLeader: [2], seed: 4 });
    const ps = picks(s, 9).partitions;
    const avail = [0, 1, 3];
    const start = avail.indexOf(ps[0]);
    expect(ps).toEqual(ps.map((_, i) => avail[(start + i) % 3]));
  });
});

describe("partitioner reducer hygiene", () => {
  it("rejects bad configs with Korean messages", () => {
    for (const n of [0, -1, 1.5]) {
      const r = createPartitionerState({ numPartitions: n });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe("INVALID_CONFIG");
    }
  });

  it("records an error for unknown events and out-of-range partitions without changing anything else", () => {
    const s = make({ numPartitions: 2 });
    const u = stepPartitioner(s, { type: "explode" } as unknown as PartitionerEvent);
    expect(u.lastError?.code).toBe("UNKNOWN_EVENT");
    expect({ ...u, lastError: null }).toEqual(s);
    const bad = stepPartitioner(s, { type: "send", partition: 5 });
    expect(bad.lastError?.message).toMatch(/범위/);
    expect(stepPartitioner(s, { type: "setPartitionCount", numPartitions: 1 }).lastError?.kafkaError).toBe("INVALID_PARTITIONS");
  });

  it("is deterministic and plain JSON: same seed + same events ⇒ deep-equal state", () => {
    const keyArb = fc.option(fc.oneof(fc.string({ maxLength: 4 }), fc.record({ type: fc.constant("int" as const), value: fc.integer() })), {
      nil: null,
    });
    const ev = fc.oneof(
      fc.record({ type: fc.constant("send" as const), key: keyArb, value: fc.string({ maxLength: 50 }) }),
      fc.record({ type: fc.constant("send" as const), partition: fc.integer({ min: -1, max: 6 }) }),
      fc.record({ type: fc.constant("drain" as const), onlyFull: fc.boolean() }),
      fc.record({ type: fc.constant("setLeader" as const), partition: fc.integer({ min: 0, max: 5 }), hasLeader: fc.boolean() }),
      fc.record({ type: fc.constant("setPartitionCount" as const), numPartitions: fc.integer({ min: 1, max: 8 }) }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom("uniform-sticky" as const, "sticky" as const, "round-robin" as const),
        fc.integer(),
        fc.array(ev, { minLength: 10, maxLength: 60, size: "max" }),
        (strategy, seed, events) => {
          const a = run(make({ numPartitions: 4, strategy, seed, batchSize: 300 }), events as PartitionerEvent[]);
          const b = run(make({ numPartitions: 4, strategy, seed, batchSize: 300 }), events as PartitionerEvent[]);
          expect(a).toEqual(b);
          expect(JSON.parse(JSON.stringify(a))).toEqual(a);
          a.recordsPerPartition.forEach((c) => expect(c).toBeGreaterThanOrEqual(0));
        },
      ),
    );
  });
});
