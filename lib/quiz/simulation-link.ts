/**
 * The link from a simulation question to the chapter widget that replays its exact scenario. Each
 * scenario kind is turned into that widget's own run (settings event first, then the widget's
 * reducer events) and encoded with the widgets' one scenario codec (`lib/kafka/scenario`).
 */
import { createProducerState, type ClusterEvent, type ReplicationEvent } from "@/lib/kafka";
import type { KeyLabEvent } from "@/lib/kafka/views/key-partition";
import { SCENARIO_ENGINE_VERSION, scenarioHref as widgetHref, type Scenario as WidgetScenario } from "@/lib/kafka/scenario";
import type { Scenario } from "./simulation";

/** A question's scenario as one widget's run: which widget, and the run it replays. */
export interface WidgetRun {
  widgetId: string;
  run: WidgetScenario<object>;
}

/** Chapters whose cluster questions replay in ReplicationLab (one partition) rather than ClusterLab. */
const REPLICATION_CHAPTERS = /^04-/;
/** Past group.initial.rebalance.delay.ms, so the group has assigned every partition. */
const GROUP_SETTLE_MS = 5000;

const run = (
  widgetId: string,
  mechanism: string,
  scenario: Scenario,
  settings: Record<string, string | number | boolean>,
  events: object[],
): WidgetRun => ({
  widgetId,
  run: {
    engine: SCENARIO_ENGINE_VERSION,
    mechanism,
    profile: scenario.profile,
    seed: scenario.seed,
    events: [{ type: "settings", ...settings }, ...events],
  },
});

function replicationEvents(events: ClusterEvent[], partition: number): ReplicationEvent[] {
  const out: ReplicationEvent[] = [];
  for (const e of events) {
    // A stopped broker is fenced at once: the question waits long past every session timeout.
    if (e.type === "nodeDown") out.push({ type: "brokerDown", brokerId: e.nodeId, notifyController: true });
    else if (e.type === "nodeUp") out.push({ type: "brokerUp", brokerId: e.nodeId });
    else if (e.type === "tick") out.push(e);
    else if (e.type === "produce" && e.partition === partition) out.push({ type: "produce", acks: e.acks, key: e.key, value: e.value });
  }
  return out;
}

/**
 * The widget run that replays a question's scenario on its chapter page, or null when no widget
 * of that chapter plays this kind yet. `partition` is the partition the question asks about.
 */
export function widgetRunFor(chapterSlug: string, scenario: Scenario, partition = 0): WidgetRun | null {
  switch (scenario.kind) {
    case "cluster": {
      const topic = scenario.init.topics?.[0];
      const minIsr = topic?.minInsyncReplicas;
      if (REPLICATION_CHAPTERS.test(chapterSlug)) {
        const brokers = scenario.init.brokers ?? [1, 2, 3];
        const order = brokers.map((_, i) => brokers[(partition + i) % brokers.length]).join(",");
        return run(
          "replication-lab",
          "replication",
          scenario,
          { replicas: order, ...(minIsr ? { minIsr } : {}) },
          replicationEvents(scenario.events, partition),
        );
      }
      const dedicated = (scenario.init.controllers ?? []).some((c) => !(scenario.init.brokers ?? []).includes(c));
      return run(
        "cluster-lab",
        "cluster",
        scenario,
        { ...(dedicated ? { controllers: "dedicated" } : {}), partitions: topic?.partitions ?? 3, ...(minIsr ? { minIsr } : {}) },
        scenario.events,
      );
    }
    case "compaction":
      return run(
        "compaction-lab",
        "compaction",
        scenario,
        {
          ratio: scenario.init.minCleanableDirtyRatio ?? 0.5,
          segmentBytes: scenario.init.segmentBytes ?? 500,
          ...(scenario.init.highWatermarkFollowsLogEnd ? { hwFollowsLogEnd: true } : {}),
        },
        scenario.events,
      );
    case "retention":
      return run(
        "segment-retention",
        "retention",
        scenario,
        {
          retentionMs: scenario.init.retentionMs ?? -1,
          retentionBytes: scenario.init.retentionBytes ?? -1,
          segmentBytes: scenario.init.segmentBytes ?? 600,
        },
        scenario.events,
      );
    case "partitioner":
      return run(
        "key-partitioner",
        "key-partitioner",
        scenario,
        { partitions: scenario.init.numPartitions },
        scenario.events.flatMap((e): KeyLabEvent[] =>
          e.type === "send" && typeof e.key === "string"
            ? [{ type: "send", key: e.key }]
            : e.type === "setPartitionCount"
              ? [{ type: "setPartitions", count: e.numPartitions }]
              : [],
        ),
      );
    case "producer": {
      const created = createProducerState(scenario.init);
      const idempotence = created.ok ? created.value.config.idempotence : false;
      return run(
        "delivery-lab",
        "producer",
        scenario,
        scenario.init.transactionalId ? { transactional: true } : { idempotence },
        scenario.events,
      );
    }
    case "record-batch":
      // RecordInspector loads the question's whole batch; the first record stays editable.
      return run("record-inspector", "record", scenario, {}, [
        {
          type: "batch",
          records: scenario.batch.records.map((r) => ({ key: typeof r.key === "string" ? r.key : null, value: String(r.value ?? "") })),
        },
      ]);
    case "group-assignment":
      return run(
        "consumer-group-lab",
        "consumer-group",
        scenario,
        { assignor: scenario.init.assignor, ...scenario.init.partitions },
        // The lab's group waits group.initial.rebalance.delay.ms (3 s) after the first join, then a
        // tick per phase: the join phase ends (assignment computed) and the sync hands it out.
        [...scenario.events, { type: "tick", ms: GROUP_SETTLE_MS }, { type: "tick", ms: 1000 }],
      );
    default:
      return null;
  }
}

/** Link to the chapter widget that plays this scenario (`/chapters/<slug>?scenario=<widget>.<run>#<widget>`). */
export function scenarioHref(chapterSlug: string, scenario: Scenario, partition = 0): string {
  const path = `/chapters/${chapterSlug}`;
  const found = widgetRunFor(chapterSlug, scenario, partition);
  return found ? widgetHref(path, found.widgetId, found.run) : path;
}
