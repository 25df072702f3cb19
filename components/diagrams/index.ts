export { EcosystemDiagram } from "./ecosystem-diagram";
export { ClusterDiagram } from "./cluster-diagram";
export { SegmentFilesDiagram } from "./segment-files-diagram";
export { CompactionDiagram } from "./compaction-diagram";
export { ReplicationDiagram } from "./replication-diagram";
export { MetadataFlowDiagram } from "./metadata-flow-diagram";
