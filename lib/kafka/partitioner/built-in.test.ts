import { describe, expect, it } from "vitest";
import vectors from "../__fixtures__/kafka-test-vectors.json";
import { buildCumulativeFrequencyTable, computeLoadStats, pickWeightedPartition, shouldSwitchPartition } from "./built-in";

describe("adaptive partitioning weights", () => {
  const cftCase = vectors.builtInPartitioner_cft_example_copied_from_source_comment;

  it("builds the CFT 4 5 8 from queue sizes 0 3 1 (source comment)", () => {
    expect(buildCumulativeFrequencyTable(cftCase.queueSizes)).toEqual(cftCase.cumulativeFrequencyTable);
    const weights = cftCase.queueSizes.map((q) => Math.max(...cftCase.queueSizes) + 1 - q);
    expect(weights).toEqual(cftCase.inverted);
  });

  it.each(Object.entries(cftCase.randomToPartitionIndex))("maps random %s to partition %s", (random, partition) => {
    const stats = computeLoadStats(cftCase.queueSizes, [true, true, true])!;
    expect(pickWeightedPartition(Number(random), stats)).toBe(partition);
  });

  it("chooses partitions in proportion to maxQueue+1−queue (adaptivePartitionsTest)", () => {
    const a = vectors.builtInPartitioner_adaptive_copied;
    const stats = computeLoadStats(
      a.queueSizes,
      a.queueSizes.map(() => true),
    )!;
    const cycle = a.expectedFrequenciesPerCycle.reduce((x, y) => x + y, 0);
    expect(cycle).toBe(21);
    const counts = new Array(a.queueSizes.length).fill(0);
    for (let random = 0; random < 2 * cycle; random++) counts[pickWeightedPartition(random, stats)]++;
    expect(counts).toEqual(a.expectedFrequenciesPerCycle.map((f) => 2 * f));
  });

  it("skips adaptive logic when all queues are equal or the topic has one partition", () => {
    expect(computeLoadStats([2, 2, 2], [true, true, true])).toBeNull();
    expect(computeLoadStats([5], [true])).toBeNull();
  });

  it("excludes partitions without a leader from the weights, and uses none if no leader at all", () => {
    const stats = computeLoadStats([0, 0, 3], [true, false, true])!;
    expect(stats.partitionIds).toEqual([0, 2]);
    expect(computeLoadStats([0, 1], [false, false])).toBeNull();
  });
});

describe("sticky switch rule", () => {
  it("with stickyBatchSize=3 and 1 byte per record keeps records 1..3 together, then switches", () => {
    let produced = 0;
    const switchedAfter: boolean[] = [];
    for (let record = 1; record <= 3; record++) {
      produced += 1;
      const sw = shouldSwitchPartition(produced, 3, true);
      switchedAfter.push(sw);
      if (sw) produced = 0;
    }
    expect(switchedAfter).toEqual([false, false, true]);
  });

  it("switches at batch.size only when the batch is full, and always at twice batch.size", () => {
    expect(shouldSwitchPartition(16384, 16384, true)).toBe(true);
    expect(shouldSwitchPartition(16384, 16384, false)).toBe(false);
    expect(shouldSwitchPartition(32767, 16384, false)).toBe(false);
    expect(shouldSwitchPartition(32768, 16384, false)).toBe(true);
    expect(shouldSwitchPartition(16383, 16384, true)).toBe(false);
  });
});
