/**
 * Producer config validation as `ProducerConfig.postProcessAndValidateIdempotenceConfigs` (3.2+,
 * with 4.0's KAFKA-17927): a conflicting setting is an error when the user set
 * `enable.idempotence` explicitly, and silently switches idempotence off when it was only the
 * default — except `max.in.flight.requests.per.connection` > 5, an error in 4.x either way.
 * 2.x had idempotence off by default; `transactional.id` then implied it.
 */
import { fail, ok, type Result } from "../core/errors";
import { getProfile } from "../core/profile";
import { isInt, MAX_SIM_PARTITIONS, safeString } from "../core/step-guard";
import {
  DEFAULT_RETRIES,
  MAX_IN_FLIGHT_FOR_IDEMPOTENCE,
  NO_PRODUCER_EPOCH,
  NO_PRODUCER_ID,
  type ProducerInit,
  type ProducerPartition,
  type ProducerState,
  type ResolvedProducerConfig,
} from "./types";

const configError = (english: string, korean: string) =>
  fail<ResolvedProducerConfig>("INVALID_CONFIG", `${korean} (ConfigException: ${english})`, "ConfigException");

/** Resolves and validates producer settings the way `KafkaProducer`'s constructor does. */
export function resolveProducerConfig(init: ProducerInit = {}): Result<ResolvedProducerConfig> {
  if (init === null || typeof init !== "object") return fail("INVALID_CONFIG", "프로듀서 설정 객체가 필요합니다.");
  const profile = getProfile(init.profile);
  const partitions = init.partitions ?? 1;
  if (!isInt(partitions) || partitions < 1 || partitions > MAX_SIM_PARTITIONS)
    return fail("INVALID_CONFIG", `파티션 수는 1 이상 ${MAX_SIM_PARTITIONS} 이하의 정수여야 합니다.`);
  const acks = init.acks ?? profile.producer.acks;
  if (!["0", "1", "all"].includes(acks))
    return fail("INVALID_CONFIG", `acks는 0, 1, all 중 하나여야 합니다 (받은 값: ${safeString(acks)}).`);
  const retries = init.retries ?? DEFAULT_RETRIES;
  if (!isInt(retries) || retries < 0) return fail("INVALID_CONFIG", "retries는 0 이상의 정수여야 합니다.");
  const maxInFlight = init.maxInFlight ?? 5;
  if (!isInt(maxInFlight) || maxInFlight < 1)
    return fail("INVALID_CONFIG", "max.in.flight.requests.per.connection은 1 이상의 정수여야 합니다.");
  const transactionalId = init.transactionalId ?? null;
  if (transactionalId !== null && (typeof transactionalId !== "string" || transactionalId === ""))
    return fail("INVALID_CONFIG", "transactional.id는 비어 있지 않은 문자열이어야 합니다.");
  const topic = init.topic ?? "payments";
  if (typeof topic !== "string" || topic === "") return fail("INVALID_CONFIG", "토픽 이름이 필요합니다.");
  const userSet = init.enableIdempotence !== undefined;
  if (userSet && typeof init.enableIdempotence !== "boolean")
    return fail("INVALID_CONFIG", "enable.idempotence는 true 또는 false여야 합니다.");

  let idempotence: boolean;
  let idempotenceDisabledReason: string | null = null;
  if (profile.id === "kafka-2.x") {
    // 2.x: off by default; transactional.id turns it on unless the user switched it off.
    idempotence = init.enableIdempotence ?? transactionalId !== null;
    if (idempotence) {
      if (init.acks !== undefined && acks !== "all")
        return configError("Must set acks to all in order to use the idempotent producer.", "멱등성 프로듀서는 acks=all이어야 합니다");
      if (retries === 0)
        return configError(
          "Must set retries to non-zero when using the idempotent producer.",
          "멱등성 프로듀서는 retries가 0이면 안 됩니다",
        );
      if (maxInFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE)
        return configError(
          "Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.",
          "멱등성 프로듀서는 max.in.flight.requests.per.connection이 5 이하여야 합니다",
        );
    }
  } else {
    idempotence = init.enableIdempotence ?? profile.producer["enable.idempotence"];
    if (idempotence) {
      if (maxInFlight > MAX_IN_FLIGHT_FOR_IDEMPOTENCE)
        return configError(
          "Must set max.in.flight.requests.per.connection to at most 5 to use the idempotent producer.",
          "멱등성 프로듀서는 max.in.flight.requests.per.connection이 5 이하여야 합니다 (4.0부터는 기본 멱등성에서도 오류)",
        );
      const conflict =
        retries === 0
          ? { key: "retries=0", en: "Must set retries to non-zero when using the idempotent producer." }
          : acks !== "all"
            ? {
                key: `acks=${acks}`,
                en: "Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.",
              }
            : null;
      if (conflict && userSet) return configError(conflict.en, `enable.idempotence=true와 ${conflict.key}는 함께 쓸 수 없습니다`);
      if (conflict) {
        idempotence = false;
        idempotenceDisabledReason = `${conflict.key} 설정 때문에 멱등성이 조용히 꺼졌습니다 (enable.idempotence를 직접 설정하지 않았으므로 오류 대신 INFO 로그만 남깁니다).`;
      }
    }
  }
  if (transactionalId !== null && !idempotence)
    return configError(
      "Cannot set a transactional.id without also enabling idempotence.",
      "transactional.id를 쓰려면 멱등성이 켜져 있어야 합니다",
    );
  const effectiveAcks = idempotence ? "all" : acks;
  return ok({
    profile: profile.id,
    topic,
    partitions,
    acks: effectiveAcks,
    retries,
    maxInFlight,
    idempotence,
    idempotenceDisabledReason,
    transactionalId,
  });
}

/** An empty partition on the broker. */
function emptyPartition(partition: number): ProducerPartition {
  return { partition, records: [], logStartOffset: 0, logEndOffset: 0, highWatermark: 0, producers: {}, aborted: [] };
}

/** Validates the config and builds a producer with no producer id yet, against an empty topic. */
export function createProducerState(init: ProducerInit = {}): Result<ProducerState> {
  const config = resolveProducerConfig(init);
  if (!config.ok) return config;
  const c = config.value;
  return ok({
    config: c,
    client: {
      producerId: NO_PRODUCER_ID,
      epoch: NO_PRODUCER_EPOCH,
      nextSequence: new Array(c.partitions).fill(0),
      txnState: "UNINITIALIZED",
      txnPartitions: [],
      inFlight: [],
      nextBatchId: 0,
      failed: [],
    },
    broker: { nextProducerId: 1000, transactions: {}, partitions: Array.from({ length: c.partitions }, (_, p) => emptyPartition(p)) },
    trace: c.idempotenceDisabledReason ? [{ kind: "config", message: c.idempotenceDisabledReason }] : [],
    lastError: null,
  });
}
