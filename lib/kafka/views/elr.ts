/** Korean narration of eligible leader replicas (KIP-966) for the replication and cluster labs. */
import type { ReplicationState } from "../replication/types";

const list = (ids: readonly number[]) => `[${ids.join(", ")}]`;

/**
 * One or two Korean sentences on what changed in a partition's ELR and whether the new leader came
 * from it; null when ELR is off or nothing about it changed. `name` is the partition as shown.
 */
export function narrateElr(name: string, before: ReplicationState | null, after: ReplicationState): string | null {
  if (!after.config.eligibleLeaderReplicas) return null;
  const parts: string[] = [];
  const election = after.elections[after.elections.length - 1];
  const newElection = election && election !== before?.elections[before.elections.length - 1];
  if (newElection && election.fromElr)
    parts.push(
      `${name}: ISR이 비어 있어 ELR의 브로커 ${election.leader}이(가) 새 리더가 되었습니다. ELR 멤버는 커밋된 레코드를 모두 가지고 있어 잃는 레코드가 없습니다.`,
    );
  else if (newElection && election.lastKnownLeader)
    parts.push(
      `${name}: ISR과 ELR이 모두 비어 있어, 마지막 리더였던 브로커 ${election.leader}이(가) 돌아와 리더가 되었습니다 (Kafka는 이를 unclean 선출로 기록합니다).`,
    );
  const was = before?.elr ?? [];
  if (was.join() !== after.elr.join()) {
    const min = Math.min(after.config.minInsyncReplicas, after.config.replicas.length);
    parts.push(
      after.elr.length > 0
        ? `${name}의 ELR(적격 리더 복제본)이 ${list(was)}에서 ${list(after.elr)}이(가) 되었습니다: ISR ${list(after.isr)}이(가) min.insync.replicas(${min})보다 작아, ISR에서 빠진 복제본이 리더 후보로 남습니다.`
        : `${name}의 ELR이 비었습니다${after.isr.length >= min ? ` (ISR이 다시 min.insync.replicas(${min}) 이상)` : ""}.`,
    );
  }
  if (after.leader < 0 && after.isr.length === 0 && after.elr.length === 0 && before && (before.elr.length > 0 || before.isr.length > 0))
    parts.push(
      after.lastKnownLeader.length
        ? `${name}은(는) ISR도 ELR도 비어 마지막 리더 브로커 ${after.lastKnownLeader[0]}이(가) 돌아오기를 기다립니다.`
        : `${name}은(는) ISR도 ELR도 비어 리더가 될 수 있는 복제본이 없습니다.`,
    );
  return parts.length ? parts.join(" ") : null;
}
