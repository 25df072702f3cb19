/**
 * Shared reducer plumbing for the engine's `step` functions: they must never throw, and an event
 * they do not understand is recorded in `state.lastError` instead of being silently dropped.
 */
import type { SimError } from "./errors";

/** Any reducer state that can carry the error of its last event. */
export interface HasLastError {
  lastError: SimError | null;
}

/** Returns the state with `lastError` set (the rest unchanged). */
export function withError<S extends HasLastError>(state: S, error: SimError): S {
  return { ...state, lastError: error };
}

/** Describes any value for an error message without ever throwing (objects without a prototype included). */
export function safeString(v: unknown): string {
  try {
    return typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    return typeof v;
  }
}

/** Records an `UNKNOWN_EVENT` error for an event type the reducer does not handle. */
export function unknownEvent<S extends HasLastError>(state: S, event: unknown): S {
  let type: string;
  try {
    type =
      event !== null && typeof event === "object" && "type" in event ? safeString((event as { type: unknown }).type) : safeString(event);
  } catch {
    type = typeof event; // e.g. a Proxy whose traps throw
  }
  return withError(state, { code: "UNKNOWN_EVENT", message: `알 수 없는 이벤트 종류입니다: "${type}"` });
}

/** Records an `INVALID_EVENT` error (bad arguments) and leaves the state otherwise untouched. */
export function invalidEvent<S extends HasLastError>(state: S, message: string): S {
  return withError(state, { code: "INVALID_EVENT", message });
}

/**
 * Runs a reducer body so that `step` never throws: a bug or a malformed event becomes an
 * `INVALID_EVENT` error in the returned state, which is otherwise the input state.
 */
export function guardStep<S extends HasLastError, E>(state: S, event: E, body: (s: S, e: E) => S): S {
  try {
    if (event === null || typeof event !== "object" || typeof (event as { type?: unknown }).type !== "string") {
      return unknownEvent(state, event);
    }
    return body(state, event);
  } catch (err) {
    const detail = err instanceof Error ? err.message : safeString(err);
    return withError(state, { code: "INVALID_EVENT", message: `이벤트를 처리하지 못했습니다: ${detail}` });
  }
}

/** True for a finite integer (the engine keeps offsets and times as safe integers). */
export function isInt(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n);
}

/**
 * Largest clock jump one `tick` may make (30 days). Periodic broker tasks run at their own times
 * while the clock advances, so an unbounded jump could mean billions of task runs.
 */
export const MAX_TICK_SPAN_MS = 30 * 24 * 60 * 60 * 1000;

/** Korean error text for an invalid tick target (backwards, not an integer, or too far ahead), or null. */
export function tickError(currentMs: number, targetMs: unknown): string | null {
  if (!isInt(targetMs)) return `tick의 nowMs는 정수(ms)여야 합니다 (받은 값: ${safeString(targetMs)}).`;
  if (targetMs < currentMs) return `시간은 되돌릴 수 없습니다 (현재 ${currentMs}ms, 요청 ${targetMs}ms).`;
  if (targetMs - currentMs > MAX_TICK_SPAN_MS)
    return `한 번의 tick으로 30일(${MAX_TICK_SPAN_MS}ms)보다 멀리 건너뛸 수 없습니다. 여러 번 나누어 진행하세요.`;
  return null;
}

/**
 * Next run of a periodic task when at most `maxRuns` of the due runs up to `targetMs` are replayed:
 * older missed runs are skipped (used where later runs subsume earlier ones, e.g. retention checks).
 */
export function catchUpStart(nextMs: number, periodMs: number, targetMs: number, maxRuns: number): number {
  if (nextMs > targetMs) return nextMs;
  const due = Math.floor((targetMs - nextMs) / periodMs) + 1;
  return due > maxRuns ? nextMs + (due - maxRuns) * periodMs : nextMs;
}

/**
 * Most partitions one simulated topic may have. Kafka has no such limit, but every partition costs
 * state here, and a widget never needs more; a larger count is refused with a Korean error.
 */
export const MAX_SIM_PARTITIONS = 1000;
