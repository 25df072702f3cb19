/**
 * Which `__consumer_offsets` partition (and so which broker) coordinates a group:
 * `Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions` (`GroupCoordinatorService.partitionFor`).
 * The same formula places transactional ids on `__transaction_state`.
 */

/** Java `String.hashCode`: `h = 31*h + c` over UTF-16 code units with int overflow (emoji count twice). */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Kafka's `Utils.abs`: like Math.abs but `Integer.MIN_VALUE` maps to 0 instead of staying negative. */
export function utilsAbs(n: number): number {
  return n === -2147483648 ? 0 : Math.abs(n | 0);
}

/** Partition of `__consumer_offsets` (default 50 partitions) whose leader is the group coordinator. */
export function coordinatorPartition(groupId: string, numPartitions = 50): number {
  return utilsAbs(javaStringHashCode(groupId)) % numPartitions;
}

/** Partition of `__transaction_state` (default 50) for a transactional id — same formula. */
export function transactionCoordinatorPartition(transactionalId: string, numPartitions = 50): number {
  return coordinatorPartition(transactionalId, numPartitions);
}
