/**
 * Null-key rules of older producers, kept for version profiles and "what changed" chapters:
 * pre-2.4 round robin (`DefaultPartitioner` before KIP-480) and 2.4–3.2 sticky (`StickyPartitionCache`).
 * Randomness is passed in as already-drawn non-negative ints so these stay pure.
 */

/** Partitions that currently have a leader (`cluster.availablePartitionsForTopic`). */
export function availablePartitions(hasLeader: boolean[]): number[] {
  const out: number[] = [];
  hasLeader.forEach((l, p) => l && out.push(p));
  return out;
}

/**
 * Pre-2.4 round robin: `toPositive(counter) % available.size` over available partitions, or over
 * all partitions when none is available. The counter starts at a random int and wraps like Java int.
 */
export function roundRobinPartition(counter: number, hasLeader: boolean[]): number {
  const positive = counter & 0x7fffffff;
  const available = availablePartitions(hasLeader);
  return available.length > 0 ? available[positive % available.length] : positive % hasLeader.length;
}

/** Advances the round-robin counter (Java `getAndIncrement` with int overflow). */
export function nextRoundRobinCounter(counter: number): number {
  return (counter + 1) | 0;
}

/**
 * KIP-480 `StickyPartitionCache.nextPartition` choice: with more than one available partition keep
 * drawing until the result differs from the old one; `draw` yields non-negative random ints.
 * Returns the partition and how many draws were used (the caller advances its RNG that many times).
 */
export function stickyNextPartition(
  oldPartition: number | null,
  hasLeader: boolean[],
  draw: (i: number) => number,
): { partition: number; draws: number } {
  const available = availablePartitions(hasLeader);
  if (available.length < 1) return { partition: draw(0) % hasLeader.length, draws: 1 };
  if (available.length === 1) return { partition: available[0], draws: 0 };
  let draws = 0;
  let p: number | null = null;
  while (p === null || p === oldPartition) p = available[draw(draws++) % available.length];
  return { partition: p, draws };
}
