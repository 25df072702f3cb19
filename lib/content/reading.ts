/** Korean prose is read at roughly 500 characters (spaces excluded) a minute. */
const CHARS_PER_MINUTE = 500;
/** Code is skimmed, not read word by word: it counts at a quarter of its length. */
const CODE_WEIGHT = 0.25;

/** Estimated reading time of an MDX body in whole minutes (at least 1). */
export function readingMinutes(body: string): number {
  let prose = 0;
  let code = 0;
  let inFence = false;
  for (const line of body.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    const chars = line.replace(/<\/?[A-Z][^>]*>/g, "").replace(/\{\/\*.*?\*\/\}/g, "").replace(/\s/g, "").length;
    if (inFence) code += chars;
    else prose += chars;
  }
  return Math.max(1, Math.round((prose + code * CODE_WEIGHT) / CHARS_PER_MINUTE));
}
