/**
 * What the controller does to partitions when a broker comes and goes: fencing moves leadership
 * off the broker (replication's election) and drops it from ISRs; registration brings it back.
 */
import { brokerDown, brokerUp, fenceBroker } from "../replication/membership";
import { advanceReplicationClock } from "../replication/reducer";
import type { ReplicationState } from "../replication/types";
import type { ClusterState, NodeState } from "./types";

const MAX_LOG = 200;

/** Appends a line to the cluster log (keeps the last 200). */
export function logLine(s: ClusterState, message: string): ClusterState {
  const log = [...s.log, { atMs: s.nowMs, message }];
  return { ...s, log: log.length > MAX_LOG ? log.slice(log.length - MAX_LOG) : log };
}

/** Replaces one node. */
export function withNode(s: ClusterState, id: number, f: (n: NodeState) => NodeState): ClusterState {
  return { ...s, nodes: s.nodes.map((n) => (n.id === id ? f(n) : n)) };
}

/** Looks up a node. */
export function nodeOf(s: ClusterState, id: number): NodeState | undefined {
  return s.nodes.find((n) => n.id === id);
}

/**
 * True when an active controller exists AND its process runs. A ZooKeeper-era controller that
 * crashed keeps `/controller` until its session expires, but it processes nothing meanwhile.
 */
export function controllerFunctioning(s: ClusterState): boolean {
  const id = s.controller.activeId;
  return id >= 0 && !!nodeOf(s, id)?.running;
}

/** Applies `f` to every partition hosted on `brokerId`. */
export function mapPartitionsOf(s: ClusterState, brokerId: number, f: (p: ReplicationState) => ReplicationState): ClusterState {
  return { ...s, partitions: s.partitions.map((p) => (p.config.replicas.includes(brokerId) ? f(p) : p)) };
}

/** Moves every partition's clock to `nowMs` (fetch rounds, ISR checks… run on the way). */
export function advancePartitions(s: ClusterState, nowMs: number): ClusterState {
  return { ...s, partitions: s.partitions.map((p) => (p.nowMs === nowMs ? p : advanceReplicationClock(p, nowMs))) };
}

/** Sets every partition's view of whether a controller is active. */
export function setControllerAvailability(s: ClusterState, available: boolean): ClusterState {
  return {
    ...s,
    partitions: s.partitions.map((p) => (p.controllerAvailable === available ? p : { ...p, controllerAvailable: available })),
  };
}

function leaderMoves(before: ClusterState, after: ClusterState): string[] {
  const moves: string[] = [];
  after.partitions.forEach((p, i) => {
    const old = before.partitions[i].leader;
    if (old !== p.leader) moves.push(`${p.config.topic}-${p.config.partition}: ${old} → ${p.leader === -1 ? "없음(-1)" : p.leader}`);
  });
  return moves;
}

/**
 * The broker process stops: its replicas stop fetching and serving (the controller does not know
 * yet). A crash (`graceful` false) is an unclean shutdown for ELR when the broker registers again.
 */
export function stopBrokerProcess(s: ClusterState, brokerId: number, graceful = false): ClusterState {
  return mapPartitionsOf(s, brokerId, (p) => brokerDown(p, brokerId, false, graceful));
}

/** Controller fences a broker: it leaves every ISR and every partition it led gets a new leader. */
export function fenceNode(s: ClusterState, brokerId: number, why: string): ClusterState {
  const fenced = withNode(
    mapPartitionsOf(s, brokerId, (p) => fenceBroker(p, brokerId)),
    brokerId,
    (n) => ({ ...n, fenced: true, registered: false, sessionDeadlineMs: null }),
  );
  const moves = leaderMoves(s, fenced);
  return logLine(fenced, `브로커 ${brokerId} 펜싱 (${why})${moves.length ? ` — 리더 이동: ${moves.join(", ")}` : ""}`);
}

/**
 * A (re)started broker registers with the active controller. A broker that came back before it was
 * ever fenced is first fenced (its old registration is replaced), then unfenced.
 */
export function registerNode(s: ClusterState, brokerId: number): ClusterState {
  const n = nodeOf(s, brokerId);
  if (!n || !n.isBroker) return s;
  let out = n.fenced ? s : fenceNode(s, brokerId, "재시작으로 이전 등록 교체");
  out = mapPartitionsOf(out, brokerId, (p) => brokerUp(p, brokerId));
  const moves = leaderMoves(s, out);
  out = withNode(out, brokerId, (x) => ({ ...x, fenced: false, registered: true, sessionDeadlineMs: null }));
  return logLine(out, `브로커 ${brokerId} 등록·언펜싱${moves.length ? ` — 리더 변경: ${moves.join(", ")}` : ""}`);
}
