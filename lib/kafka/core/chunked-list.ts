/**
 * An append-mostly list stored as fixed-size chunks so that immutable appends and in-place
 * updates copy one chunk (≤ CHUNK_SIZE items) plus the chunk directory instead of the whole list.
 * It is plain JSON (an array of arrays), so it can live inside simulator state.
 */
export type ChunkedList<T> = T[][];

/** Items per chunk; small enough that copying a chunk is cheap. */
export const CHUNK_SIZE = 256;

/** Appends an item, copying only the last chunk. */
export function chunkedPush<T>(list: ChunkedList<T>, item: T): ChunkedList<T> {
  const n = list.length;
  if (n === 0 || list[n - 1].length >= CHUNK_SIZE) return [...list, [item]];
  const copy = list.slice();
  copy[n - 1] = [...list[n - 1], item];
  return copy;
}

/** Number of items in the list. */
export function chunkedLength<T>(list: ChunkedList<T>): number {
  const n = list.length;
  return n === 0 ? 0 : (n - 1) * CHUNK_SIZE + list[n - 1].length;
}

/** Item at a position (undefined when out of range). */
export function chunkedGet<T>(list: ChunkedList<T>, index: number): T | undefined {
  const chunk = list[Math.floor(index / CHUNK_SIZE)];
  return chunk === undefined ? undefined : chunk[index % CHUNK_SIZE];
}

/** Replaces the item at a position, copying one chunk. */
export function chunkedSet<T>(list: ChunkedList<T>, index: number, item: T): ChunkedList<T> {
  const c = Math.floor(index / CHUNK_SIZE);
  if (c >= list.length || index < 0) return list;
  const copy = list.slice();
  const chunk = list[c].slice();
  chunk[index % CHUNK_SIZE] = item;
  copy[c] = chunk;
  return copy;
}

/** Flattens the list into a plain array (for display and tests). */
export function chunkedToArray<T>(list: ChunkedList<T>): T[] {
  const out: T[] = [];
  for (const chunk of list) for (const item of chunk) out.push(item);
  return out;
}
