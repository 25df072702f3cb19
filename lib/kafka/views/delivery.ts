/** What the delivery lab shows: the partition log with sequences and markers, LSO/HW, what each isolation level reads. */
import { consumerView, duplicateWrites, producerIdentity, producerPartitionView } from "../producer/selectors";
import type { IsolationLevel } from "../producer/selectors";
import type { ProducerState } from "../producer/types";
import type { Prediction } from "./prediction";

/** Selector: everything the delivery lab draws for partition 0. */
export function deliveryView(s: ProducerState, isolation: IsolationLevel) {
  const log = producerPartitionView(s, 0);
  return {
    log,
    identity: producerIdentity(s),
    idempotence: s.config.idempotence,
    idempotenceNote: s.config.idempotenceDisabledReason,
    transactional: s.config.transactionalId !== null,
    duplicates: duplicateWrites(s, 0),
    consumed: consumerView(s, 0, isolation).map((r) => r.value),
  };
}

/** Narration: the newest trace lines the event added. */
export function narrateDelivery(before: ProducerState, after: ProducerState): string {
  if (after.lastError) return after.lastError.message;
  const added = after.trace.slice(Math.min(before.trace.length, after.trace.length));
  return added.map((t) => t.message).join(" ");
}

/** Predict: a response is lost and the producer retries — how many copies end up in the log? */
export const deliveryPrediction: Prediction = {
  question: "브로커가 기록한 뒤 응답이 사라져 프로듀서가 같은 배치를 다시 보내면, 로그에 그 레코드는 몇 번 기록될까요?",
  choices: [
    { id: "1", label: "한 번" },
    { id: "2", label: "두 번 (중복)" },
  ],
  hint: "레코드를 보낸 뒤 「응답 유실」로 전달하고, 다시 「정상 전달」해 보세요.",
};

/** Copies of the retried batch's first record once a retry has completed, else null. */
export function deliveryOutcome(s: ProducerState): string | null {
  const retried = s.trace.some((t) => t.kind === "retry");
  if (!retried || s.client.inFlight.length > 0) return null;
  return duplicateWrites(s, 0).length > 0 ? "2" : "1";
}
