/**
 * The classic rebalance protocol as small named steps: a trigger moves the group to
 * PreparingRebalance, members rejoin (eager members revoke everything first), the join phase
 * completes with a new generation and the leader's assignment (CompletingRebalance), and
 * SyncGroup hands it out (Stable). Cooperative members keep their partitions throughout and
 * revoke only the ones that move, which forces a second round.
 */
import { assignCooperativeSticky } from "./assign-cooperative";
import { assignRange } from "./assign-range";
import { assignRoundRobin } from "./assign-round-robin";
import { assignSticky } from "./assign-sticky";
import type { Assignment, AssignorMember } from "./assignor-types";
import { isCooperative, log, type GroupMember, type GroupState } from "./group-types";
import { applyCommit, updateMember } from "./offsets";

const pick = <T>(obj: Record<string, T>, keys: string[]): Record<string, T> =>
  Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]));

/** Gives up partitions: auto-commits their positions first (onPartitionsRevoked), then drops them. */
export function revokePartitions(state: GroupState, member: GroupMember, tps: string[]): GroupState {
  if (tps.length === 0) return state;
  let s = state;
  if (s.config.enableAutoCommit) s = applyCommit(s, pick(member.positions, tps), member.memberId, true);
  const positions = { ...member.positions };
  for (const tp of tps) delete positions[tp];
  const m = { ...member, assignment: member.assignment.filter((tp) => !tps.includes(tp)), positions };
  return log(updateMember(s, m), "revoke", `${member.memberId}가 파티션을 반납합니다: ${tps.join(", ")}`);
}

/** Enters (or re-enters) PreparingRebalance; an empty group goes to Empty instead. */
export function startRebalance(state: GroupState, reason: string): GroupState {
  if (state.members.length === 0) {
    const s = { ...state, state: "Empty" as const, rebalance: null, pendingAssignment: null, leaderId: null, emptySinceMs: state.nowMs };
    return log(s, "state", `멤버가 없어 그룹이 Empty가 됩니다 (${reason}).`);
  }
  if (state.state === "PreparingRebalance" && state.rebalance) {
    const r = state.rebalance;
    // While the initial delay runs, each new join pushes the deadline (bounded by the rebalance timeout).
    const delayed = r.readyAtMs > r.startedMs;
    const readyAtMs = delayed
      ? Math.min(state.nowMs + state.config.initialRebalanceDelayMs, r.startedMs + state.config.maxPollIntervalMs)
      : r.readyAtMs;
    return log({ ...state, rebalance: { ...r, readyAtMs } }, "rebalance", `진행 중인 리밸런스에 합류: ${reason}`);
  }
  const delay = state.state === "Empty" ? state.config.initialRebalanceDelayMs : 0;
  const s: GroupState = {
    ...state,
    state: "PreparingRebalance",
    rebalance: { reason, startedMs: state.nowMs, readyAtMs: state.nowMs + delay },
    pendingAssignment: null,
    emptySinceMs: null,
    members: state.members.map((m) => ({ ...m, rejoined: false })),
  };
  return log(s, "state", `PreparingRebalance: ${reason}`);
}

/** A member sends JoinGroup for the current rebalance; eager members revoke all partitions first. */
export function rejoinMember(state: GroupState, memberId: string): GroupState {
  const m = state.members.find((x) => x.memberId === memberId);
  if (!m || state.state !== "PreparingRebalance" || m.rejoined) return state;
  let s = state;
  if (!isCooperative(s)) {
    s = revokePartitions(s, m, m.assignment);
    const after = s.members.find((x) => x.memberId === memberId)!;
    s = updateMember(s, { ...after, previousAssignment: m.assignment.length ? m.assignment : m.previousAssignment });
  }
  const now = s.members.find((x) => x.memberId === memberId)!;
  return updateMember(s, { ...now, rejoined: true });
}

/** Removes a member (crash, timeout or LeaveGroup) and triggers a rebalance for the rest. */
export function removeMember(state: GroupState, memberId: string, reason: string): GroupState {
  const s = { ...state, members: state.members.filter((m) => m.memberId !== memberId) };
  return startRebalance(log(s, "member-removed", `${memberId} 제거: ${reason}`), reason);
}

/** Runs the configured assignor over the current members (the group leader's job). */
export function computeGroupAssignment(state: GroupState): Assignment {
  const coop = isCooperative(state);
  const members: AssignorMember[] = state.members.map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    topics: m.topics,
    owned: coop ? m.assignment : m.previousAssignment,
    generation: m.generation ?? -1,
  }));
  switch (state.config.assignor) {
    case "range":
      return assignRange(state.topics, members);
    case "roundrobin":
      return assignRoundRobin(state.topics, members);
    case "sticky":
      return assignSticky(state.topics, members);
    case "cooperative-sticky":
      return assignCooperativeSticky(state.topics, members).assignment;
  }
}

/** Join phase done: new generation, first member is leader, assignment computed → CompletingRebalance. */
export function completeJoin(state: GroupState): GroupState {
  const generation = state.generation + 1;
  const s: GroupState = {
    ...state,
    generation,
    leaderId: state.members[0].memberId,
    state: "CompletingRebalance",
    pendingAssignment: computeGroupAssignment(state),
  };
  return log(s, "state", `CompletingRebalance: 세대 ${generation}, 리더 ${s.leaderId}가 할당을 계산했습니다.`);
}

/** SyncGroup: every member receives its partitions → Stable (cooperative may need a second round). */
export function completeSync(state: GroupState): GroupState {
  const pending = state.pendingAssignment ?? {};
  let s = state;
  let revokedAny = false;
  for (const original of state.members) {
    const next = pending[original.memberId] ?? [];
    let m = s.members.find((x) => x.memberId === original.memberId)!;
    const revoked = m.assignment.filter((tp) => !next.includes(tp));
    if (revoked.length > 0) {
      revokedAny = true;
      s = revokePartitions(s, m, revoked);
      m = s.members.find((x) => x.memberId === original.memberId)!;
    }
    s = updateMember(s, { ...m, assignment: next, previousAssignment: next, generation: s.generation, rejoined: false });
  }
  s = { ...s, state: "Stable", rebalance: null, pendingAssignment: null };
  const summary = s.members.map((m) => `${m.memberId}=[${m.assignment.join(", ")}]`).join(" ");
  s = log(s, "state", `Stable (세대 ${s.generation}): ${summary}`);
  if (isCooperative(s) && revokedAny) return startRebalance(s, "협력적 리밸런스 2단계: 반납된 파티션을 새 주인에게 배정");
  return s;
}

/** Advances an in-flight rebalance by at most one phase (called on every tick). */
export function advanceRebalance(state: GroupState): GroupState {
  if (state.state === "CompletingRebalance") return completeSync(state);
  if (state.state !== "PreparingRebalance" || !state.rebalance) return state;
  let s = state;
  // Members whose poll loop is running rejoin on their next poll(), i.e. now.
  for (const m of s.members) if (m.alive && m.polling) s = rejoinMember(s, m.memberId);
  const timeoutAt = s.rebalance!.startedMs + s.config.maxPollIntervalMs;
  for (const m of s.members)
    if (!m.rejoined && s.nowMs >= timeoutAt) {
      s = { ...s, members: s.members.filter((x) => x.memberId !== m.memberId) };
      s = log(s, "member-removed", `${m.memberId} 제거: 리밸런스 타임아웃(max.poll.interval.ms) 안에 다시 참가하지 않음`);
    }
  if (s.members.length === 0) return startRebalance(s, "모든 멤버가 떠남");
  if (s.members.every((m) => m.rejoined) && s.nowMs >= s.rebalance!.readyAtMs) return completeJoin(s);
  return s;
}

/** Background heartbeats keep live members' sessions; dead ones expire after `session.timeout.ms`. */
export function expireSessions(state: GroupState): GroupState {
  let s = { ...state, members: state.members.map((m) => (m.alive ? { ...m, lastHeartbeatMs: state.nowMs } : m)) };
  for (const m of s.members)
    if (s.nowMs - m.lastHeartbeatMs >= s.config.sessionTimeoutMs)
      s = removeMember(s, m.memberId, `세션 타임아웃 (session.timeout.ms=${s.config.sessionTimeoutMs}ms 동안 하트비트 없음)`);
  return s;
}

/** A live member that has not called poll() within `max.poll.interval.ms` leaves the group (KIP-62). */
export function expirePollIntervals(state: GroupState): GroupState {
  let s = { ...state, members: state.members.map((m) => (m.alive && m.polling ? { ...m, lastPollMs: state.nowMs } : m)) };
  for (const m of s.members)
    if (m.alive && !m.polling && s.nowMs - m.lastPollMs >= s.config.maxPollIntervalMs)
      s = removeMember(s, m.memberId, `max.poll.interval.ms(${s.config.maxPollIntervalMs}ms) 동안 poll() 호출 없음 → LeaveGroup`);
  return s;
}
