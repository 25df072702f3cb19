/**
 * Seeded pseudo-random numbers for the simulator.
 *
 * The generator state is a single unsigned 32-bit integer so it can live inside plain-JSON
 * simulation state. Every draw is a pure function `state → [value, nextState]`; nothing here
 * touches `Math.random()`, so the same seed always replays the same run.
 * Algorithm: mulberry32 (public domain), fast and good enough for teaching simulations.
 */
export type RngState = number;

/** Creates a generator state from any integer or string seed. */
export function seedRng(seed: number | string): RngState {
  if (typeof seed === "number") return seed >>> 0;
  let h = 2166136261 >>> 0; // FNV-1a over UTF-16 code units
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

/** Draws an unsigned 32-bit integer and returns it with the next state. */
export function nextUint32(state: RngState): [number, RngState] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [(t ^ (t >>> 14)) >>> 0, next];
}

/** Draws a signed 32-bit integer, like Java's `Random.nextInt()`. */
export function nextInt32(state: RngState): [number, RngState] {
  const [u, s] = nextUint32(state);
  return [u | 0, s];
}

/** Draws an integer in `[0, bound)`; `bound` must be a positive integer. */
export function nextBelow(state: RngState, bound: number): [number, RngState] {
  const [u, s] = nextUint32(state);
  return [Math.floor((u / 4294967296) * bound), s];
}

/** Draws a float in `[0, 1)`. */
export function nextFloat(state: RngState): [number, RngState] {
  const [u, s] = nextUint32(state);
  return [u / 4294967296, s];
}
