/**
 * Course exam assembly: picks questions from the pool by concept coverage (every concept at least
 * once where the size allows, then the least-asked concepts), never repeats a question across a
 * learner's attempts until the pool is used up, and is reproducible from its seed.
 */
import { nextBelow, seedRng, type RngState } from "../kafka/core/rng";

/** What assembly needs to know about a question. */
export interface PoolQuestion {
  id: string;
  concepts: readonly string[];
}

export interface AssembleInput {
  pool: readonly PoolQuestion[];
  /** Question ids of the learner's earlier exam attempts, oldest attempt first. */
  previousAttempts: readonly (readonly string[])[];
  size: number;
  seed: number;
}

/** A seeded Fisher–Yates shuffle. Pure. */
export function seededShuffle<T>(items: readonly T[], seed: number | string): T[] {
  const out = [...items];
  let rng: RngState = seedRng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    let j: number;
    [j, rng] = nextBelow(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The ids used in the current round through the pool: earlier attempts are walked in order and the
 * round starts over once every pool question has been asked.
 */
export function usedThisRound(poolIds: ReadonlySet<string>, previousAttempts: AssembleInput["previousAttempts"]): Set<string> {
  let used = new Set<string>();
  for (const attempt of previousAttempts) {
    for (const id of attempt) if (poolIds.has(id)) used.add(id);
    if (used.size >= poolIds.size) used = new Set();
  }
  return used;
}

/** Picks `size` questions (fewer if the pool is smaller), in a seeded order. Pure. */
export function assembleExam(input: AssembleInput): PoolQuestion[] {
  const size = Math.max(0, Math.min(input.size, input.pool.length));
  const shuffled = seededShuffle(input.pool, input.seed);
  const used = usedThisRound(new Set(input.pool.map((q) => q.id)), input.previousAttempts);
  // Fresh questions first; only when they run out does the next round borrow asked ones.
  const tiers = [shuffled.filter((q) => !used.has(q.id)), shuffled.filter((q) => used.has(q.id))];
  const counts = new Map<string, number>();
  for (const q of input.pool) for (const c of q.concepts) counts.set(c, 0);
  const picked: PoolQuestion[] = [];
  for (const tier of tiers) {
    const left = [...tier];
    while (picked.length < size && left.length) {
      let best = 0;
      let bestKey: [number, number] = [Infinity, Infinity];
      left.forEach((q, i) => {
        // Best first: the most concepts not asked yet, then the least-asked concepts on average.
        const uncovered = q.concepts.filter((c) => counts.get(c) === 0).length;
        const load = q.concepts.reduce((s, c) => s + (counts.get(c) ?? 0), 0) / q.concepts.length;
        const key: [number, number] = [-uncovered, load];
        if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
          best = i;
          bestKey = key;
        }
      });
      const [q] = left.splice(best, 1);
      picked.push(q);
      for (const c of q.concepts) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return seededShuffle(picked, input.seed ^ 0x9e3779b9);
}
