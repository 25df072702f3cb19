/**
 * Pure rules of the ≥3.3 built-in (uniform sticky / adaptive) partitioner, KIP-794
 * (`BuiltInPartitioner.nextPartition`, `updatePartitionInfo`, `updatePartitionLoadStats`).
 * Each rule is a small function so a chapter can point at exactly one of them.
 */

/** Cumulative frequency table built from queue sizes: weight = maxQueue + 1 − queue, then running sum. */
export function buildCumulativeFrequencyTable(queueSizes: number[]): number[] {
  const maxPlus1 = Math.max(...queueSizes) + 1;
  const cft: number[] = [];
  let running = 0;
  for (const q of queueSizes) {
    running += maxPlus1 - q;
    cft.push(running);
  }
  return cft;
}

/** Adaptive statistics: the CFT plus the partition id behind each entry (leaderless partitions excluded). */
export interface PartitionLoadStats {
  cumulativeFrequencyTable: number[];
  partitionIds: number[];
}

/**
 * `updatePartitionLoadStats`: null (→ uniform choice) when there are < 2 partitions, no partition
 * has a leader, or every partition with a leader has the same queue size and none was excluded.
 */
export function computeLoadStats(queueSizes: number[], hasLeader: boolean[]): PartitionLoadStats | null {
  const ids: number[] = [];
  const sizes: number[] = [];
  queueSizes.forEach((q, p) => {
    if (hasLeader[p]) {
      ids.push(p);
      sizes.push(q);
    }
  });
  if (sizes.length < 1 || queueSizes.length < 2) return null;
  const allEqual = sizes.every((q) => q === sizes[0]);
  if (allEqual && sizes.length === queueSizes.length) return null;
  return { cumulativeFrequencyTable: buildCumulativeFrequencyTable(sizes), partitionIds: ids };
}

/** Index of the first CFT entry strictly greater than `value` (Java's binarySearch + `abs(result + 1)`). */
export function firstGreaterIndex(cft: number[], value: number): number {
  let lo = 0;
  let hi = cft.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cft[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weighted pick: `random % total` looked up in the CFT (`random` is already non-negative). */
export function pickWeightedPartition(random: number, stats: PartitionLoadStats): number {
  const cft = stats.cumulativeFrequencyTable;
  const weighted = random % cft[cft.length - 1];
  return stats.partitionIds[firstGreaterIndex(cft, weighted)];
}

/** Uniform pick among partitions with a leader; if none has one, among all partitions. */
export function pickUniformPartition(random: number, hasLeader: boolean[]): number {
  const available: number[] = [];
  hasLeader.forEach((l, p) => l && available.push(p));
  if (available.length > 0) return available[random % available.length];
  return random % hasLeader.length;
}

/** `BuiltInPartitioner.nextPartition`: adaptive when stats exist, else uniform; may return the old partition. */
export function nextBuiltInPartition(random: number, stats: PartitionLoadStats | null, hasLeader: boolean[]): number {
  return stats ? pickWeightedPartition(random, stats) : pickUniformPartition(random, hasLeader);
}

/**
 * Switch rule from `updatePartitionInfo`: switch once `batch.size` bytes went to the partition and
 * its last batch is full (enableSwitch), or unconditionally at twice that.
 */
export function shouldSwitchPartition(producedBytes: number, stickyBatchSize: number, enableSwitch: boolean): boolean {
  return (producedBytes >= stickyBatchSize && enableSwitch) || producedBytes >= stickyBatchSize * 2;
}

/** `stickyBatchSize = max(1, batch.size)` so batch.size=0 cannot make the producer loop forever (KAFKA-14303). */
export function stickyBatchSizeOf(batchSize: number): number {
  return Math.max(1, batchSize);
}
