import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createClusterState,
  createCompactionState,
  createGroupState,
  createProducerState,
  createReplicationState,
  createRetentionState,
  stepCluster,
  stepCompaction,
  stepGroup,
  stepProducer,
  stepReplication,
  stepRetention,
  type ProfileId,
} from "@/lib/kafka";
import { listRequests } from "@/lib/kafka/replication/queries";
import { readScenarioParam, SCENARIO_PARAM } from "@/lib/kafka/scenario";
import { clusterView } from "@/lib/kafka/views/cluster";
import { compactionView } from "@/lib/kafka/views/compaction";
import { groupView } from "@/lib/kafka/views/consumer-group";
import { deliveryView } from "@/lib/kafka/views/delivery";
import { createKeyLab, keysByPartition, stepKeyLab } from "@/lib/kafka/views/key-partition";
import {
  clusterLabInit,
  compactionLabInit,
  deliveryLabInit,
  groupLabInit,
  replicationLabInit,
  retentionLabInit,
} from "@/lib/kafka/views/lab-setup";
import { segmentViews } from "@/lib/kafka/views/segments";
import { simQuestion, simSeeds } from "./simulation-fixtures";
import { instantiate, scenarioHref, simulationKey, type SimulationInstance } from "./simulation";

type Settings = Record<string, string | number | boolean>;

/** Reads a link the way a widget's bridge does: its own `?scenario=` value, settings first, then events. */
function openLink(href: string, widgetId: string, mechanism: string) {
  const url = new URL(href, "http://localhost");
  expect(url.pathname.startsWith("/chapters/")).toBe(true);
  expect(url.hash).toBe(`#${widgetId}`);
  const found = readScenarioParam(url.searchParams.get(SCENARIO_PARAM), widgetId);
  if (!found?.ok) throw new Error(found ? found.error.message : `no ${widgetId} scenario in ${href}`);
  expect(found.value.mechanism).toBe(mechanism);
  const [first, ...events] = found.value.events;
  expect(first.type).toBe("settings");
  const settings: Settings = Object.fromEntries(Object.entries(first).filter(([k]) => k !== "type")) as Settings;
  return { profile: found.value.profile as ProfileId, seed: found.value.seed, settings, events };
}

function clusterLabOutcome(inst: SimulationInstance, chapter: string): string[] {
  const { profile, seed, settings, events } = openLink(scenarioHref(chapter, inst.scenario, inst.partition), "cluster-lab", "cluster");
  const created = createClusterState(clusterLabInit(profile, seed, settings));
  if (!created.ok) throw new Error(created.error.message);
  const end = events.reduce((s, e) => stepCluster(s, e as never), created.value);
  const leader = clusterView(end).partitions.find((p) => p.partition === inst.partition)?.leader ?? -1;
  return [leader < 0 ? "none" : `b${leader}`];
}

function replicationLabOutcome(inst: SimulationInstance): string[] {
  const { profile, settings, events } = openLink(
    scenarioHref("04-replication-isr", inst.scenario, inst.partition),
    "replication-lab",
    "replication",
  );
  const created = createReplicationState(replicationLabInit(profile, settings));
  if (!created.ok) throw new Error(created.error.message);
  const end = events.reduce((s, e) => stepReplication(s, e as never), created.value);
  if (inst.template === "leader-after-broker-stop") return [end.leader < 0 ? "none" : `b${end.leader}`];
  const req = listRequests(end).at(-1);
  const status =
    req?.status === "acknowledged"
      ? "acknowledged"
      : req?.status === "pending"
        ? "pending"
        : req?.error?.startsWith("NOT_ENOUGH_REPLICAS")
          ? "not-enough-replicas"
          : "other-error";
  return [status];
}

const key = (inst: SimulationInstance) => {
  const out = simulationKey(inst);
  if (!out.ok) throw new Error(out.message);
  return out.key;
};

describe("simulation question links replay the graded scenario in the chapter widget", () => {
  it("a chapter 2 leader question opens ClusterLab, whose partition view shows the leader the grader computed", () => {
    for (const params of [{ profile: "kafka-4.x", graceful: true }, { profile: "kafka-2.x", graceful: false }, {}])
      fc.assert(
        fc.property(simSeeds, (seed) => {
          const inst = instantiate(simQuestion("leader-after-broker-stop", params), seed);
          expect(clusterLabOutcome(inst, "02-brokers-and-cluster")).toEqual(key(inst));
        }),
        { numRuns: 40 },
      );
  });

  it("a chapter 4 leader question opens ReplicationLab on the asked partition's replica order and shows the same leader", () => {
    for (const params of [{ stop: [1, 2] }, {}])
      fc.assert(
        fc.property(simSeeds, (seed) => {
          const inst = instantiate(simQuestion("leader-after-broker-stop", params), seed);
          expect(replicationLabOutcome(inst)).toEqual(key(inst));
        }),
        { numRuns: 40 },
      );
  });

  it("a chapter 4 acks=all question opens ReplicationLab with its min.insync.replicas and the write ends as graded", () => {
    fc.assert(
      fc.property(simSeeds, (seed) => {
        const inst = instantiate(simQuestion("acks-all-write"), seed);
        expect(replicationLabOutcome(inst)).toEqual(key(inst));
      }),
      { numRuns: 60 },
    );
  });

  it("the link carries the widget id, the engine version and a fragment that scrolls to the widget", () => {
    const inst = instantiate(simQuestion("leader-after-broker-stop"), 7);
    expect(scenarioHref("02-brokers-and-cluster", inst.scenario, inst.partition)).toMatch(
      /^\/chapters\/02-brokers-and-cluster\?scenario=cluster-lab\.[A-Za-z0-9_-]+#cluster-lab$/,
    );
  });
});

/** Opens a link and replays it with the widget's own setup and reducer. */
function replayLink<S>(
  inst: SimulationInstance,
  chapter: string,
  widgetId: string,
  mechanism: string,
  create: (p: ProfileId, seed: number, s: Settings) => S,
  step: (s: S, e: never) => S,
): S {
  const { profile, seed, settings, events } = openLink(scenarioHref(chapter, inst.scenario, inst.partition), widgetId, mechanism);
  return events.reduce((s, e) => step(s, e as never), create(profile, seed, settings));
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("client and log questions link to their chapter's lab", () => {
  it("a compaction question opens CompactionLab, whose record list keeps exactly the graded offsets", () => {
    for (const params of [{ tombstones: false }, { tombstones: true, records: 8 }])
      fc.assert(
        fc.property(simSeeds, (seed) => {
          const inst = instantiate(simQuestion("compaction-survivors", params), seed);
          const end = replayLink(
            inst,
            "03-log-segments-retention",
            "compaction-lab",
            "compaction",
            (p, s, st) => ok(createCompactionState(compactionLabInit(p, s, st))),
            stepCompaction,
          );
          expect(compactionView(end).records.map((r) => `o${r.offset}`)).toEqual(key(inst));
        }),
        { numRuns: 40 },
      );
  });

  it("a retention question opens SegmentRetention, whose first segment starts at the graded log start offset", () => {
    fc.assert(
      fc.property(simSeeds, (seed) => {
        const inst = instantiate(simQuestion("retention-log-start"), seed);
        const end = replayLink(
          inst,
          "03-log-segments-retention",
          "segment-retention",
          "retention",
          (p, s, st) => ok(createRetentionState(retentionLabInit(p, s, st))),
          stepRetention,
        );
        expect([`o${segmentViews(end)[0].baseOffset}`]).toEqual(key(inst));
        expect(end.log.logStartOffset).toBe(segmentViews(end)[0].baseOffset);
      }),
      { numRuns: 40 },
    );
  });

  it("a key question opens KeyPartitioner with the topic's partition count, and the key lands where the grader said", () => {
    for (const params of [{}, { grow: true }])
      fc.assert(
        fc.property(simSeeds, (seed) => {
          const inst = instantiate(simQuestion("key-partition", params), seed);
          const end = replayLink(
            inst,
            "01-kafka-ecosystem",
            "key-partitioner",
            "key-partitioner",
            (_p, _s, st) => createKeyLab(Number(st.partitions)),
            stepKeyLab,
          );
          const at = keysByPartition(end).findIndex((keys) => keys.length > 0);
          expect([`p${at}`]).toEqual(key(inst));
        }),
        { numRuns: 40 },
      );
  });

  it("a group-assignment question opens ConsumerGroupLab with both topics, whose lag table gives the asked partition to the graded consumer", () => {
    for (const params of [{ assignor: "range" }, { assignor: "roundrobin" }])
      fc.assert(
        fc.property(simSeeds, (seed) => {
          const inst = instantiate(simQuestion("group-assignment", params), seed);
          const end = replayLink(
            inst,
            "05-topics-partitions-groups",
            "consumer-group-lab",
            "consumer-group",
            (p, _s, st) => ok(createGroupState(groupLabInit(p, st))),
            stepGroup,
          );
          const row = groupView(end).lag.find((r) => r.tp === `payments-${inst.partition}`);
          expect([row?.owner]).toEqual(key(inst));
        }),
        { numRuns: 40 },
      );
  });

  it("an idempotent-retry question opens DeliveryLab with the profile's idempotence, showing the graded number of records", () => {
    for (const params of [{ profile: "kafka-4.x" }, { profile: "kafka-2.x" }])
      fc.assert(
        fc.property(simSeeds, (seed) => {
          const inst = instantiate(simQuestion("idempotent-retry", params), seed);
          const end = replayLink(
            inst,
            "07-delivery-guarantees",
            "delivery-lab",
            "producer",
            (p, s, st) => ok(createProducerState(deliveryLabInit(p, s, st))),
            stepProducer,
          );
          expect([`c${deliveryView(end, "read_uncommitted").consumed.length}`]).toEqual(key(inst));
        }),
        { numRuns: 30 },
      );
  });

  it("a read_committed question opens DeliveryLab transactional, whose read_committed consumer gets the graded count", () => {
    fc.assert(
      fc.property(simSeeds, (seed) => {
        const inst = instantiate(simQuestion("read-committed-count"), seed);
        const end = replayLink(
          inst,
          "07-delivery-guarantees",
          "delivery-lab",
          "producer",
          (p, s, st) => ok(createProducerState(deliveryLabInit(p, s, st))),
          stepProducer,
        );
        expect([`c${deliveryView(end, "read_committed").consumed.length}`]).toEqual(key(inst));
      }),
      { numRuns: 40 },
    );
  });
});
