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
import { createRecordLab, inspectRecord, stepRecordLab } from "@/lib/kafka/views/record";
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
import { instantiate, scenarioHref, simulationKey, type SimulationInstance, type SimulationTemplateId } from "./simulation";

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

/** For many seeds of a template: the outcome the widget shows equals the grader's key. */
function sameOutcome(
  template: SimulationTemplateId,
  params: object | undefined,
  runs: number,
  shown: (inst: SimulationInstance) => string[],
) {
  fc.assert(
    fc.property(simSeeds, (seed) => {
      const inst = instantiate(simQuestion(template, params), seed);
      expect(shown(inst)).toEqual(key(inst));
    }),
    { numRuns: runs },
  );
}

/** Opens a link and replays it with the widget's own setup and reducer. */
function replayLink<S>(
  inst: SimulationInstance,
  lab: {
    chapter: string;
    widgetId: string;
    mechanism: string;
    create: (p: ProfileId, seed: number, s: Settings) => S;
    step: (s: S, e: never) => S;
  },
): S {
  const { profile, seed, settings, events } = openLink(
    scenarioHref(lab.chapter, inst.scenario, inst.partition),
    lab.widgetId,
    lab.mechanism,
  );
  return events.reduce((s, e) => lab.step(s, e as never), lab.create(profile, seed, settings));
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const compactionLab = {
  chapter: "03-log-segments-retention",
  widgetId: "compaction-lab",
  mechanism: "compaction",
  create: (p: ProfileId, s: number, st: Settings) => ok(createCompactionState(compactionLabInit(p, s, st))),
  step: stepCompaction,
};
const retentionLab = {
  chapter: "03-log-segments-retention",
  widgetId: "segment-retention",
  mechanism: "retention",
  create: (p: ProfileId, s: number, st: Settings) => ok(createRetentionState(retentionLabInit(p, s, st))),
  step: stepRetention,
};
const keyLab = {
  chapter: "01-kafka-ecosystem",
  widgetId: "key-partitioner",
  mechanism: "key-partitioner",
  create: (_p: ProfileId, _s: number, st: Settings) => createKeyLab(Number(st.partitions)),
  step: stepKeyLab,
};
const groupLab = {
  chapter: "05-topics-partitions-groups",
  widgetId: "consumer-group-lab",
  mechanism: "consumer-group",
  create: (p: ProfileId, _s: number, st: Settings) => ok(createGroupState(groupLabInit(p, st))),
  step: stepGroup,
};
const recordLab = {
  chapter: "06-records-and-metadata",
  widgetId: "record-inspector",
  mechanism: "record",
  create: () => createRecordLab(),
  step: stepRecordLab,
};
const deliveryLab = {
  chapter: "07-delivery-guarantees",
  widgetId: "delivery-lab",
  mechanism: "producer",
  create: (p: ProfileId, s: number, st: Settings) => ok(createProducerState(deliveryLabInit(p, s, st))),
  step: stepProducer,
};

describe("simulation question links replay the graded scenario in the chapter widget", () => {
  it("a chapter 2 leader question opens ClusterLab, whose partition view shows the leader the grader computed", () => {
    for (const params of [{ profile: "kafka-4.x", graceful: true }, { profile: "kafka-2.x", graceful: false }, {}])
      sameOutcome("leader-after-broker-stop", params, 40, (inst) => clusterLabOutcome(inst, "02-brokers-and-cluster"));
  });

  it("a chapter 4 leader question opens ReplicationLab on the asked partition's replica order and shows the same leader", () => {
    for (const params of [{ stop: [1, 2] }, {}]) sameOutcome("leader-after-broker-stop", params, 40, replicationLabOutcome);
  });

  it("a chapter 4 acks=all question opens ReplicationLab with its min.insync.replicas and the write ends as graded", () => {
    sameOutcome("acks-all-write", undefined, 60, replicationLabOutcome);
  });

  it("the link carries the widget id, the engine version and a fragment that scrolls to the widget", () => {
    const inst = instantiate(simQuestion("leader-after-broker-stop"), 7);
    expect(scenarioHref("02-brokers-and-cluster", inst.scenario, inst.partition)).toMatch(
      /^\/chapters\/02-brokers-and-cluster\?scenario=cluster-lab\.[A-Za-z0-9_-]+#cluster-lab$/,
    );
  });
});

describe("client and log questions link to their chapter's lab", () => {
  it("a compaction question opens CompactionLab, whose record list keeps exactly the graded offsets", () => {
    for (const params of [{ tombstones: false }, { tombstones: true, records: 8 }])
      sameOutcome("compaction-survivors", params, 40, (inst) =>
        compactionView(replayLink(inst, compactionLab)).records.map((r) => `o${r.offset}`),
      );
  });

  it("a retention question opens SegmentRetention, whose first segment starts at the graded log start offset", () => {
    sameOutcome("retention-log-start", undefined, 40, (inst) => {
      const end = replayLink(inst, retentionLab);
      expect(end.log.logStartOffset).toBe(segmentViews(end)[0].baseOffset);
      return [`o${segmentViews(end)[0].baseOffset}`];
    });
  });

  it("a key question opens KeyPartitioner with the topic's partition count, and the key lands where the grader said", () => {
    for (const params of [{}, { grow: true }])
      sameOutcome("key-partition", params, 40, (inst) => [
        `p${keysByPartition(replayLink(inst, keyLab)).findIndex((keys) => keys.length > 0)}`,
      ]);
  });

  it("a group-assignment question opens ConsumerGroupLab with both topics, whose lag table gives the asked partition to the graded consumer", () => {
    for (const params of [{ assignor: "range" }, { assignor: "roundrobin" }])
      sameOutcome("group-assignment", params, 40, (inst) => [
        groupView(replayLink(inst, groupLab)).lag.find((r) => r.tp === `payments-${inst.partition}`)?.owner ?? "none",
      ]);
  });

  it("an idempotent-retry question opens DeliveryLab with the profile's idempotence, showing the graded number of records", () => {
    for (const params of [{ profile: "kafka-4.x" }, { profile: "kafka-2.x" }])
      sameOutcome("idempotent-retry", params, 30, (inst) => [
        `c${deliveryView(replayLink(inst, deliveryLab), "read_uncommitted").consumed.length}`,
      ]);
  });

  it("a batch-size question opens RecordInspector with the question's records, whose batch is the graded size", () => {
    for (const params of [{}, { records: 4 }, { records: 12 }])
      sameOutcome("batch-size", params, 40, (inst) => [`n${inspectRecord(replayLink(inst, recordLab)).bytes.length}`]);
  });

  it("a read_committed question opens DeliveryLab transactional, whose read_committed consumer gets the graded count", () => {
    sameOutcome("read-committed-count", undefined, 40, (inst) => [
      `c${deliveryView(replayLink(inst, deliveryLab), "read_committed").consumed.length}`,
    ]);
  });
});
