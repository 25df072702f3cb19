/**
 * `stepProducer(state, event)`: the producer's sends, the network's deliveries (with lost requests
 * or responses, so retries either duplicate or are deduplicated), and transactions. Never throws.
 */
import type { SimError } from "../core/errors";
import { guardStep, invalidEvent, isInt, safeString, unknownEvent, withError } from "../core/step-guard";
import { tryPartitionForKey } from "../partitioner/murmur2";
import { appendProducerBatch, checkProducerBatch } from "./broker";
import { addPartitionToTxn, completeTransaction, initProducerId, traceProducer } from "./transactions";
import { NO_PRODUCER_ID, type DeliveryFault, type InFlightBatch, type ProducerEvent, type ProducerState } from "./types";

const MAX_VALUES_PER_SEND = 100;
const kafkaError = (message: string, name: string): SimError => ({ code: "KAFKA_ERROR", message, kafkaError: name });

/** Client-side state errors (Kafka throws `IllegalStateException` / `ProducerFencedException`). */
function stateError(s: ProducerState, message: string, name = "IllegalStateException"): ProducerState {
  return withError(s, kafkaError(message, name));
}

/** Idempotent, non-transactional producers get their id lazily before the first send. */
function ensureProducerId(s: ProducerState): ProducerState {
  if (!s.config.idempotence || s.config.transactionalId !== null || s.client.producerId !== NO_PRODUCER_ID) return s;
  const producerId = s.broker.nextProducerId;
  const out = { ...s, client: { ...s.client, producerId, epoch: 0 }, broker: { ...s.broker, nextProducerId: producerId + 1 } };
  return traceProducer(out, { kind: "txn", message: `InitProducerId: 프로듀서 ID ${producerId}, 에포크 0을 받았습니다.` });
}

function send(s0: ProducerState, e: Extract<ProducerEvent, { type: "send" }>): ProducerState {
  const values: unknown = e.values;
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_VALUES_PER_SEND || !values.every((v) => typeof v === "string"))
    return invalidEvent(s0, `values는 1~${MAX_VALUES_PER_SEND}개의 문자열 목록이어야 합니다.`);
  if (e.key !== undefined && e.key !== null && typeof e.key !== "string") return invalidEvent(s0, "key는 문자열이나 null이어야 합니다.");
  const key = e.key ?? null;
  let partition = e.partition;
  if (partition === undefined) {
    const byKey = key === null ? null : tryPartitionForKey(key, s0.config.partitions);
    partition = byKey && byKey.ok ? byKey.value : 0;
  }
  if (!isInt(partition) || partition < 0 || partition >= s0.config.partitions)
    return invalidEvent(s0, `파티션 ${safeString(partition)}은(는) 없습니다 (0~${s0.config.partitions - 1}).`);
  const txnId = s0.config.transactionalId;
  if (s0.client.txnState === "FENCED")
    return stateError(s0, "이 프로듀서는 펜싱되었습니다. 닫고 새로 만들어야 합니다.", "ProducerFencedException");
  if (txnId !== null && s0.client.txnState !== "IN_TRANSACTION")
    return stateError(s0, "트랜잭션 프로듀서는 beginTransaction() 뒤에만 send할 수 있습니다.");
  if (s0.client.inFlight.length >= s0.config.maxInFlight)
    return invalidEvent(
      s0,
      `응답을 기다리는 요청이 이미 ${s0.config.maxInFlight}개입니다 (max.in.flight.requests.per.connection). 먼저 deliver하세요.`,
    );
  let s = ensureProducerId(s0);
  if (txnId !== null) {
    const added = addPartitionToTxn(s, txnId, partition);
    if (added === "PRODUCER_FENCED") return fenced(s);
    if (!s.client.txnPartitions.includes(partition))
      s = traceProducer(added, { kind: "txn", message: `AddPartitionsToTxn: 파티션 ${partition}을(를) 트랜잭션에 추가합니다.` });
    else s = added;
  }
  const idem = s.config.idempotence;
  const baseSequence = idem ? s.client.nextSequence[partition] : -1;
  const batch: InFlightBatch = {
    id: s.client.nextBatchId,
    partition,
    key,
    values: [...(values as string[])],
    producerId: s.client.producerId,
    epoch: s.client.epoch,
    baseSequence,
    transactional: txnId !== null,
    attempts: 0,
  };
  const nextSequence = idem ? s.client.nextSequence.map((q, p) => (p === partition ? q + batch.values.length : q)) : s.client.nextSequence;
  s = { ...s, client: { ...s.client, inFlight: [...s.client.inFlight, batch], nextBatchId: batch.id + 1, nextSequence } };
  const seq = idem ? `, 시퀀스 ${baseSequence}${batch.values.length > 1 ? `~${baseSequence + batch.values.length - 1}` : ""}` : "";
  return traceProducer(s, {
    kind: "send",
    message: `배치 #${batch.id}(${batch.values.join(", ")})를 파티션 ${partition}으로 보냅니다${seq}.`,
  });
}

function fenced(s: ProducerState): ProducerState {
  const out = { ...s, client: { ...s.client, txnState: "FENCED" as const } };
  return withError(
    traceProducer(out, {
      kind: "error",
      kafkaError: "PRODUCER_FENCED",
      message: "같은 transactional.id의 새 인스턴스가 있어 이 프로듀서는 펜싱되었습니다.",
    }),
    kafkaError("같은 transactional.id를 쓰는 더 새로운 프로듀서가 있습니다 (PRODUCER_FENCED).", "PRODUCER_FENCED"),
  );
}

/** Removes a batch from flight, recording it as finally failed. */
function failBatch(s: ProducerState, b: InFlightBatch, error: string, message: string): ProducerState {
  const client = {
    ...s.client,
    inFlight: s.client.inFlight.filter((x) => x.id !== b.id),
    failed: [...s.client.failed, { batchId: b.id, partition: b.partition, values: b.values, error }],
  };
  return traceProducer({ ...s, client }, { kind: "error", kafkaError: error, message });
}

/** After a failed attempt: retry later if `retries` allows, else the send fails. */
function retryOrFail(s: ProducerState, b: InFlightBatch, error: string, why: string): ProducerState {
  const attempts = b.attempts + 1;
  if (attempts > s.config.retries)
    return failBatch(s, b, error, `${why} 재시도 횟수(retries=${s.config.retries})를 다 써서 배치 #${b.id} 전송이 실패합니다.`);
  const inFlight = s.client.inFlight.map((x) => (x.id === b.id ? { ...x, attempts } : x));
  return traceProducer(
    { ...s, client: { ...s.client, inFlight } },
    { kind: "retry", kafkaError: error, message: `${why} 배치 #${b.id}를 다시 보냅니다 (시도 ${attempts + 1}).` },
  );
}

/** One delivery attempt of an in-flight batch. */
function deliver(s: ProducerState, batchId: number | undefined, fault: DeliveryFault): ProducerState {
  if (!["none", "requestLost", "responseLost"].includes(fault))
    return invalidEvent(s, "fault는 none, requestLost, responseLost 중 하나입니다.");
  if (batchId !== undefined && !isInt(batchId)) return invalidEvent(s, "batchId는 정수여야 합니다.");
  const b = batchId === undefined ? s.client.inFlight[0] : s.client.inFlight.find((x) => x.id === batchId);
  if (!b) return invalidEvent(s, batchId === undefined ? "보낼 배치가 없습니다." : `전송 중인 배치 #${batchId}가 없습니다.`);
  const acks0 = s.config.acks === "0";
  if (fault === "requestLost") {
    if (acks0) return failBatch(s, b, "NONE", `acks=0: 요청이 사라졌지만 프로듀서는 알지 못합니다. 배치 #${b.id}는 유실됩니다.`);
    return retryOrFail(s, b, "NETWORK_EXCEPTION", "요청이 브로커에 닿지 못했습니다 (타임아웃).");
  }
  const part = s.broker.partitions[b.partition];
  const check = checkProducerBatch(part, b);
  let out = s;
  if (check?.kind === "error") {
    if (check.kafkaError === "INVALID_PRODUCER_EPOCH") return fenced(failBatch(s, b, check.kafkaError, check.message));
    out = traceProducer(s, { kind: "error", kafkaError: check.kafkaError, message: `브로커: ${check.message}` });
    return fault === "responseLost"
      ? retryOrFail(out, b, "REQUEST_TIMED_OUT", "응답을 받지 못했습니다.")
      : retryOrFail(out, b, check.kafkaError, "앞선 배치가 아직 기록되지 않았습니다.");
  }
  if (check?.kind === "duplicate") {
    out = traceProducer(s, {
      kind: "duplicate",
      message: `브로커: 배치 #${b.id}는 이미 오프셋 ${check.firstOffset}에 있습니다. 중복을 버리고 원래 오프셋을 돌려줍니다.`,
    });
  } else {
    const { part: next, firstOffset } = appendProducerBatch(part, b);
    out = { ...s, broker: { ...s.broker, partitions: s.broker.partitions.map((p, i) => (i === b.partition ? next : p)) } };
    const copies = part.records.filter((r) => r.batchId === b.id).length > 0 ? " (같은 배치가 한 번 더 기록되어 중복이 생겼습니다)" : "";
    out = traceProducer(out, {
      kind: "append",
      message: `브로커: 배치 #${b.id}를 파티션 ${b.partition}의 오프셋 ${firstOffset}에 기록했습니다${copies}.`,
    });
  }
  if (fault === "responseLost" && !acks0) return retryOrFail(out, b, "REQUEST_TIMED_OUT", "기록은 되었지만 응답이 사라졌습니다.");
  return { ...out, client: { ...out.client, inFlight: out.client.inFlight.filter((x) => x.id !== b.id) } };
}

/** Delivers every in-flight batch without faults (what `flush`, `commitTransaction` wait for). */
function flush(s: ProducerState): ProducerState {
  let out = s;
  for (let guard = 0; out.client.inFlight.length > 0 && guard < 50; guard++) out = deliver(out, undefined, "none");
  return out;
}

function endTransaction(s: ProducerState, marker: "COMMIT" | "ABORT"): ProducerState {
  const txnId = s.config.transactionalId;
  if (txnId === null) return stateError(s, "transactional.id가 없는 프로듀서는 트랜잭션을 쓸 수 없습니다.");
  if (s.client.txnState === "FENCED") return stateError(s, "펜싱된 프로듀서입니다.", "ProducerFencedException");
  if (s.client.txnState !== "IN_TRANSACTION") return stateError(s, "진행 중인 트랜잭션이 없습니다 (beginTransaction 먼저).");
  const flushed = flush(s);
  const entry = flushed.broker.transactions[txnId];
  if (flushed.client.txnState === "FENCED" || !entry || entry.epoch !== flushed.client.epoch) return fenced(flushed);
  const lostOwn = flushed.client.failed.length > s.client.failed.length;
  if (marker === "COMMIT" && lostOwn)
    return withError(
      flushed,
      kafkaError("트랜잭션의 배치 전송이 실패해 커밋할 수 없습니다. abortTransaction()을 호출하세요.", "KafkaException"),
    );
  let out = completeTransaction(flushed, txnId, marker);
  out = { ...out, client: { ...out.client, txnState: "READY", txnPartitions: [] } };
  return traceProducer(out, { kind: "txn", message: marker === "COMMIT" ? "트랜잭션을 커밋했습니다." : "트랜잭션을 중단했습니다." });
}

function applyProducerEvent(s0: ProducerState, e: ProducerEvent): ProducerState {
  const s = s0.lastError === null ? s0 : { ...s0, lastError: null };
  const txnId = s.config.transactionalId;
  switch (e.type) {
    case "send":
      return send(s, e);
    case "deliver":
      return deliver(s, e.batchId, e.fault ?? "none");
    case "flush":
      return flush(s);
    case "initTransactions": {
      if (txnId === null) return stateError(s, "transactional.id가 없으면 initTransactions()를 호출할 수 없습니다.");
      if (s.client.txnState !== "UNINITIALIZED") return stateError(s, "initTransactions()는 한 번만 호출합니다.");
      const r = initProducerId(s, txnId);
      const client = {
        ...r.state.client,
        producerId: r.producerId,
        epoch: r.epoch,
        txnState: "READY" as const,
        nextSequence: s.client.nextSequence.map(() => 0),
      };
      return traceProducer(
        { ...r.state, client },
        { kind: "txn", message: `initTransactions: 프로듀서 ID ${r.producerId}, 에포크 ${r.epoch}.` },
      );
    }
    case "beginTransaction":
      if (txnId === null) return stateError(s, "transactional.id가 없는 프로듀서는 트랜잭션을 시작할 수 없습니다.");
      if (s.client.txnState === "FENCED") return stateError(s, "펜싱된 프로듀서입니다.", "ProducerFencedException");
      if (s.client.txnState !== "READY")
        return stateError(
          s,
          s.client.txnState === "UNINITIALIZED" ? "initTransactions()를 먼저 호출해야 합니다." : "이미 트랜잭션이 진행 중입니다.",
        );
      return traceProducer({ ...s, client: { ...s.client, txnState: "IN_TRANSACTION" } }, { kind: "txn", message: "beginTransaction()" });
    case "commitTransaction":
      return endTransaction(s, "COMMIT");
    case "abortTransaction":
      return endTransaction(s, "ABORT");
    case "fence": {
      if (txnId === null || s.client.txnState === "UNINITIALIZED")
        return stateError(s, "초기화된 트랜잭션 프로듀서가 있어야 펜싱을 보여 줄 수 있습니다.");
      const r = initProducerId(s, txnId);
      return traceProducer(r.state, {
        kind: "txn",
        message: `같은 transactional.id로 새 인스턴스가 시작되어 에포크가 ${r.epoch}로 올랐습니다.`,
      });
    }
    default:
      return unknownEvent(s, e);
  }
}

/** Applies one event to the producer simulation. */
export function stepProducer(state: ProducerState, event: ProducerEvent): ProducerState {
  return guardStep(state, event, applyProducerEvent);
}
