/**
 * `stepGroup(state, event)`: one switch over the consumer-group events. Never throws; invalid
 * events keep the state and record a Korean `SimError` in `lastError`.
 */
import type { SimError } from "../core/errors";
import { guardStep, MAX_SIM_PARTITIONS } from "../core/step-guard";
import { log, type GroupEvent, type GroupMember, type GroupState } from "./group-types";
import { applyCommit, pollRecords, updateMember } from "./offsets";
import { advanceRebalance, expirePollIntervals, expireSessions, rejoinMember, removeMember, startRebalance } from "./rebalance";
import { tpKey } from "./topic-partitions";

const err = (state: GroupState, error: SimError): GroupState => ({ ...state, lastError: error });
const invalid = (message: string): SimError => ({ code: "INVALID_EVENT", message });
const kafka = (message: string, kafkaError: string): SimError => ({ code: "KAFKA_ERROR", message, kafkaError });
const unknownMember = (id: unknown): SimError =>
  kafka(`그룹에 '${String(id)}' 멤버가 없습니다 (UNKNOWN_MEMBER_ID). 다시 join해야 합니다.`, "UNKNOWN_MEMBER_ID");
const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** Drops offsets of a group that stayed Empty for `offsets.retention.minutes`; the group becomes Dead. */
export function expireOffsets(state: GroupState): GroupState {
  if (state.state !== "Empty" || state.emptySinceMs === null) return state;
  if (state.nowMs - state.emptySinceMs < state.config.offsetsRetentionMs) return state;
  const s = { ...state, committed: {}, state: "Dead" as const, emptySinceMs: null };
  return log(s, "state", "빈 그룹의 오프셋 보존 기간(offsets.retention.minutes)이 지나 오프셋이 삭제되고 그룹이 Dead가 됩니다.");
}

/** Handles JoinGroup: a new member, or a static member coming back under a new member id. */
function join(state: GroupState, ev: Extract<GroupEvent, { type: "join" }>): GroupState {
  if (typeof ev.memberId !== "string" || ev.memberId === "") return err(state, invalid("memberId가 필요합니다."));
  if (state.members.some((m) => m.memberId === ev.memberId)) return err(state, invalid(`'${ev.memberId}'는 이미 그룹의 멤버입니다.`));
  const topics: unknown = ev.topics ?? Object.keys(state.topics);
  if (!Array.isArray(topics) || !topics.every((t) => typeof t === "string"))
    return err(state, invalid("topics는 토픽 이름(문자열)의 목록이어야 합니다."));
  const missing = topics.filter((t) => state.topics[t] === undefined);
  if (missing.length > 0 || topics.length === 0)
    return err(
      state,
      kafka(`구독할 토픽이 없습니다: ${missing.join(", ") || "(빈 목록)"} (UNKNOWN_TOPIC_OR_PARTITION)`, "UNKNOWN_TOPIC_OR_PARTITION"),
    );
  let s: GroupState = { ...state, lastError: null };
  const instance = ev.groupInstanceId ?? null;
  const now = s.nowMs;
  const existingStatic = instance === null ? undefined : s.members.find((m) => m.groupInstanceId === instance);
  if (existingStatic) {
    // KIP-345: a known group.instance.id takes its old place (and partitions) without a rebalance.
    const back = { ...existingStatic, memberId: ev.memberId, alive: true, polling: true, lastHeartbeatMs: now, lastPollMs: now };
    s = { ...s, members: s.members.map((m) => (m === existingStatic ? back : m)) };
    if (s.leaderId === existingStatic.memberId) s.leaderId = ev.memberId;
    return log(s, "join", `정적 멤버 ${instance}가 ${ev.memberId}로 돌아왔습니다: 리밸런스 없이 기존 파티션을 유지합니다.`);
  }
  if (s.state === "Dead") {
    s = log({ ...s, state: "Empty", emptySinceMs: now }, "state", "Dead 그룹에 새 멤버가 와서 그룹을 새로 만듭니다.");
  }
  const member: GroupMember = {
    memberId: ev.memberId,
    groupInstanceId: instance,
    topics: [...topics],
    alive: true,
    polling: true,
    lastHeartbeatMs: now,
    lastPollMs: now,
    generation: null,
    rejoined: true,
    assignment: [],
    previousAssignment: [],
    positions: {},
    lastAutoCommitMs: now,
  };
  s = log({ ...s, members: [...s.members, member] }, "join", `${ev.memberId} JoinGroup`);
  s = startRebalance(s, `${ev.memberId} 참가`);
  return updateMember(s, { ...s.members.find((m) => m.memberId === ev.memberId)!, rejoined: true });
}

/** Applies an explicit or position-based OffsetCommit after the coordinator's checks. */
function commit(state: GroupState, m: GroupMember, offsets?: Record<string, number>): GroupState {
  if (state.state === "CompletingRebalance")
    return err(state, kafka("리밸런스 중(CompletingRebalance)이라 커밋이 거부됩니다 (REBALANCE_IN_PROGRESS).", "REBALANCE_IN_PROGRESS"));
  if (m.generation !== state.generation)
    return err(
      state,
      kafka(
        `${m.memberId}의 세대(${m.generation ?? "없음"})가 그룹 세대(${state.generation})와 달라 커밋이 거부됩니다 (ILLEGAL_GENERATION).`,
        "ILLEGAL_GENERATION",
      ),
    );
  const toCommit = offsets ?? m.positions;
  for (const [tp, o] of Object.entries(toCommit)) {
    if (state.logEndOffsets[tp] === undefined) return err(state, kafka(`${tp} 파티션이 없습니다.`, "UNKNOWN_TOPIC_OR_PARTITION"));
    if (!isCount(o)) return err(state, invalid(`${tp}의 커밋 오프셋은 0 이상의 정수여야 합니다.`));
  }
  return { ...applyCommit(state, toCommit, m.memberId, false), lastError: null };
}

/** Validates a topic/partition pair from an event. */
function tpOf(state: GroupState, topic: string, partition: number): string | null {
  const n = state.topics[topic];
  return n !== undefined && Number.isInteger(partition) && partition >= 0 && partition < n ? tpKey(topic, partition) : null;
}

/** Applies one event to the group. */
export function stepGroup(state: GroupState, event: GroupEvent): GroupState {
  return guardStep(state, event, applyGroupEvent);
}

function applyGroupEvent(state: GroupState, event: GroupEvent): GroupState {
  const isObject = typeof event === "object" && event !== null;
  const member = isObject && "memberId" in event ? state.members.find((m) => m.memberId === event.memberId) : undefined;
  const needsMember = isObject && ["leave", "crash", "stall", "resume", "heartbeat", "poll", "commit"].includes(event.type);
  if (needsMember && !member) return err(state, unknownMember((event as { memberId?: string }).memberId));
  const s = { ...state, lastError: null };
  switch (event?.type) {
    case "join":
      return join(state, event);
    case "leave":
      if (member!.groupInstanceId !== null) {
        // Static members do not send LeaveGroup on close: the group waits for session.timeout.ms.
        return log(
          updateMember(s, { ...member!, alive: false, polling: false }),
          "leave",
          `정적 멤버 ${member!.memberId} 종료: LeaveGroup을 보내지 않으므로 세션 타임아웃까지 파티션이 그대로 남습니다.`,
        );
      }
      return removeMember(
        s.config.enableAutoCommit ? applyCommit(s, member!.positions, member!.memberId, true) : s,
        member!.memberId,
        `${member!.memberId}가 LeaveGroup을 보냄 (정상 종료)`,
      );
    case "crash":
      return log(
        updateMember(s, { ...member!, alive: false, polling: false }),
        "crash",
        `${member!.memberId} 프로세스 중단: 하트비트가 멈춥니다.`,
      );
    case "stall":
      return log(
        updateMember(s, { ...member!, polling: false }),
        "stall",
        `${member!.memberId}가 처리에 묶여 poll()을 호출하지 않습니다 (하트비트는 계속).`,
      );
    case "resume":
      if (!member!.alive) return err(state, invalid(`${member!.memberId}는 중단된 상태입니다. 다시 join해야 합니다.`));
      return updateMember(s, { ...member!, polling: true, lastPollMs: s.nowMs });
    case "heartbeat":
      return updateMember(s, { ...member!, lastHeartbeatMs: s.nowMs });
    case "poll": {
      if (!member!.alive) return err(state, invalid(`${member!.memberId}는 중단된 상태라 poll할 수 없습니다.`));
      const max = event.maxRecords ?? s.config.maxPollRecords;
      if (!Number.isInteger(max) || max < 1) return err(state, invalid("maxRecords는 1 이상의 정수여야 합니다."));
      const rejoined = rejoinMember(s, member!.memberId);
      return pollRecords(
        rejoined,
        rejoined.members.find((m) => m.memberId === member!.memberId)!,
        max,
      );
    }
    case "commit":
      return commit(s, member!, event.offsets);
    case "tick": {
      if (typeof event.ms !== "number" || !Number.isFinite(event.ms) || event.ms < 0)
        return err(state, invalid("tick의 ms는 0 이상의 숫자여야 합니다."));
      let t: GroupState = { ...s, nowMs: s.nowMs + event.ms };
      if (t.state === "Dead") return t;
      t = expirePollIntervals(expireSessions(t));
      return advanceRebalance(expireOffsets(t));
    }
    case "produce": {
      const tp = tpOf(s, event.topic, event.partition);
      const count = event.count ?? 1;
      if (!tp) return err(state, kafka(`${event.topic}-${event.partition} 파티션이 없습니다.`, "UNKNOWN_TOPIC_OR_PARTITION"));
      if (!isCount(count)) return err(state, invalid("count는 0 이상의 정수여야 합니다."));
      return { ...s, logEndOffsets: { ...s.logEndOffsets, [tp]: s.logEndOffsets[tp] + count } };
    }
    case "deleteRecords": {
      const tp = tpOf(s, event.topic, event.partition);
      if (!tp) return err(state, kafka(`${event.topic}-${event.partition} 파티션이 없습니다.`, "UNKNOWN_TOPIC_OR_PARTITION"));
      if (!Number.isInteger(event.offset) || event.offset < s.logStartOffsets[tp] || event.offset > s.logEndOffsets[tp])
        return err(
          state,
          kafka(`삭제 기준 오프셋 ${event.offset}가 [${s.logStartOffsets[tp]}, ${s.logEndOffsets[tp]}] 밖입니다.`, "OFFSET_OUT_OF_RANGE"),
        );
      return log(
        { ...s, logStartOffsets: { ...s.logStartOffsets, [tp]: event.offset } },
        "log-start",
        `${tp}의 로그 시작 오프셋이 ${event.offset}로 이동 (보존 정책/DeleteRecords)`,
      );
    }
    case "addPartitions": {
      const current = s.topics[event.topic];
      if (current === undefined) return err(state, kafka(`토픽 '${event.topic}'이 없습니다.`, "UNKNOWN_TOPIC_OR_PARTITION"));
      if (Number.isInteger(event.count) && event.count > MAX_SIM_PARTITIONS)
        return err(state, invalid(`시뮬레이션의 파티션 수는 ${MAX_SIM_PARTITIONS}개 이하여야 합니다.`));
      if (!Number.isInteger(event.count) || event.count <= current)
        return err(state, kafka(`파티션 수는 늘리기만 할 수 있습니다: 현재 ${current}개, 요청 ${event.count}개.`, "INVALID_PARTITIONS"));
      const starts = { ...s.logStartOffsets };
      const ends = { ...s.logEndOffsets };
      for (let p = current; p < event.count; p++) starts[tpKey(event.topic, p)] = ends[tpKey(event.topic, p)] = 0;
      const t = { ...s, topics: { ...s.topics, [event.topic]: event.count }, logStartOffsets: starts, logEndOffsets: ends };
      const subscribed = t.members.some((m) => m.topics.includes(event.topic));
      return subscribed && t.state !== "Empty"
        ? startRebalance(t, `구독 중인 토픽 ${event.topic}의 파티션이 ${event.count}개로 늘어남`)
        : t;
    }
    case "deleteGroup":
      if (s.state !== "Empty" && s.state !== "Dead")
        return err(state, kafka("멤버가 있는 그룹은 삭제할 수 없습니다 (NON_EMPTY_GROUP).", "NON_EMPTY_GROUP"));
      return log({ ...s, state: "Dead", committed: {}, emptySinceMs: null }, "state", "그룹 삭제 → Dead");
    default:
      return err(state, { code: "UNKNOWN_EVENT", message: `알 수 없는 그룹 이벤트입니다: ${String((event as { type?: unknown })?.type)}` });
  }
}
