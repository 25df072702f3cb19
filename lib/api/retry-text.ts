/** Korean "in …" for a wait in seconds (초 / 분 / 시간), shared by server messages and forms. */
export function retryText(seconds: number): string {
  if (seconds < 60) return `${seconds}초 후`;
  const min = Math.ceil(seconds / 60);
  return min < 60 ? `${min}분 후` : `${Math.ceil(min / 60)}시간 후`;
}
