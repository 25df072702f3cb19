/**
 * Eligible leader replicas (KIP-966) for the replicated partition: the ELR a controller change
 * leaves (`PartitionChangeBuilder.maybePopulateTargetElr`, with the effective min ISR
 * `min(min.insync.replicas, RF)` of `getTopicEffectiveMinIsr`). Off, it is always empty.
 */
import { populateElr } from "../metadata/elr";
import type { ReplicationState } from "./types";

/** The ELR after the ISR becomes `targetIsr`; `uncleanShutdown` replicas are dropped from it. */
export function targetElr(s: ReplicationState, targetIsr: readonly number[], uncleanShutdown: readonly number[] = []): number[] {
  if (!s.config.eligibleLeaderReplicas) return [];
  const minIsr = Math.min(s.config.minInsyncReplicas, s.config.replicas.length);
  return populateElr(s.isr, targetIsr, s.elr, minIsr, uncleanShutdown);
}
