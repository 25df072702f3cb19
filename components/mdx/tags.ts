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
  "ClusterLab",
  "CompactionLab",
  "MetadataLab",
  "DeliveryLab",
] as const;
export type MdxTagName = (typeof MDX_TAG_NAMES)[number];
