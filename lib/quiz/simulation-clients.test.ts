import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { murmur2, serializeString } from "@/lib/kafka";
import { publicQuestionSchema } from "./contracts";
import { simQuestion, simSeeds } from "./simulation-fixtures";
import { gradeSimulation } from "./graders";
import { toPublicQuestion } from "./public";
import { instantiate, simulationKey, validateInstance, type SimulationInstance } from "./simulation";

const sim = simQuestion;
const seeds = simSeeds;
const TEMPLATES = ["key-partition", "group-assignment", "batch-size", "idempotent-retry", "read-committed-count"] as const;

const keyOf = (inst: SimulationInstance): string[] => {
  const k = simulationKey(inst);
  if (!k.ok) throw new Error(k.message);
  return k.key;
};

/** Zigzag varint length, restated from the protocol spec (not the engine's encoder). */
const varintLength = (n: number): number => {
  let u = n >= 0 ? n * 2 : -n * 2 - 1;
  let len = 1;
  while (u >= 128) {
    u = Math.floor(u / 128);
    len++;
  }
  return len;
};

describe("client-side simulation templates", () => {
  it("are deterministic: the same seed gives the same scenario, prompt and choices", () => {
    for (const t of TEMPLATES) expect(instantiate(sim(t), 321)).toEqual(instantiate(sim(t), 321));
  });

  it("instantiate only valid scenarios, with exactly one key among the choices and a valid public form (property)", () => {
    for (const t of TEMPLATES) {
      fc.assert(
        fc.property(seeds, (seed) => {
          const inst = instantiate(sim(t), seed);
          expect(validateInstance(inst)).toEqual([]);
          expect(keyOf(inst)).toHaveLength(1);
          expect(inst.scenario.seed).toBe(seed);
          const pub = toPublicQuestion({ ...sim(t), seeds: { min: seed, max: seed } }, { chapterSlug: "01-kafka-ecosystem" });
          expect(publicQuestionSchema.parse(pub)).toEqual(pub);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("key partition: the engine's partitioner agrees with Kafka's rule, murmur2 of the UTF-8 key masked positive, modulo the partition count (property)", () => {
    for (const grow of [false, true]) {
      const q = sim("key-partition", { grow });
      fc.assert(
        fc.property(seeds, (seed) => {
          const inst = instantiate(q, seed);
          if (inst.scenario.kind !== "partitioner") throw new Error("partitioner scenario expected");
          const send = inst.scenario.events.at(-1)!;
          if (send.type !== "send" || typeof send.key !== "string") throw new Error("keyed send last");
          const grown = inst.scenario.events.find((e) => e.type === "setPartitionCount");
          const n = grown && grown.type === "setPartitionCount" ? grown.numPartitions : inst.scenario.init.numPartitions;
          expect(grow ? n > inst.scenario.init.numPartitions : n === inst.scenario.init.numPartitions).toBe(true);
          const expected = `p${(murmur2(serializeString(send.key)) & 0x7fffffff) % n}`;
          expect(keyOf(inst)).toEqual([expected]);
          expect(inst.choices).toHaveLength(n);
          for (const c of inst.choices) expect(gradeSimulation(q, { seed, choice: c.id }).score).toBe(c.id === expected ? 1 : 0);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("group assignment: range gives each member a contiguous run per topic, round robin deals all partitions in member id order, whatever the join order (property)", () => {
    for (const assignor of ["range", "roundrobin"] as const) {
      const q = sim("group-assignment", { assignor });
      fc.assert(
        fc.property(seeds, (seed) => {
          const inst = instantiate(q, seed);
          if (inst.scenario.kind !== "group-assignment") throw new Error("group-assignment scenario expected");
          const members = inst.scenario.events.map((e) => e.memberId).sort();
          const { orders, payments } = inst.scenario.init.partitions;
          const p = inst.partition;
          let owner: string;
          if (assignor === "range") {
            const per = Math.floor(payments / members.length);
            const extra = payments % members.length;
            const starts = members.map((_, i) => per * i + Math.min(i, extra));
            owner = members[starts.findLastIndex((s) => s <= p)];
          } else owner = members[(orders + p) % members.length];
          expect(keyOf(inst)).toEqual([owner]);
          expect(gradeSimulation(q, { seed, choice: owner }).score).toBe(1);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("batch size: the encoder's length is 61 header bytes plus each record's varint-framed body (property)", () => {
    const q = sim("batch-size");
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = instantiate(q, seed);
        if (inst.scenario.kind !== "record-batch") throw new Error("record-batch scenario expected");
        const bytes = (s: unknown) => (typeof s === "string" ? new TextEncoder().encode(s).length : null);
        const size = inst.scenario.batch.records.reduce((sum, r, i) => {
          const field = (len: number | null) => (len === null ? varintLength(-1) : varintLength(len) + len);
          const body = 1 + varintLength(0) + varintLength(i) + field(bytes(r.key)) + field(bytes(r.value)) + varintLength(0);
          return sum + varintLength(body) + body;
        }, 61);
        expect(keyOf(inst)).toEqual([`n${size}`]);
        expect(inst.choices.length).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 60 },
    );
  });

  it("idempotent retry: a lost response duplicates the batch unless the profile's default enables idempotence (property)", () => {
    for (const profile of ["kafka-4.x", "kafka-2.x"] as const) {
      const q = sim("idempotent-retry", { profile });
      fc.assert(
        fc.property(seeds, (seed) => {
          const inst = instantiate(q, seed);
          if (inst.scenario.kind !== "producer") throw new Error("producer scenario expected");
          const send = inst.scenario.events[0];
          if (send.type !== "send") throw new Error("send first");
          const n = send.values.length;
          expect(keyOf(inst)).toEqual([`c${profile === "kafka-4.x" ? n : 2 * n}`]);
        }),
        { numRuns: 30 },
      );
    }
  });

  it("read_committed: the consumer gets the records of committed transactions only, never an aborted or still open one (property)", () => {
    const q = sim("read-committed-count");
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = instantiate(q, seed);
        if (inst.scenario.kind !== "producer") throw new Error("producer scenario expected");
        let pending = 0;
        let committed = 0;
        for (const e of inst.scenario.events) {
          if (e.type === "send") pending = e.values.length;
          if (e.type === "commitTransaction") committed += pending;
        }
        expect(keyOf(inst)).toEqual([`c${committed}`]);
        expect(gradeSimulation(q, { seed, choice: `c${committed}` }).score).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it("honours fixed parameters: a grown topic, the assignor, the record count", () => {
    const grown = instantiate(sim("key-partition", { grow: true, profile: "kafka-4.x" }), 7);
    expect(grown.prompt).toMatch(/^파티션 \d개 토픽을 \d+개로 늘린 뒤/);
    expect(grown.scenario.profile).toBe("kafka-4.x");
    expect(instantiate(sim("group-assignment", { assignor: "range" }), 7).prompt).toContain("RangeAssignor");
    const batch = instantiate(sim("batch-size", { records: 4 }), 7);
    expect(batch.scenario.kind === "record-batch" && batch.scenario.batch.records).toHaveLength(4);
  });
});
