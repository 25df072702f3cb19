/** The seeded draw sequence every simulation template uses, and the engine-rules version stamp. */
import { nextBelow, seedRng, type RngState } from "@/lib/kafka";

/** Which engine rules a stored scenario was written for; bump when a template's events change meaning. */
export const SIMULATION_ENGINE_VERSION = "kafka-sim-1";

/** A seeded draw sequence over the engine's RNG. */
export function drawer(seed: number) {
  let rng: RngState = seedRng(seed);
  const below = (n: number): number => {
    const [v, next] = nextBelow(rng, n);
    rng = next;
    return v;
  };
  return { below, pick: <T>(xs: readonly T[]): T => xs[below(xs.length)] };
}

export type Draw = ReturnType<typeof drawer>;
