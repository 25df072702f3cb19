/** "1분 30초" for a simulated time in ms (narration shows sim time, never wall-clock time). */
export function formatSimTimeKo(ms: number): string {
  const total = Math.floor(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s}초`;
  return s === 0 ? `${m}분` : `${m}분 ${s}초`;
}
