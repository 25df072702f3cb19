import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createClusterState, partitionOf, stepCluster, type ClusterEvent } from "@/lib/kafka";
import { publicQuestionSchema } from "./contracts";
import { simQuestion, simSeeds } from "./simulation-fixtures";
import { gradeSimulation } from "./graders";
import { toPublicQuestion } from "./public";
import {
  instantiate,
  seedForAttempt,
  simulationKey,
  validateInstance,
} from "./simulation";

const sim = simQuestion;
const seeds = simSeeds;

/** Events of a scenario, as the test reads them back (the brokers it stops). */
const stopped = (events: ClusterEvent[]) => events.flatMap((e) => (e.type === "nodeDown" ? [e.nodeId] : []));

describe("simulation templates", () => {
  it("are deterministic: the same seed gives the same scenario, prompt and choices", () => {
    for (const t of ["leader-after-broker-stop", "acks-all-write", "compaction-survivors"] as const) {
      expect(instantiate(sim(t), 123)).toEqual(instantiate(sim(t), 123));
    }
  });

  it("reuses a question's scenario and engine outcome for a seed asked again, equal to a fresh replay, and keeps a bounded number of seeds", () => {
    const q = sim("leader-after-broker-stop");
    const first = instantiate(q, 7);
    expect(instantiate(q, 7)).toBe(first);
    expect(simulationKey(first)).toBe(simulationKey(instantiate(q, 7)));
    const fresh = sim("leader-after-broker-stop");
    expect(first).toEqual(instantiate(fresh, 7));
    expect(simulationKey(first)).toEqual(simulationKey(instantiate(fresh, 7)));
    for (let s = 1000; s < 1300; s++) instantiate(q, s);
    const again = instantiate(q, 7);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it("instantiate only valid scenarios the engine accepts, with the key among the choices (property)", () => {
    for (const t of ["leader-after-broker-stop", "acks-all-write", "compaction-survivors"] as const) {
      fc.assert(
        fc.property(seeds, (seed) => {
          const inst = instantiate(sim(t), seed);
          expect(validateInstance(inst)).toEqual([]);
          expect(inst.scenario.seed).toBe(seed);
          const pub = toPublicQuestion({ ...sim(t), seeds: { min: seed, max: seed } }, { chapterSlug: "04-replication-isr" });
          expect(publicQuestionSchema.parse(pub)).toEqual(pub);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("leader after a broker stop: the grader's key is the engine's leader and Kafka's rule (first live replica in assignment order) (property)", () => {
    const q = sim("leader-after-broker-stop");
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = instantiate(q, seed);
        if (inst.scenario.kind !== "cluster") throw new Error("cluster scenario expected");
        const created = createClusterState(inst.scenario.init);
        if (!created.ok) throw new Error(created.error.message);
        const end = inst.scenario.events.reduce(stepCluster, created.value);
        const p = partitionOf(end, "orders", inst.partition)!;
        const down = stopped(inst.scenario.events);
        const rule = p.config.replicas.find((b) => !down.includes(b));
        expect(p.leader).toBe(rule);
        for (const c of inst.choices) expect(gradeSimulation(q, { seed, choice: c.id }).score).toBe(c.id === `b${p.leader}` ? 1 : 0);
      }),
      { numRuns: 60 },
    );
  });

  it("acks=all write: succeeds exactly when the brokers left reach min.insync.replicas, as the engine says (property)", () => {
    const q = sim("acks-all-write");
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = instantiate(q, seed);
        if (inst.scenario.kind !== "cluster") throw new Error("cluster scenario expected");
        const minIsr = inst.scenario.init.topics![0].minInsyncReplicas ?? 1;
        const alive = 3 - stopped(inst.scenario.events).length;
        const expected = alive >= minIsr ? "acknowledged" : "not-enough-replicas";
        const key = simulationKey(inst);
        expect(key.ok && key.key).toEqual([expected]);
        expect(gradeSimulation(q, { seed, choice: expected }).score).toBe(1);
        expect(gradeSimulation(q, { seed, choice: "pending" }).score).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it("compaction survivors: the key is the engine's log after cleaning, the last offset of every key (property)", () => {
    const q = sim("compaction-survivors");
    fc.assert(
      fc.property(seeds, (seed) => {
        const inst = instantiate(q, seed);
        if (inst.scenario.kind !== "compaction") throw new Error("compaction scenario expected");
        const append = inst.scenario.events[0];
        if (append.type !== "append") throw new Error("append first");
        const last = new Map<string, number>();
        append.records.forEach((r, i) => last.set(r.key!, i));
        const expected = [...last.values()].sort((a, b) => a - b).map((o) => `o${o}`);
        const key = simulationKey(inst);
        expect(key.ok && key.key).toEqual(expected);
        expect(gradeSimulation(q, { seed, choice: expected }).score).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps tombstones after the first cleaning, as the engine decides", () => {
    const q = sim("compaction-survivors", { tombstones: true, records: 8 });
    for (let seed = 0; seed < 30; seed++) expect(validateInstance(instantiate(q, seed))).toEqual([]);
  });

  it("honours fixed parameters: the broker to stop, the partition, crash or shutdown, min.insync.replicas", () => {
    const leader = instantiate(sim("leader-after-broker-stop", { stop: [2], partition: 1, graceful: false, profile: "kafka-2.x" }), 5);
    expect(leader.scenario.profile).toBe("kafka-2.x");
    expect(leader.prompt).toBe("브로커 2이(가) 장애(crash)로 멈추고 충분한 시간이 지난 뒤, 파티션 orders-1의 리더는?");
    expect(simulationKey(leader)).toMatchObject({ ok: true, key: ["b3"] });
    const acks = instantiate(sim("acks-all-write", { stop: [1, 3], minInsyncReplicas: 2 }), 5);
    expect(simulationKey(acks)).toMatchObject({ ok: true, key: ["not-enough-replicas"] });
  });
});

describe("attempt seeds and scenario links", () => {
  it("draws a seed inside the template's range, different across attempts", () => {
    const q = { ...sim("acks-all-write"), seeds: { min: 10, max: 20 } };
    const drawn = Array.from({ length: 50 }, (_, a) => seedForAttempt(q, a, q.id));
    expect(drawn.every((s) => s >= 10 && s <= 20)).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(5);
  });
});
