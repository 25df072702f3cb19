/**
 * Offsets seen by a group: fetch positions, commits (committed offset = next offset to read),
 * `auto.offset.reset` when there is no committed offset or it is out of range, and lag.
 */
import type { SimError } from "../core/errors";
import { log, type FetchedRange, type GroupMember, type GroupState } from "./group-types";
import { compareTp, parseTp } from "./topic-partitions";

export type PositionResult = { position: number; note: string | null } | { error: SimError };

/**
 * Where a member starts reading a partition: its fetch position, else the committed offset, else
 * `auto.offset.reset`; an offset outside [logStart, logEnd] is OFFSET_OUT_OF_RANGE and also resets.
 */
export function resolvePosition(state: GroupState, member: GroupMember, tp: string): PositionResult {
  const start = state.logStartOffsets[tp] ?? 0;
  const end = state.logEndOffsets[tp] ?? 0;
  const policy = state.config.autoOffsetReset;
  const reset = (why: string): PositionResult => {
    const position = policy === "earliest" ? start : end;
    return { position, note: `${tp}: ${why} → auto.offset.reset=${policy}, ${position}부터 읽습니다.` };
  };
  let pos: number | undefined = member.positions[tp];
  if (pos === undefined) pos = state.committed[tp];
  if (pos === undefined) {
    if (policy === "none")
      return {
        error: {
          code: "KAFKA_ERROR",
          message: `${tp}에 커밋된 오프셋이 없고 auto.offset.reset=none이라 예외가 발생합니다 (NoOffsetForPartitionException).`,
          kafkaError: "NoOffsetForPartitionException",
        },
      };
    return reset("커밋된 오프셋 없음");
  }
  if (pos < start || pos > end) {
    if (policy === "none")
      return {
        error: {
          code: "KAFKA_ERROR",
          message: `${tp}의 오프셋 ${pos}가 로그 범위 [${start}, ${end}] 밖입니다 (OFFSET_OUT_OF_RANGE, auto.offset.reset=none).`,
          kafkaError: "OFFSET_OUT_OF_RANGE",
        },
      };
    return reset(`오프셋 ${pos}가 범위 [${start}, ${end}] 밖 (OFFSET_OUT_OF_RANGE)`);
  }
  return { position: pos, note: null };
}

/** Writes offsets to the group's committed map (what lands in `__consumer_offsets`). */
export function applyCommit(state: GroupState, offsets: Record<string, number>, who: string, auto: boolean): GroupState {
  const entries = Object.entries(offsets);
  if (entries.length === 0) return state;
  const s = { ...state, committed: { ...state.committed, ...offsets } };
  const text = entries.map(([tp, o]) => `${tp}=${o}`).join(", ");
  return log(s, auto ? "auto-commit" : "commit", `${who} ${auto ? "자동 " : ""}커밋: ${text}`);
}

/** Replaces one member (by id) in the member list. */
export function updateMember(state: GroupState, member: GroupMember): GroupState {
  return { ...state, members: state.members.map((m) => (m.memberId === member.memberId ? member : m)) };
}

/**
 * `poll()`: auto-commit the previous poll's positions if the interval elapsed, then fetch up to
 * `max.poll.records` records from owned partitions, advancing positions.
 */
export function pollRecords(state: GroupState, member: GroupMember, maxRecords: number): GroupState {
  let s = state;
  let m: GroupMember = { ...member, lastPollMs: s.nowMs };
  const cfg = s.config;
  if (cfg.enableAutoCommit && s.nowMs - m.lastAutoCommitMs >= cfg.autoCommitIntervalMs) {
    s = applyCommit(s, m.positions, m.memberId, true);
    m = { ...m, lastAutoCommitMs: s.nowMs };
  }
  let budget = maxRecords;
  const fetched: FetchedRange[] = [];
  const positions = { ...m.positions };
  for (const tp of [...m.assignment].sort(compareTp)) {
    const r = resolvePosition(s, { ...m, positions }, tp);
    if ("error" in r) return { ...updateMember(s, m), lastError: r.error };
    if (r.note) s = log(s, "offset-reset", r.note);
    const n = Math.max(0, Math.min((s.logEndOffsets[tp] ?? 0) - r.position, budget));
    if (n > 0) fetched.push({ tp, from: r.position, to: r.position + n });
    positions[tp] = r.position + n;
    budget -= n;
  }
  m = { ...m, positions };
  return { ...updateMember(s, m), lastPoll: { memberId: m.memberId, fetched } };
}

export interface LagRow {
  tp: string;
  topic: string;
  partition: number;
  logStartOffset: number;
  logEndOffset: number;
  committed: number | null;
  position: number | null;
  /** LEO − committed, like the LAG column of `kafka-consumer-groups --describe` (null = no commit). */
  lag: number | null;
  /** LEO − position: what the consumer itself still has to read. */
  positionLag: number | null;
  owner: string | null;
}

/** Per-partition offsets and lag for every partition of the group's topics. */
export function computeLag(state: GroupState): LagRow[] {
  const owner: Record<string, GroupMember> = {};
  for (const m of state.members) for (const tp of m.assignment) owner[tp] = m;
  return Object.keys(state.logEndOffsets)
    .sort(compareTp)
    .map((tp) => {
      const { topic, partition } = parseTp(tp);
      const end = state.logEndOffsets[tp];
      const committed = state.committed[tp] ?? null;
      const position = owner[tp]?.positions[tp] ?? null;
      return {
        tp,
        topic,
        partition,
        logStartOffset: state.logStartOffsets[tp],
        logEndOffset: end,
        committed,
        position,
        lag: committed === null ? null : end - committed,
        positionLag: position === null ? null : end - position,
        owner: owner[tp]?.memberId ?? null,
      };
    });
}

/** Members without partitions in a Stable group (more members than partitions). */
export function idleMembers(state: GroupState): string[] {
  if (state.state !== "Stable") return [];
  return state.members.filter((m) => m.assignment.length === 0).map((m) => m.memberId);
}
