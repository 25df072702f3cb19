/**
 * Typed simulator errors. Engine functions never throw for bad input: they return a `SimError`
 * whose `code` is stable (tests and widgets switch on it) and whose `message` is Korean text a
 * widget can show as it is. Kafka's own error names (e.g. `NOT_ENOUGH_REPLICAS`) are kept in
 * `kafkaError` where the situation corresponds to a real Kafka error code.
 */
export type SimErrorCode = "INVALID_CONFIG" | "UNKNOWN_EVENT" | "INVALID_EVENT" | "KAFKA_ERROR";

export interface SimError {
  code: SimErrorCode;
  /** Korean, ready to display. */
  message: string;
  /** Kafka's error name when the simulated broker or client would return one. */
  kafkaError?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: SimError };

/** Wraps a value as a successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Builds a failed result. */
export const fail = <T = never>(code: SimErrorCode, message: string, kafkaError?: string): Result<T> => ({
  ok: false,
  error: kafkaError ? { code, message, kafkaError } : { code, message },
});
