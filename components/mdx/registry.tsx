import {
  ClusterDiagram,
  CompactionDiagram,
  DeliveryTimelineDiagram,
  EcosystemDiagram,
  MetadataFlowDiagram,
  OffsetCommitDiagram,
  ReplicationDiagram,
  SegmentFilesDiagram,
  TransactionDiagram,
} from "../diagrams";
import {
  ClusterLab,
  CompactionLab,
  ConsumerGroupLab,
  DeliveryLab,
  KeyPartitioner,
  MetadataLab,
  NullKeyPartitioner,
  RecordInspector,
  ReplicationLab,
  SegmentRetention,
  TopicNameChecker,
} from "../widgets/lazy";
import { Callout } from "./callout";
import { Term } from "./term";
import { H2, H3, Pre, Table } from "./markdown-elements";
import type { MdxTagName } from "./tags";

/**
 * THE tags chapters may use. MDX files never import: the chapter page hands this registry to the
 * compiled MDX, so client widgets keep their boundary and unknown tags fail the content test.
 * Widgets come from `widgets/lazy`: each loads its own code only on the pages that use it.
 */
export const mdxTags = {
  Callout,
  KeyPartitioner,
  NullKeyPartitioner,
  SegmentRetention,
  ReplicationLab,
  ConsumerGroupLab,
  TopicNameChecker,
  RecordInspector,
  ClusterLab,
  CompactionLab,
  MetadataLab,
  DeliveryLab,
  EcosystemDiagram,
  ClusterDiagram,
  SegmentFilesDiagram,
  CompactionDiagram,
  ReplicationDiagram,
  MetadataFlowDiagram,
  Term,
  DeliveryTimelineDiagram,
  OffsetCommitDiagram,
  TransactionDiagram,
} satisfies Record<MdxTagName, React.ComponentType<never>>;

/** Tags plus the Markdown element overrides (anchored headings, scrollable tables). */
export const mdxComponents = { ...mdxTags, h2: H2, h3: H3, table: Table, pre: Pre };
