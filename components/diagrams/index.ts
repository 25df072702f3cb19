export { EcosystemDiagram } from "./ecosystem-diagram";
export { ClusterDiagram } from "./cluster-diagram";
