/** Names of the tags chapters may use; the registry must provide exactly these (checked by tsc). */
export const MDX_TAG_NAMES = [
  "CompactionDiagram",
  "SegmentFilesDiagram",
  "ReplicationDiagram",
  "ReplicationLab",
  "ConsumerGroupLab",
  "TopicNameChecker",
  "RecordInspector",
  "MetadataFlowDiagram",
  "Callout",
  "ClusterDiagram",
  "EcosystemDiagram",
  "KeyPartitioner",
  "NullKeyPartitioner",
  "SegmentRetention",
  "Term",
  "DeliveryTimelineDiagram",
  "OffsetCommitDiagram",
  "TransactionDiagram",
  "ClusterLab",
  "CompactionLab",
  "MetadataLab",
  "DeliveryLab",
] as const;
export type MdxTagName = (typeof MDX_TAG_NAMES)[number];

/**
 * The tags that are live client widgets. A chapter renders as static HTML between them (ADR 0032):
 * they must stand at the top level of the MDX, and only they hydrate in the browser.
 */
export const ISLAND_TAG_NAMES = [
  "KeyPartitioner",
  "NullKeyPartitioner",
  "SegmentRetention",
  "ReplicationLab",
  "ConsumerGroupLab",
  "TopicNameChecker",
  "RecordInspector",
  "ClusterLab",
  "CompactionLab",
  "MetadataLab",
  "DeliveryLab",
] as const satisfies readonly MdxTagName[];
export type IslandTagName = (typeof ISLAND_TAG_NAMES)[number];

const ISLANDS: ReadonlySet<string> = new Set(ISLAND_TAG_NAMES);
/** Whether an MDX tag is a live widget (an island) rather than part of the static prose. */
export const isIslandTag = (tag: string): tag is IslandTagName => ISLANDS.has(tag);
