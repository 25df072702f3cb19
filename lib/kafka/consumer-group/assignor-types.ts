/** Inputs and outputs shared by the client-side assignors of the classic group protocol. */

export interface AssignorMember {
  memberId: string;
  /** Static membership (`group.instance.id`); sorts before dynamic members. */
  groupInstanceId?: string | null;
  /** Subscribed topic names. */
  topics: string[];
  /** Partitions the member owned before this rebalance (sticky assignors' userData / ownedPartitions). */
  owned?: string[];
  /** Generation of `owned`; when two members claim a partition the higher generation wins. */
  generation?: number;
}

/** Partition count per topic. */
export type PartitionCounts = Record<string, number>;

/** memberId → topic-partition keys (`topic-partition`). Every member appears, idle ones with []. */
export type Assignment = Record<string, string[]>;

export type AssignorName = "range" | "roundrobin" | "sticky" | "cooperative-sticky";
