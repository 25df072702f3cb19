/**
 * `stepConsumerProtocol(state, event)`: the KIP-848 group coordinator. A membership change bumps
 * the group epoch and recomputes the target assignment at once; each member then reconciles on its
 * own heartbeats (`CurrentAssignmentBuilder`): first revoke what left its target (state
 * UNREVOKED_PARTITIONS, epoch unchanged), then take the new epoch and every target partition no
 * other member still holds (UNRELEASED_PARTITIONS until they are released). Never throws.
 */
import { guardStep, invalidEvent, safeString, unknownEvent, withError, MAX_SIM_PARTITIONS } from "../core/step-guard";
import { assignRange } from "./assign-range";
import { assignSticky } from "./assign-sticky";
import type { ConsumerProtocolEvent, ConsumerProtocolMember, ConsumerProtocolState } from "./consumer-protocol-types";
import { compareTp } from "./topic-partitions";

const HISTORY_LIMIT = 200;

function note(s: ConsumerProtocolState, kind: ConsumerProtocolState["history"][number]["kind"], message: string): ConsumerProtocolState {
  const history = [...s.history, { atMs: s.nowMs, kind, message }];
  return { ...s, history: history.length > HISTORY_LIMIT ? history.slice(-HISTORY_LIMIT) : history };
}

/**
 * The server assignor. `range` = per topic, members sorted by id, contiguous ranges; `uniform` =
 * balanced and sticky to the previous target (computed here with the engine's sticky algorithm).
 */
export function computeTargetAssignment(s: ConsumerProtocolState): Record<string, string[]> {
  const members = s.members.map((m) => ({
    memberId: m.memberId,
    topics: m.topics,
    owned: s.targetAssignment[m.memberId] ?? [],
    generation: 1,
  }));
  if (members.length === 0) return {};
  return s.config.assignor === "range" ? assignRange(s.topics, members) : assignSticky(s.topics, members);
}

/** Bumps the group epoch and installs a new target assignment at that epoch. */
function bumpEpoch(s: ConsumerProtocolState, why: string): ConsumerProtocolState {
  const groupEpoch = s.groupEpoch + 1;
  const next = { ...s, groupEpoch, assignmentEpoch: groupEpoch };
  return note(
    { ...next, targetAssignment: computeTargetAssignment(next) },
    "epoch",
    `그룹 에포크 ${groupEpoch}: ${why}. 새 목표 할당을 계산합니다.`,
  );
}

/** Partitions some other member still owns or is still revoking. */
function heldByOthers(s: ConsumerProtocolState, memberId: string): Set<string> {
  return new Set(s.members.filter((m) => m.memberId !== memberId).flatMap((m) => [...m.assigned, ...m.pendingRevocation]));
}

/** One reconciliation step for a member (what its heartbeat response tells it). */
export function reconcileMember(s: ConsumerProtocolState, m: ConsumerProtocolMember): ConsumerProtocolMember {
  if (m.pendingRevocation.length > 0) return m; // must finish revoking first
  const target = s.targetAssignment[m.memberId] ?? [];
  const toRevoke = m.assigned.filter((tp) => !target.includes(tp));
  if (toRevoke.length > 0)
    return { ...m, state: "UNREVOKED_PARTITIONS", assigned: m.assigned.filter((tp) => target.includes(tp)), pendingRevocation: toRevoke };
  const held = heldByOthers(s, m.memberId);
  const assigned = target.filter((tp) => !held.has(tp)).sort(compareTp);
  return { ...m, memberEpoch: s.assignmentEpoch, assigned, state: assigned.length < target.length ? "UNRELEASED_PARTITIONS" : "STABLE" };
}

function replaceMember(s: ConsumerProtocolState, m: ConsumerProtocolMember): ConsumerProtocolState {
  return { ...s, members: s.members.map((x) => (x.memberId === m.memberId ? m : x)) };
}

/** Applies a member's reconciliation and narrates what changed. */
function heartbeatResponse(s: ConsumerProtocolState, before: ConsumerProtocolMember): ConsumerProtocolState {
  const after = reconcileMember(s, before);
  let out = replaceMember(s, after);
  const revoked = after.pendingRevocation.filter((tp) => !before.pendingRevocation.includes(tp));
  if (revoked.length > 0)
    out = note(out, "revoke", `${after.memberId}: ${revoked.join(", ")}을(를) 먼저 내려놓아야 합니다 (에포크 ${after.memberEpoch} 유지).`);
  const gained = after.assigned.filter((tp) => !before.assigned.includes(tp));
  if (gained.length > 0 || after.memberEpoch !== before.memberEpoch)
    out = note(
      out,
      "assign",
      `${after.memberId}: 에포크 ${after.memberEpoch}, 할당 [${after.assigned.join(", ")}]${after.state === "UNRELEASED_PARTITIONS" ? " (다른 멤버가 아직 놓지 않은 파티션은 기다립니다)" : ""}.`,
    );
  return out;
}

function validTopics(s: ConsumerProtocolState, topics: unknown): string | null {
  if (!Array.isArray(topics) || topics.length === 0 || !topics.every((t) => typeof t === "string"))
    return "topics는 토픽 이름(문자열)의 목록이어야 합니다.";
  const missing = topics.filter((t) => s.topics[t] === undefined);
  return missing.length > 0 ? `구독할 토픽이 없습니다: ${missing.join(", ")}` : null;
}

function removeMember(s: ConsumerProtocolState, memberId: string, kind: "leave" | "fenced", message: string): ConsumerProtocolState {
  const out = note({ ...s, members: s.members.filter((m) => m.memberId !== memberId) }, kind, message);
  const rest = Object.fromEntries(Object.entries(out.targetAssignment).filter(([id]) => id !== memberId));
  return bumpEpoch({ ...out, targetAssignment: rest }, `${memberId} 이탈`);
}

function applyEvent(s0: ConsumerProtocolState, e: ConsumerProtocolEvent): ConsumerProtocolState {
  const s = s0.lastError === null ? s0 : { ...s0, lastError: null };
  const member = "memberId" in e ? s.members.find((m) => m.memberId === e.memberId) : undefined;
  const needsMember = e.type === "heartbeat" || e.type === "subscribe" || e.type === "leave";
  if (needsMember && !member)
    return withError(s, {
      code: "KAFKA_ERROR",
      message: `그룹에 '${safeString((e as { memberId?: unknown }).memberId)}' 멤버가 없습니다 (UNKNOWN_MEMBER_ID).`,
      kafkaError: "UNKNOWN_MEMBER_ID",
    });
  switch (e.type) {
    case "join": {
      if (typeof e.memberId !== "string" || e.memberId === "") return invalidEvent(s, "memberId가 필요합니다.");
      if (member) return invalidEvent(s, `'${e.memberId}'는 이미 그룹의 멤버입니다.`);
      const problem = validTopics(s, e.topics);
      if (problem) return withError(s, { code: "KAFKA_ERROR", message: problem, kafkaError: "UNKNOWN_TOPIC_OR_PARTITION" });
      const m: ConsumerProtocolMember = {
        memberId: e.memberId,
        memberEpoch: 0,
        state: "STABLE",
        topics: [...e.topics],
        assigned: [],
        pendingRevocation: [],
        lastHeartbeatMs: s.nowMs,
      };
      const joined = bumpEpoch(
        note({ ...s, members: [...s.members, m] }, "join", `${e.memberId}가 하트비트(memberEpoch=0)로 참가합니다.`),
        `${e.memberId} 참가`,
      );
      return heartbeatResponse(joined, m);
    }
    case "heartbeat": {
      if (e.stillRevoking !== undefined && typeof e.stillRevoking !== "boolean")
        return invalidEvent(s, "stillRevoking은 true/false입니다.");
      const m = { ...member!, lastHeartbeatMs: s.nowMs };
      const acked = m.pendingRevocation.length > 0 && !e.stillRevoking;
      const ready = acked ? { ...m, pendingRevocation: [], state: "STABLE" as const } : m;
      const out = acked ? note(s, "revoke", `${m.memberId}가 ${m.pendingRevocation.join(", ")} 반납을 마쳤습니다.`) : s;
      return heartbeatResponse(replaceMember(out, ready), ready);
    }
    case "subscribe": {
      const problem = validTopics(s, e.topics);
      if (problem) return invalidEvent(s, problem);
      const m = { ...member!, topics: [...e.topics], lastHeartbeatMs: s.nowMs };
      const out = bumpEpoch(replaceMember(s, m), `${m.memberId}의 구독 변경`);
      return heartbeatResponse(out, m);
    }
    case "leave":
      return removeMember(
        s,
        member!.memberId,
        "leave",
        `${member!.memberId}가 memberEpoch=-1 하트비트로 떠납니다. 소유 파티션은 즉시 풀립니다.`,
      );
    case "tick": {
      if (typeof e.ms !== "number" || !Number.isInteger(e.ms) || e.ms < 0 || e.ms > 30 * 86_400_000)
        return invalidEvent(s, "tick의 ms는 0 이상 30일 이하의 정수여야 합니다.");
      let out: ConsumerProtocolState = { ...s, nowMs: s.nowMs + e.ms };
      for (const m of out.members)
        if (out.nowMs - m.lastHeartbeatMs >= out.config.sessionTimeoutMs)
          out = removeMember(
            out,
            m.memberId,
            "fenced",
            `${m.memberId}의 하트비트가 세션 타임아웃(${out.config.sessionTimeoutMs}ms) 동안 없어 펜싱됩니다.`,
          );
      return out;
    }
    case "addPartitions": {
      const current = s.topics[e.topic];
      if (current === undefined)
        return withError(s, {
          code: "KAFKA_ERROR",
          message: `토픽 '${safeString(e.topic)}'이 없습니다.`,
          kafkaError: "UNKNOWN_TOPIC_OR_PARTITION",
        });
      if (!Number.isInteger(e.count) || e.count <= current || e.count > MAX_SIM_PARTITIONS)
        return withError(s, {
          code: "KAFKA_ERROR",
          message: `파티션 수는 늘리기만 할 수 있습니다 (현재 ${current}개, 최대 ${MAX_SIM_PARTITIONS}개).`,
          kafkaError: "INVALID_PARTITIONS",
        });
      const out = { ...s, topics: { ...s.topics, [e.topic]: e.count } };
      return out.members.some((m) => m.topics.includes(e.topic)) ? bumpEpoch(out, `${e.topic}의 파티션이 ${e.count}개로 늘어남`) : out;
    }
    case "setAssignor":
      if (e.assignor !== "uniform" && e.assignor !== "range") return invalidEvent(s, "서버 할당자는 uniform 또는 range입니다.");
      return bumpEpoch({ ...s, config: { ...s.config, assignor: e.assignor } }, `서버 할당자 ${e.assignor}`);
    default:
      return unknownEvent(s, e);
  }
}

/** Applies one event to a KIP-848 consumer group. */
export function stepConsumerProtocol(state: ConsumerProtocolState, event: ConsumerProtocolEvent): ConsumerProtocolState {
  return guardStep(state, event, applyEvent);
}
