import {
  ClusterDiagram,
  CompactionDiagram,
  EcosystemDiagram,
  MetadataFlowDiagram,
  ReplicationDiagram,
  SegmentFilesDiagram,
} from "../diagrams";
import { DeliveryTimelineDiagram, OffsetCommitDiagram, TransactionDiagram } from "../diagrams";
import { ConsumerGroupLab } from "../widgets/consumer-group-lab";
import { KeyPartitioner } from "../widgets/key-partitioner";
import { NullKeyPartitioner } from "../widgets/null-key-partitioner";
import { RecordInspector } from "../widgets/record-inspector";
import { ReplicationLab } from "../widgets/replication-lab";
import { SegmentRetention } from "../widgets/segment-retention";
import { TopicNameChecker } from "../widgets/topic-name-checker";
import { Callout } from "./callout";
import { Term } from "./term";
import { H2, H3, Pre, Table } from "./markdown-elements";
import type { MdxTagName } from "./tags";

/**
 * THE tags chapters may use. MDX files never import: the chapter page hands this registry to the
 * compiled MDX, so client widgets keep their boundary and unknown tags fail the content test.
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
