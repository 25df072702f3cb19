/**
 * The KIP-848 consumer group protocol (`group.protocol=consumer`, GA in 4.0) beside the classic
 * one: the group coordinator computes the target assignment with a server-side assignor
 * (`uniform` or `range`), each member reconciles towards it on its own heartbeats (member epochs,
 * revoke-before-assign), and there is no JoinGroup/SyncGroup barrier. Plain JSON.
 */
import { fail, ok, type Result, type SimError } from "../core/errors";
import { MAX_SIM_PARTITIONS } from "../core/step-guard";

/** `group.consumer.assignors`: the server-side assignors (uniform is the default). */
export type ServerAssignorName = "uniform" | "range";

/** `MemberState` of the coordinator's `CurrentAssignmentBuilder`. */
export type ConsumerMemberState = "STABLE" | "UNREVOKED_PARTITIONS" | "UNRELEASED_PARTITIONS";

export interface ConsumerProtocolMember {
  memberId: string;
  /** The epoch of the assignment this member has reached. */
  memberEpoch: number;
  state: ConsumerMemberState;
  topics: string[];
  /** Partitions the member owns and may fetch from now. */
  assigned: string[];
  /** Partitions it must give up before it can move to the new epoch. */
  pendingRevocation: string[];
  lastHeartbeatMs: number;
}

export interface ConsumerProtocolLogEntry {
  atMs: number;
  kind: "join" | "leave" | "fenced" | "epoch" | "revoke" | "assign" | "heartbeat";
  /** Korean narration for an aria-live region. */
  message: string;
}

export interface ConsumerProtocolState {
  config: { groupId: string; assignor: ServerAssignorName; sessionTimeoutMs: number; heartbeatIntervalMs: number };
  nowMs: number;
  /** Bumped on every membership, subscription or topic change. */
  groupEpoch: number;
  /** Epoch of the current target assignment (equals the group epoch once it is computed). */
  assignmentEpoch: number;
  topics: Record<string, number>;
  members: ConsumerProtocolMember[];
  /** Where every member should end up (`TargetAssignmentBuilder`). */
  targetAssignment: Record<string, string[]>;
  history: ConsumerProtocolLogEntry[];
  lastError: SimError | null;
}

export interface ConsumerProtocolConfig {
  groupId: string;
  topics: Record<string, number>;
  assignor?: ServerAssignorName;
  /** `group.consumer.session.timeout.ms` (default 45 s). */
  sessionTimeoutMs?: number;
  /** `group.consumer.heartbeat.interval.ms` (default 5 s). */
  heartbeatIntervalMs?: number;
  /** Accepted for the common reducer contract (nothing here is random). */
  seed?: number | string;
}

export type ConsumerProtocolEvent =
  /** ConsumerGroupHeartbeat with memberEpoch 0: a new member subscribes. */
  | { type: "join"; memberId: string; topics: string[] }
  /** A regular heartbeat; by default the member has finished revoking what it was asked to give up. */
  | { type: "heartbeat"; memberId: string; stillRevoking?: boolean }
  /** Heartbeat with a new subscription. */
  | { type: "subscribe"; memberId: string; topics: string[] }
  /** ConsumerGroupHeartbeat with memberEpoch −1. */
  | { type: "leave"; memberId: string }
  | { type: "tick"; ms: number }
  | { type: "addPartitions"; topic: string; count: number }
  | { type: "setAssignor"; assignor: ServerAssignorName };

/** Validates the config and creates an empty group at epoch 0. */
export function createConsumerProtocolState(config: ConsumerProtocolConfig): Result<ConsumerProtocolState> {
  if (!config || typeof config.groupId !== "string" || config.groupId === "")
    return fail("INVALID_CONFIG", "groupId(문자열)가 필요합니다.");
  const topics = config.topics ?? {};
  for (const [t, n] of Object.entries(topics))
    if (!Number.isInteger(n) || n < 1 || n > MAX_SIM_PARTITIONS)
      return fail("INVALID_CONFIG", `토픽 '${t}'의 파티션 수는 1 이상 ${MAX_SIM_PARTITIONS} 이하의 정수여야 합니다.`);
  const assignor = config.assignor ?? "uniform";
  if (assignor !== "uniform" && assignor !== "range") return fail("INVALID_CONFIG", "서버 할당자는 uniform 또는 range입니다.");
  const sessionTimeoutMs = config.sessionTimeoutMs ?? 45_000;
  const heartbeatIntervalMs = config.heartbeatIntervalMs ?? 5000;
  if (!Number.isInteger(sessionTimeoutMs) || sessionTimeoutMs < 1 || !Number.isInteger(heartbeatIntervalMs) || heartbeatIntervalMs < 1)
    return fail("INVALID_CONFIG", "세션 타임아웃과 하트비트 간격은 1 이상의 정수(ms)여야 합니다.");
  return ok({
    config: { groupId: config.groupId, assignor, sessionTimeoutMs, heartbeatIntervalMs },
    nowMs: 0,
    groupEpoch: 0,
    assignmentEpoch: 0,
    topics: { ...topics },
    members: [],
    targetAssignment: {},
    history: [],
    lastError: null,
  });
}

/** `ConsumerGroup.state`: EMPTY, RECONCILING while any member is short of the target, else STABLE. */
export function consumerProtocolGroupState(s: ConsumerProtocolState): "EMPTY" | "RECONCILING" | "STABLE" {
  if (s.members.length === 0) return "EMPTY";
  return s.members.every((m) => m.memberEpoch === s.assignmentEpoch && m.state === "STABLE") ? "STABLE" : "RECONCILING";
}
