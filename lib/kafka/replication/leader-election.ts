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
}

/** Outcome: the new leader (-1 = none) and whether it came from outside the ISR. */
export interface ElectionOutcome {
  leader: number;
  unclean: boolean;
}

/**
 * ONLINE/UNCLEAN: keep the current leader if it is in the ISR and alive; else the FIRST replica in
 * assignment order that is in the ISR and alive; else (UNCLEAN only) the first alive replica in
 * assignment order, flagged unclean; else -1. PREFERRED: replicas[0] if valid, else as ONLINE.
 */
export function electLeader(input: ElectionInput, kind: ElectionKind): ElectionOutcome {
  const alive = new Set(input.alive);
  const valid = (r: number) => input.isr.includes(r) && alive.has(r);
  if (kind === "PREFERRED" && input.replicas.length > 0 && valid(input.replicas[0])) {
    return { leader: input.replicas[0], unclean: false };
  }
  if (input.currentLeader >= 0 && input.replicas.includes(input.currentLeader) && valid(input.currentLeader)) {
    return { leader: input.currentLeader, unclean: false };
  }
  const clean = input.replicas.find(valid);
  if (clean !== undefined) return { leader: clean, unclean: false };
  if (kind === "UNCLEAN") {
    const any = input.replicas.find((r) => alive.has(r));
    if (any !== undefined) return { leader: any, unclean: true };
  }
  return { leader: -1, unclean: false };
}
