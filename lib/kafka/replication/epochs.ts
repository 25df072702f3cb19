/**
 * Leader-epoch cache arithmetic (`LeaderEpochFileCache`): which epoch wrote an offset, where two
 * replica logs diverge, truncation, and copying the leader's epochs into a follower's cache.
 */
import type { EpochEntry } from "./types";

/** Epoch of the record at `offset`: the last entry starting at or before it (-1 if none). */
export function epochAt(epochs: EpochEntry[], offset: number): number {
  for (let i = epochs.length - 1; i >= 0; i--) if (epochs[i].startOffset <= offset) return epochs[i].epoch;
  return -1;
}

function nextBoundary(epochs: EpochEntry[], pos: number): number {
  for (const e of epochs) if (e.startOffset > pos) return e.startOffset;
  return Number.POSITIVE_INFINITY;
}

/**
 * First offset at which two replica logs differ (their common prefix length). Kafka reaches the
 * same point through OffsetsForLeaderEpoch round trips; (epoch, offset) identifies a record.
 */
export function divergenceOffset(a: { epochs: EpochEntry[]; leo: number }, b: { epochs: EpochEntry[]; leo: number }): number {
  const limit = Math.min(a.leo, b.leo);
  let pos = 0;
  while (pos < limit) {
    if (epochAt(a.epochs, pos) !== epochAt(b.epochs, pos)) return pos;
    pos = Math.min(nextBoundary(a.epochs, pos), nextBoundary(b.epochs, pos), limit);
  }
  return limit;
}

/** `truncateFromEnd`: drops cache entries starting at or after `offset`. */
export function truncateEpochs(epochs: EpochEntry[], offset: number): EpochEntry[] {
  return epochs.every((e) => e.startOffset < offset) ? epochs : epochs.filter((e) => e.startOffset < offset);
}

/** Extends a follower cache with the leader's epochs covering the records copied in [from, to). */
export function appendEpochRange(follower: EpochEntry[], leader: EpochEntry[], from: number, to: number): EpochEntry[] {
  if (to <= from) return follower;
  let out = follower;
  for (let i = 0; i < leader.length; i++) {
    const start = leader[i].startOffset;
    const end = i + 1 < leader.length ? leader[i + 1].startOffset : Number.POSITIVE_INFINITY;
    if (end <= from || start >= to || end <= start) continue;
    const last = out[out.length - 1];
    if (last === undefined || leader[i].epoch > last.epoch) {
      out = [...out, { epoch: leader[i].epoch, startOffset: Math.max(start, from) }];
    }
  }
  return out;
}
