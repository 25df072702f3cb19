/**
 * Consumer group (classic protocol) simulation state: members, generation, group state machine,
 * partition end offsets and committed offsets. Plain JSON; time is `nowMs` on the sim clock.
 */
import { fail, ok, type Result, type SimError } from "../core/errors";
import { getProfile, type ProfileId } from "../core/profile";
import { MAX_SIM_PARTITIONS } from "../core/step-guard";
import type { Assignment, AssignorName } from "./assignor-types";
import { coordinatorPartition } from "./hash";
import { tpKey } from "./topic-partitions";

/** `ClassicGroupState`. */
export type GroupStateName = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";
export type OffsetResetPolicy = "latest" | "earliest" | "none";

export interface GroupConfig {
  groupId: string;
  /** Partition count per topic the group can subscribe to. */
  topics: Record<string, number>;
  profile?: ProfileId;
  /** Default: the first strategy of the profile's `partition.assignment.strategy` (Range). */
  assignor?: AssignorName;
  sessionTimeoutMs?: number;
  maxPollIntervalMs?: number;
  autoOffsetReset?: OffsetResetPolicy;
  enableAutoCommit?: boolean;
  autoCommitIntervalMs?: number;
  maxPollRecords?: number;
  /** `group.initial.rebalance.delay.ms`: first rebalance of an empty group waits this long. */
  initialRebalanceDelayMs?: number;
  offsetsTopicPartitions?: number;
  /** `offsets.retention.minutes` in ms: offsets of an empty group are dropped after this. */
  offsetsRetentionMs?: number;
}

export interface ResolvedGroupConfig {
  groupId: string;
  profile: ProfileId;
  assignor: AssignorName;
  sessionTimeoutMs: number;
  maxPollIntervalMs: number;
  autoOffsetReset: OffsetResetPolicy;
  enableAutoCommit: boolean;
  autoCommitIntervalMs: number;
  maxPollRecords: number;
  initialRebalanceDelayMs: number;
  offsetsTopicPartitions: number;
  offsetsRetentionMs: number;
}

export interface GroupMember {
  memberId: string;
  groupInstanceId: string | null;
  topics: string[];
  /** Process (and its heartbeat thread) is running. */
  alive: boolean;
  /** The application loop keeps calling poll(); false = stuck processing. */
  polling: boolean;
  lastHeartbeatMs: number;
  lastPollMs: number;
  /** Generation of the last SyncGroup this member completed (null = never). */
  generation: number | null;
  /** Has sent JoinGroup for the rebalance in progress. */
  rejoined: boolean;
  /** Partitions the member owns right now. */
  assignment: string[];
  /** Eager protocol: what it owned before revoking (sticky assignor userData). */
  previousAssignment: string[];
  /** Fetch position (next offset to read) per owned partition. */
  positions: Record<string, number>;
  lastAutoCommitMs: number;
}

export interface FetchedRange {
  tp: string;
  from: number;
  /** Exclusive: the new position. */
  to: number;
}

export interface GroupLogEntry {
  atMs: number;
  kind: string;
  /** Korean, ready for a timeline widget. */
  message: string;
}

export interface GroupState {
  config: ResolvedGroupConfig;
  nowMs: number;
  state: GroupStateName;
  generation: number;
  leaderId: string | null;
  members: GroupMember[];
  rebalance: { reason: string; startedMs: number; readyAtMs: number } | null;
  /** Assignment computed at the end of the join phase, delivered at SyncGroup. */
  pendingAssignment: Assignment | null;
  topics: Record<string, number>;
  logStartOffsets: Record<string, number>;
  logEndOffsets: Record<string, number>;
  /** Committed offset = next offset to read. */
  committed: Record<string, number>;
  emptySinceMs: number | null;
  coordinatorPartition: number;
  lastPoll: { memberId: string; fetched: FetchedRange[] } | null;
  history: GroupLogEntry[];
  lastError: SimError | null;
}

export type GroupEvent =
  | { type: "join"; memberId: string; topics?: string[]; groupInstanceId?: string | null }
  | { type: "leave"; memberId: string }
  | { type: "crash"; memberId: string }
  | { type: "stall"; memberId: string }
  | { type: "resume"; memberId: string }
  | { type: "heartbeat"; memberId: string }
  | { type: "poll"; memberId: string; maxRecords?: number }
  | { type: "commit"; memberId: string; offsets?: Record<string, number> }
  | { type: "tick"; ms: number }
  | { type: "produce"; topic: string; partition: number; count?: number }
  | { type: "deleteRecords"; topic: string; partition: number; offset: number }
  | { type: "addPartitions"; topic: string; count: number }
  | { type: "deleteGroup" };

const HISTORY_LIMIT = 200;

/** Appends a timeline entry, keeping only the most recent ones. */
export function log(state: GroupState, kind: string, message: string): GroupState {
  const history = [...state.history, { atMs: state.nowMs, kind, message }];
  return { ...state, history: history.length > HISTORY_LIMIT ? history.slice(-HISTORY_LIMIT) : history };
}

const ASSIGNORS: Record<string, AssignorName> = {
  RangeAssignor: "range",
  RoundRobinAssignor: "roundrobin",
  StickyAssignor: "sticky",
  CooperativeStickyAssignor: "cooperative-sticky",
};

/** Validates the config, fills profile defaults, and creates an Empty group at time 0. */
export function createGroupState(config: GroupConfig): Result<GroupState> {
  if (!config || typeof config.groupId !== "string") return fail("INVALID_CONFIG", "groupId(문자열)가 필요합니다.");
  const topics = config.topics ?? {};
  for (const [t, n] of Object.entries(topics))
    if (!Number.isInteger(n) || n < 1 || n > MAX_SIM_PARTITIONS)
      return fail("INVALID_CONFIG", `토픽 '${t}'의 파티션 수는 1 이상 ${MAX_SIM_PARTITIONS} 이하의 정수여야 합니다.`);
  const profile = getProfile(config.profile);
  const c = profile.consumer;
  const resolved: ResolvedGroupConfig = {
    groupId: config.groupId,
    profile: profile.id,
    assignor: config.assignor ?? ASSIGNORS[c["partition.assignment.strategy"][0]] ?? "range",
    sessionTimeoutMs: config.sessionTimeoutMs ?? c["session.timeout.ms"],
    maxPollIntervalMs: config.maxPollIntervalMs ?? c["max.poll.interval.ms"],
    autoOffsetReset: config.autoOffsetReset ?? c["auto.offset.reset"],
    enableAutoCommit: config.enableAutoCommit ?? true,
    autoCommitIntervalMs: config.autoCommitIntervalMs ?? 5000,
    maxPollRecords: config.maxPollRecords ?? 500,
    initialRebalanceDelayMs: config.initialRebalanceDelayMs ?? 3000,
    offsetsTopicPartitions: config.offsetsTopicPartitions ?? profile.broker["offsets.topic.num.partitions"],
    offsetsRetentionMs: config.offsetsRetentionMs ?? 10080 * 60_000,
  };
  if (!Object.values(ASSIGNORS).includes(resolved.assignor))
    return fail("INVALID_CONFIG", `알 수 없는 할당 전략입니다: ${String(resolved.assignor)}`);
  if (!["latest", "earliest", "none"].includes(resolved.autoOffsetReset))
    return fail("INVALID_CONFIG", "auto.offset.reset은 latest, earliest, none 중 하나여야 합니다.");
  for (const k of ["sessionTimeoutMs", "maxPollIntervalMs", "autoCommitIntervalMs", "maxPollRecords", "offsetsTopicPartitions"] as const)
    if (!Number.isInteger(resolved[k]) || resolved[k] < 1) return fail("INVALID_CONFIG", `${k}는 1 이상의 정수여야 합니다.`);
  if (!Number.isInteger(resolved.initialRebalanceDelayMs) || resolved.initialRebalanceDelayMs < 0)
    return fail("INVALID_CONFIG", "initialRebalanceDelayMs는 0 이상의 정수여야 합니다.");
  const offsets: Record<string, number> = {};
  for (const [t, n] of Object.entries(topics)) for (let p = 0; p < n; p++) offsets[tpKey(t, p)] = 0;
  return ok({
    config: resolved,
    nowMs: 0,
    state: "Empty",
    generation: 0,
    leaderId: null,
    members: [],
    rebalance: null,
    pendingAssignment: null,
    topics: { ...topics },
    logStartOffsets: { ...offsets },
    logEndOffsets: { ...offsets },
    committed: {},
    emptySinceMs: 0,
    coordinatorPartition: coordinatorPartition(config.groupId, resolved.offsetsTopicPartitions),
    lastPoll: null,
    history: [],
    lastError: null,
  });
}

/** True for protocols whose members keep their partitions during a rebalance. */
export function isCooperative(state: GroupState): boolean {
  return state.config.assignor === "cooperative-sticky";
}
