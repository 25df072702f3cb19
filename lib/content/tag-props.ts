import type { ComponentProps } from "react";
import type { mdxTags } from "../../components/mdx/registry";
import type { MdxTagName } from "../../components/mdx/tags";

type PropsOf<K extends MdxTagName> = keyof ComponentProps<(typeof mdxTags)[K]> & string;

/** The attributes each MDX tag accepts, and which of them are required. tsc checks the names against the components. */
export type TagPropSpec = { [K in MdxTagName]: { allowed: readonly Exclude<PropsOf<K>, "children">[]; required?: readonly PropsOf<K>[] } };

/** What the content check accepts on each tag; a new registry tag must be added here (tsc fails otherwise). */
export const TAG_PROPS = {
  Callout: { allowed: ["kind", "title"] },
  Term: { allowed: ["id"], required: ["id"] },
  KeyPartitioner: { allowed: ["defaultKey", "defaultPartitions"] },
  NullKeyPartitioner: { allowed: [] },
  SegmentRetention: { allowed: [] },
  ReplicationLab: { allowed: [] },
  ConsumerGroupLab: { allowed: [] },
  TopicNameChecker: { allowed: [] },
  RecordInspector: { allowed: [] },
  EcosystemDiagram: { allowed: [] },
  ClusterDiagram: { allowed: [] },
  SegmentFilesDiagram: { allowed: [] },
  CompactionDiagram: { allowed: [] },
  ReplicationDiagram: { allowed: [] },
  MetadataFlowDiagram: { allowed: [] },
  DeliveryTimelineDiagram: { allowed: [] },
  OffsetCommitDiagram: { allowed: [] },
  TransactionDiagram: { allowed: [] },
  ClusterLab: { allowed: [] },
  CompactionLab: { allowed: [] },
  MetadataLab: { allowed: [] },
  DeliveryLab: { allowed: [] },
} as const satisfies TagPropSpec;

/** Widgets another branch is building: a chapter may hold their place with an MDX comment `{/* Name *\/}`. */
export const PENDING_WIDGETS: readonly string[] = [];
