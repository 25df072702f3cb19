/** What the replication lab shows: replicas, HW, the last produce, elections and lost records. */
import { formatSimTimeKo } from "./time";
import { highWatermark, listRequests, lostAcknowledgedRecords } from "../replication/queries";
import type { ReplicationState } from "../replication/types";
import { narrateElr } from "./elr";
import type { Prediction } from "./prediction";

/** Selectors a replication widget shows: HW, and acknowledged records no replica can serve any more. */
export const replicationView = (s: ReplicationState) => ({
  highWatermark: highWatermark(s),
  lostAcknowledged: lostAcknowledgedRecords(s),
  requests: listRequests(s).length,
});

const STATUS_TEXT: Record<string, string> = {
  pending: "ISR 전원이 복제하기를 기다리는 중",
  acknowledged: "성공 응답(ack)을 받음",
  sent: "보냄 (acks=0이라 응답을 기다리지 않음)",
  failed: "실패",
};

/**
 * The lab's narration: the last produce's fate, the latest election and (4.x) what changed in the
 * ELR since `before`, in Korean.
 */
export function describeReplication(s: ReplicationState, before: ReplicationState | null = null): string {
  if (s.lastError) return s.lastError.message;
  const lastElection = s.elections[s.elections.length - 1];
  const p = s.lastProduce;
  const parts: string[] = [];
  if (p) {
    const where = p.offset >= 0 ? `오프셋 ${p.offset}` : "기록되지 않음";
    parts.push(`마지막 레코드(acks=${p.acks}): ${where}, ${STATUS_TEXT[p.status] ?? p.status}${p.error ? ` — ${p.error}` : ""}.`);
    if (p.error === "REQUEST_TIMED_OUT")
      parts.push(
        "브로커가 REQUEST_TIMED_OUT으로 답했습니다 (레코드는 리더에 이미 기록됨). 실제 프로듀서는 delivery.timeout.ms(기본 2분)까지 재시도하고, 멱등성이 켜져 있으면 재시도해도 중복이 생기지 않습니다. 이 실습은 요청 하나만 보여 줍니다.",
      );
  }
  if (lastElection && (!p || lastElection.atMs >= p.requestedAtMs)) {
    parts.push(
      lastElection.leader >= 0
        ? `${formatSimTimeKo(lastElection.atMs)}: 브로커 ${lastElection.leader}이(가) 새 리더가 되었습니다 (epoch ${lastElection.leaderEpoch}${lastElection.unclean ? ", unclean 선출" : ""}).`
        : `${formatSimTimeKo(lastElection.atMs)}: 살아 있는 ISR${s.config.eligibleLeaderReplicas ? "·ELR" : ""} 멤버가 없어 파티션이 오프라인입니다.`,
    );
  }
  const elr = before ? narrateElr(`${s.config.topic}-${s.config.partition}`, before, s) : null;
  if (elr) parts.push(elr);
  return parts.length ? parts.join(" ") : "레코드를 보내 보세요. 시간을 흘려야 팔로워가 따라옵니다.";
}

/** Predict: stop the leader — who leads next? */
export function replicationPrediction(s: ReplicationState): Prediction {
  const [first, ...rest] = s.config.replicas;
  return {
    question: `리더인 브로커 ${first}을(를) 끄면 누가 새 리더가 될까요?`,
    choices: [...rest.map((b) => ({ id: `broker-${b}`, label: `브로커 ${b}` })), { id: "offline", label: "아무도 (오프라인)" }],
    hint: `브로커 ${first} 끄기를 눌러 보세요.`,
  };
}

/** The outcome once the first replica is down. */
export function replicationOutcome(s: ReplicationState): string | null {
  const first = s.replicas.find((r) => r.brokerId === s.config.replicas[0]);
  if (!first || first.running) return null;
  return s.leader >= 0 ? `broker-${s.leader}` : "offline";
}
