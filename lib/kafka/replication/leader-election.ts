/**
 * Leader election rules of the KRaft controller (`PartitionChangeBuilder.electLeader`,
 * `electPreferredLeader`, `electAnyLeader`, `isValidNewLeader`). Pure: the same inputs always give
 * the same leader, so every case of Kafka's own test can be checked directly.
 */
import type { ElectionKind } from "./types";

/** What the controller knows when it elects. */
export interface ElectionInput {
  /** Assignment order; replicas[0] is the preferred leader. */
  replicas: number[];
  /** The target ISR of this change. */
  isr: number[];
  currentLeader: number;
  /** Brokers that are alive and unfenced. */
  alive: number[];
  /** Eligible leader replicas of this change (KIP-966); valid leaders only while the ISR is empty. */
  elr?: number[];
  /** KIP-966's last known leader ([] or one broker): elected, unclean, when ISR and ELR are both empty. */
  lastKnownLeader?: number[];
}

/** Outcome: the new leader (-1 = none) and whether it came from outside the ISR. */
export interface ElectionOutcome {
  leader: number;
  unclean: boolean;
  /** Elected as KIP-966's last known leader (unclean in Kafka's terms, but it held every committed record). */
  lastKnownLeader?: true;
}

/**
 * ONLINE/UNCLEAN: keep the current leader if it is in the ISR and alive; else the FIRST replica in
 * assignment order that is in the ISR and alive; else (UNCLEAN only) the first alive replica in
 * assignment order, flagged unclean; else -1. PREFERRED: replicas[0] if valid, else as ONLINE.
 * With ELR, "in the ISR" reads "in the ISR, or in the ELR when the ISR is empty" (`isValidNewLeader`).
 */
export function electLeader(input: ElectionInput, kind: ElectionKind): ElectionOutcome {
  const alive = new Set(input.alive);
  const elr = input.elr ?? [];
  const valid = (r: number) => (input.isr.includes(r) || (input.isr.length === 0 && elr.includes(r))) && alive.has(r);
  if (kind === "PREFERRED" && input.replicas.length > 0 && valid(input.replicas[0])) {
    return { leader: input.replicas[0], unclean: false };
  }
  if (input.currentLeader >= 0 && input.replicas.includes(input.currentLeader) && valid(input.currentLeader)) {
    return { leader: input.currentLeader, unclean: false };
  }
  const clean = input.replicas.find(valid);
  if (clean !== undefined) return { leader: clean, unclean: false };
  // `canElectLastKnownLeader`: only with ELR in use, and only when ISR and ELR are both empty.
  const last = input.lastKnownLeader ?? [];
  if (input.elr && input.isr.length === 0 && elr.length === 0 && last.length === 1 && alive.has(last[0]))
    return { leader: last[0], unclean: true, lastKnownLeader: true };
  if (kind === "UNCLEAN") {
    const any = input.replicas.find((r) => alive.has(r));
    if (any !== undefined) return { leader: any, unclean: true };
  }
  return { leader: -1, unclean: false };
}
