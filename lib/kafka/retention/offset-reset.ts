/**
 * Consumer side of retention: a fetch below the log start offset (or past the LEO) gets
 * `OFFSET_OUT_OF_RANGE`, and the consumer then applies `auto.offset.reset`.
 */
import { fail, ok, type Result } from "../core/errors";
import { readRecords } from "../log/lookup";
import type { LogState } from "../log/types";
import type { AutoOffsetReset, FetchOutcome } from "./types";

/** Where `auto.offset.reset` moves an out-of-range consumer: earliest = log start, latest = HW, none = error. */
export function resolveOffsetReset(log: LogState, policy: AutoOffsetReset): Result<number> {
  if (policy === "earliest") return ok(log.logStartOffset);
  if (policy === "latest") return ok(log.highWatermark);
  return fail(
    "KAFKA_ERROR",
    "auto.offset.reset=none 이므로 컨슈머가 OffsetOutOfRangeException을 던집니다. 애플리케이션이 직접 위치를 정해야 합니다.",
    "OFFSET_OUT_OF_RANGE",
  );
}

/** A consumer fetch at `offset` that applies `auto.offset.reset` when the broker says OFFSET_OUT_OF_RANGE. */
export function fetchWithReset(log: LogState, offset: number, policy: AutoOffsetReset, maxRecords = 500): FetchOutcome {
  const first = readRecords(log, offset, { maxRecords });
  if (first.ok) {
    return {
      requestedOffset: offset,
      brokerError: null,
      readFrom: offset,
      records: first.value.records,
      nextFetchOffset: first.value.nextFetchOffset,
    };
  }
  const brokerError = first.error.kafkaError ?? first.error.code;
  const reset = resolveOffsetReset(log, policy);
  if (!reset.ok) return { requestedOffset: offset, brokerError, readFrom: null, records: [], nextFetchOffset: null };
  const second = readRecords(log, reset.value, { maxRecords });
  return {
    requestedOffset: offset,
    brokerError,
    readFrom: reset.value,
    records: second.ok ? second.value.records : [],
    nextFetchOffset: second.ok ? second.value.nextFetchOffset : reset.value,
  };
}
