/**
 * The cluster reducer: nodes going down (crash or controlled shutdown) and up, and the clock. On
 * `tick`, timed controller work runs in time order: quorum elections, KRaft broker fencing after
 * broker.session.timeout.ms, ZooKeeper session expiry; partitions advance in between.
 */
import { guardStep, invalidEvent, isInt, safeString, tickError, unknownEvent } from "../core/step-guard";
import { runElection } from "../replication/membership";
import { stepReplication } from "../replication/reducer";
import { electController, hasQuorum, loseController, scheduleElection } from "./controller";
import {
  advancePartitions,
  controllerFunctioning,
  fenceNode,
  logLine,
  nodeOf,
  registerNode,
  setControllerAvailability,
  stopBrokerProcess,
  withNode,
} from "./failover";
import type { ClusterEvent, ClusterState } from "./types";

/** A node stops. Graceful = controlled shutdown: the controller moves its leaders away first. */
export function nodeDown(s: ClusterState, id: number, graceful: boolean): ClusterState {
  const n = nodeOf(s, id)!;
  const kraft = s.config.metadataMode === "kraft";
  const wasActive = s.controller.activeId === id;
  let out = logLine(
    withNode(s, id, (x) => ({ ...x, running: false })),
    `노드 ${id} ${graceful ? "정상 종료(controlled shutdown)" : "장애(crash)"}`,
  );
  if (n.isBroker) {
    out = stopBrokerProcess(out, id, graceful);
    // Controlled shutdown needs a working controller (possibly this very node, still up until now).
    if (graceful && s.controller.activeId >= 0 && (wasActive || controllerFunctioning(out)))
      out = fenceNode(out, id, "controlled shutdown");
    else if (kraft) {
      const tracked = out.controller.activeId >= 0 && !wasActive;
      out = withNode(out, id, (x) => ({ ...x, sessionDeadlineMs: tracked ? s.nowMs + s.config.brokerSessionTimeoutMs : null }));
    } else {
      // ZooKeeper: a clean close deletes the ephemeral znode now; a crash only when the session expires.
      out = withNode(out, id, (x) =>
        graceful ? { ...x, registered: false } : { ...x, sessionDeadlineMs: s.nowMs + s.config.zkSessionTimeoutMs },
      );
    }
  }
  if (kraft) {
    if (wasActive) out = loseController(out, graceful ? "정상 종료로 리더 사임" : "장애", graceful ? 0 : s.config.quorumFetchTimeoutMs);
    else if (n.isController && out.controller.activeId >= 0 && !hasQuorum(out)) out = loseController(out, "쿼럼 과반 상실", null);
  } else if (wasActive) {
    out = graceful ? electController(loseController(out, "정상 종료", null), "race") : setControllerAvailability(out, false); // zombie until its session expires
  }
  return out;
}

/** A node starts again: brokers register with the active controller; a voter may restore the quorum. */
export function nodeUp(s: ClusterState, id: number): ClusterState {
  const n = nodeOf(s, id)!;
  let out = logLine(
    withNode(s, id, (x) => ({ ...x, running: true, registered: x.isBroker ? false : x.registered, sessionDeadlineMs: null })),
    `노드 ${id} 시작`,
  );
  if (s.config.metadataMode === "kraft") {
    if (n.isController && out.controller.activeId < 0) out = scheduleElection(out, 0);
    if (n.isBroker && out.controller.activeId >= 0) out = registerNode(out, id);
    return out;
  }
  if (out.controller.activeId === id) out = loseController(out, "재시작으로 이전 세션 대체", null);
  if (out.controller.activeId < 0) return electController(out, "race");
  // With a crashed controller still holding /controller, registration waits for its successor.
  return controllerFunctioning(out) ? registerNode(out, id) : out;
}

function nextTimedEvent(s: ClusterState): number {
  let next = s.controller.electionAtMs ?? Infinity;
  const kraft = s.config.metadataMode === "kraft";
  for (const n of s.nodes)
    if (n.sessionDeadlineMs !== null && (!kraft || s.controller.activeId >= 0)) next = Math.min(next, n.sessionDeadlineMs);
  return next;
}

/** Handles a broker whose deadline passed: KRaft fences it; ZooKeeper drops its znode (and maybe the controller). */
function sessionExpired(s: ClusterState, id: number): ClusterState {
  if (s.config.metadataMode === "kraft") return fenceNode(s, id, "broker.session.timeout.ms 동안 하트비트 없음");
  let out = logLine(
    withNode(s, id, (x) => ({ ...x, registered: false, sessionDeadlineMs: null })),
    `브로커 ${id}의 ZooKeeper 세션 만료`,
  );
  if (out.controller.activeId === id) return electController(loseController(out, "ZooKeeper 세션 만료", null), "race");
  if (controllerFunctioning(out)) out = fenceNode(out, id, "ZooKeeper 세션 만료");
  return out;
}

/** Advances the clock to `nowMs`, running controller elections and session expiries in time order. */
export function advanceClusterClock(state: ClusterState, nowMs: number): ClusterState {
  let s = state;
  for (let guard = 0; guard < 100_000; guard++) {
    const next = nextTimedEvent(s);
    if (next > nowMs) break;
    s = { ...advancePartitions(s, next), nowMs: next };
    if (s.controller.electionAtMs === next) s = electController({ ...s, controller: { ...s.controller, electionAtMs: null } }, "race");
    for (const n of s.nodes) {
      const cur = nodeOf(s, n.id)!;
      if (cur.sessionDeadlineMs === next && (s.config.metadataMode === "zookeeper" || s.controller.activeId >= 0))
        s = sessionExpired(s, n.id);
    }
  }
  return { ...advancePartitions(s, nowMs), nowMs };
}

/** Applies one event to the cluster. */
export function stepCluster(state: ClusterState, event: ClusterEvent): ClusterState {
  return guardStep(state, event, (s0, e) => {
    const s: ClusterState = s0.lastError === null ? s0 : { ...s0, lastError: null };
    switch (e.type) {
      case "nodeDown": {
        const n = isInt(e.nodeId) ? nodeOf(s, e.nodeId) : undefined;
        if (!n) return invalidEvent(s, `존재하지 않는 노드입니다: ${safeString(e.nodeId)}`);
        if (!n.running) return invalidEvent(s, `노드 ${e.nodeId}는 이미 중지되어 있습니다.`);
        return nodeDown(s, e.nodeId, !!e.graceful);
      }
      case "nodeUp": {
        const n = isInt(e.nodeId) ? nodeOf(s, e.nodeId) : undefined;
        if (!n) return invalidEvent(s, `존재하지 않는 노드입니다: ${safeString(e.nodeId)}`);
        if (n.running) return invalidEvent(s, `노드 ${e.nodeId}는 이미 실행 중입니다.`);
        return nodeUp(s, e.nodeId);
      }
      case "tick":
        if (tickError(s.nowMs, e.nowMs)) return invalidEvent(s, tickError(s.nowMs, e.nowMs)!);
        return advanceClusterClock(s, e.nowMs);
      case "produce": {
        const i = s.partitions.findIndex((p) => p.config.topic === e.topic && p.config.partition === e.partition);
        if (i < 0) return invalidEvent(s, `존재하지 않는 파티션입니다: ${e.topic}-${e.partition}`);
        const p = stepReplication(s.partitions[i], { type: "produce", acks: e.acks, key: e.key, value: e.value });
        return { ...s, partitions: s.partitions.map((x, j) => (j === i ? p : x)), lastError: p.lastError };
      }
      case "electPreferredLeaders":
        if (s.controller.activeId < 0) return invalidEvent(s, "활성 컨트롤러가 없어 리더 선출을 할 수 없습니다.");
        return { ...s, partitions: s.partitions.map((p) => runElection(p, p.isr, "PREFERRED", "관리자 선호 리더 선출")) };
      case "setUncleanLeaderElection":
        if (!s.config.topics.some((t) => t.name === e.topic)) return invalidEvent(s, `존재하지 않는 토픽입니다: ${e.topic}`);
        return {
          ...s,
          partitions: s.partitions.map((p) =>
            p.config.topic === e.topic ? stepReplication(p, { type: "setUncleanLeaderElection", enabled: !!e.enabled }) : p,
          ),
        };
      default:
        return unknownEvent(s, e);
    }
  });
}
