/**
 * The active controller. KRaft: the Raft quorum of controller voters elects a leader only while a
 * majority of voters is running (randomised election timeouts → seeded RNG). ZooKeeper era: the
 * first broker to create the ephemeral `/controller` znode wins (at startup, the first broker
 * started; on failover, a race among live brokers → seeded RNG).
 */
import { nextBelow } from "../core/rng";
import { fenceNode, logLine, registerNode, setControllerAvailability } from "./failover";
import type { ClusterState } from "./types";

/** Votes needed in a quorum of n voters. */
export function quorumMajority(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

/** Nodes that may become controller now. */
export function controllerCandidates(s: ClusterState): number[] {
  return s.config.metadataMode === "kraft"
    ? s.nodes.filter((n) => n.isController && n.running).map((n) => n.id)
    : s.nodes.filter((n) => n.isBroker && n.running).map((n) => n.id);
}

/** KRaft: a majority of voters runs; ZooKeeper: any broker runs (the ZooKeeper ensemble itself is not modelled). */
export function hasQuorum(s: ClusterState): boolean {
  const running = controllerCandidates(s).length;
  return s.config.metadataMode === "kraft" ? running >= quorumMajority(s.config.controllers.length) : running > 0;
}

/**
 * Takes the controller away (crash, resignation or lost quorum): metadata changes stall, and
 * KRaft's broker session tracking restarts with the next controller.
 */
export function loseController(s: ClusterState, why: string, electionDelayMs: number | null): ClusterState {
  let out = setControllerAvailability({ ...s, controller: { ...s.controller, activeId: -1, electionAtMs: null } }, false);
  if (s.config.metadataMode === "kraft")
    out = { ...out, nodes: out.nodes.map((n) => (n.sessionDeadlineMs === null ? n : { ...n, sessionDeadlineMs: null })) };
  out = logLine(out, `활성 컨트롤러 ${s.controller.activeId} 상실 (${why})`);
  return electionDelayMs === null ? out : scheduleElection(out, electionDelayMs);
}

/** Schedules an election `delayMs` from now plus a random part of controller.quorum.election.timeout.ms (KRaft). */
export function scheduleElection(s: ClusterState, delayMs: number): ClusterState {
  if (s.controller.activeId >= 0 || s.controller.electionAtMs !== null || !hasQuorum(s)) return s;
  let rng = s.rng;
  let jitter = 0;
  if (s.config.metadataMode === "kraft") [jitter, rng] = nextBelow(rng, s.config.quorumElectionTimeoutMs);
  return { ...s, rng, controller: { ...s.controller, electionAtMs: s.nowMs + delayMs + jitter } };
}

/** Elects a controller now (if possible) and lets it take over broker tracking. */
export function electController(s: ClusterState, how: "startup" | "race"): ClusterState {
  const candidates = controllerCandidates(s);
  if (!hasQuorum(s) || candidates.length === 0) {
    return logLine(
      { ...s, controller: { ...s.controller, activeId: -1, electionAtMs: null } },
      "컨트롤러를 선출할 수 없습니다 (과반수 미달 또는 실행 중인 노드 없음)",
    );
  }
  let rng = s.rng;
  let winner = candidates[0];
  if (!(how === "startup" && s.config.metadataMode === "zookeeper")) {
    const [i, next] = nextBelow(rng, candidates.length);
    winner = candidates[i];
    rng = next;
  }
  let out: ClusterState = { ...s, rng, controller: { activeId: winner, epoch: s.controller.epoch + 1, electionAtMs: null } };
  out = setControllerAvailability(out, true);
  out = logLine(
    out,
    `컨트롤러 ${winner} 선출 (epoch ${out.controller.epoch}, ${s.config.metadataMode === "kraft" ? "KRaft 쿼럼" : "ZooKeeper /controller"})`,
  );
  return takeOver(out);
}

/**
 * A new controller's first pass: running brokers waiting to register are registered; KRaft gives
 * every silent, unfenced broker a fresh session deadline; ZooKeeper fences brokers whose znode is gone.
 */
export function takeOver(s: ClusterState): ClusterState {
  let out = s;
  for (const n of s.nodes) {
    if (!n.isBroker) continue;
    if (n.running && !n.registered) out = registerNode(out, n.id);
    else if (!n.running && !n.fenced) {
      if (s.config.metadataMode === "kraft") {
        out = {
          ...out,
          nodes: out.nodes.map((x) => (x.id === n.id ? { ...x, sessionDeadlineMs: s.nowMs + s.config.brokerSessionTimeoutMs } : x)),
        };
      } else if (!n.registered) out = fenceNode(out, n.id, "ZooKeeper 세션 만료");
    }
  }
  return out;
}
