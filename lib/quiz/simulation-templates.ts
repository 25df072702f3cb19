/** The simulation question templates a quiz file may name (`template:`). */
export const SIMULATION_TEMPLATES = ["leader-after-broker-stop", "acks-all-write", "compaction-survivors", "retention-log-start", "key-partition", "group-assignment", "batch-size", "idempotent-retry", "read-committed-count"] as const;
export type SimulationTemplateId = (typeof SIMULATION_TEMPLATES)[number];
