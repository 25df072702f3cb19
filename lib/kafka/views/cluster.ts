/** What the cluster lab draws: nodes and their roles, the controller, and who leads each partition. */
import { partitionOf } from "../cluster/queries";
import type { ClusterEvent, ClusterState } from "../cluster/types";
import { narrateElr } from "./elr";
import type { Prediction } from "./prediction";

export interface ClusterNodeView {
  id: number;
  /** "브로커", "컨트롤러" or "브로커 + 컨트롤러" (KRaft combined mode). */
  role: string;
  isBroker: boolean;
  running: boolean;
  fenced: boolean;
  activeController: boolean;
  /** Partitions (numbers) this broker leads now. */
  leads: number[];
}

export interface ClusterPartitionView {
  name: string;
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  /** Eligible leader replicas (KIP-966); null when ELR is off (ZooKeeper era, 2.x). */
  elr: number[] | null;
  leaderEpoch: number;
}

export interface ClusterView {
  mode: "kraft" | "zookeeper";
  nodes: ClusterNodeView[];
  partitions: ClusterPartitionView[];
  controllerId: number;
  controllerEpoch: number;
  electionPending: boolean;
  /** KRaft: voters, how many are running, the majority needed. */
  quorum: { voters: number[]; running: number; majority: number } | null;
}

/** Selector: the whole picture of the cluster lab. */
export function clusterView(s: ClusterState): ClusterView {
  const partitions = s.partitions.map((p) => ({
    name: `${p.config.topic}-${p.config.partition}`,
    partition: p.config.partition,
    leader: p.leader,
    replicas: p.config.replicas,
    isr: p.isr,
    elr: p.config.eligibleLeaderReplicas ? p.elr : null,
    leaderEpoch: p.leaderEpoch,
  }));
  const voters = s.nodes.filter((n) => n.isController).map((n) => n.id);
  return {
    mode: s.config.metadataMode,
    nodes: s.nodes.map((n) => ({
      id: n.id,
      role: n.isBroker && n.isController ? "브로커 + 컨트롤러" : n.isController ? "컨트롤러" : "브로커",
      isBroker: n.isBroker,
      running: n.running,
      fenced: n.fenced,
      activeController: s.controller.activeId === n.id,
      leads: partitions.filter((p) => p.leader === n.id).map((p) => p.partition),
    })),
    partitions,
    controllerId: s.controller.activeId,
    controllerEpoch: s.controller.epoch,
    electionPending: s.controller.electionAtMs !== null,
    quorum:
      s.config.metadataMode === "kraft"
        ? { voters, running: s.nodes.filter((n) => n.isController && n.running).length, majority: Math.floor(voters.length / 2) + 1 }
        : null,
  };
}

/** One Korean sentence for what an event changed: nodes, the controller and every partition's leader. */
export function narrateCluster(before: ClusterState, after: ClusterState, event: ClusterEvent): string {
  if (after.lastError) return after.lastError.message;
  const parts: string[] = [];
  if (event.type === "nodeDown")
    parts.push(`${nodeName(before, event.nodeId)} ${event.graceful ? "정상 종료되었습니다" : "중단되었습니다"}.`);
  if (event.type === "nodeUp") parts.push(`${nodeName(before, event.nodeId)} 다시 시작되었습니다.`);
  if (before.controller.activeId !== after.controller.activeId) {
    parts.push(
      after.controller.activeId >= 0
        ? `새 활성 컨트롤러는 노드 ${after.controller.activeId}입니다 (epoch ${after.controller.epoch}).`
        : "활성 컨트롤러가 없습니다. 리더를 바꿀 수 없습니다.",
    );
  }
  for (const p of after.partitions) {
    const old = partitionOf(before, p.config.topic, p.config.partition);
    if (!old || old.leader === p.leader) continue;
    parts.push(
      p.leader >= 0
        ? `파티션 ${p.config.partition}의 새 리더는 브로커 ${p.leader}입니다.`
        : `파티션 ${p.config.partition}은(는) 리더가 없어 오프라인입니다.`,
    );
  }
  for (const p of after.partitions) {
    const old = partitionOf(before, p.config.topic, p.config.partition);
    const elr = old ? narrateElr(`파티션 ${p.config.partition}`, old, p) : null;
    if (elr) parts.push(elr);
  }
  for (const n of after.nodes) {
    const old = before.nodes.find((x) => x.id === n.id);
    if (old && !old.fenced && n.fenced && event.type === "tick") parts.push(`컨트롤러가 브로커 ${n.id}을(를) 차단(fence)했습니다.`);
  }
  if (parts.length === 0 && event.type === "tick") return "";
  return parts.join(" ") || "변화가 없습니다.";
}

function nodeName(s: ClusterState, id: number): string {
  const n = s.nodes.find((x) => x.id === id);
  return n?.isBroker ? `브로커 ${id}이(가)` : `컨트롤러 ${id}이(가)`;
}

/** The partition the prediction asks about, and its first leader. */
const ASKED = { topic: "orders", partition: 0 };

/** Predict: stop partition 0's leader — who leads it once the cluster has settled? */
export function clusterPrediction(s: ClusterState): Prediction {
  const p = partitionOf(s, ASKED.topic, ASKED.partition);
  const brokers = s.nodes.filter((n) => n.isBroker).map((n) => n.id);
  return {
    question: `파티션 ${ASKED.partition}의 리더인 브로커 ${p?.config.replicas[0] ?? "?"}을(를) 장애로 멈추고 시간을 흘리면, 파티션 ${ASKED.partition}의 리더는 누가 될까요?`,
    choices: [...brokers.map((b) => ({ id: `broker-${b}`, label: `브로커 ${b}` })), { id: "offline", label: "리더 없음 (오프라인)" }],
    hint: "리더 브로커를 멈추고 시간을 흘려 보세요.",
  };
}

/** The prediction's outcome once the preferred leader is down and no election or fencing is pending; else null. */
export function clusterOutcome(s: ClusterState): string | null {
  const p = partitionOf(s, ASKED.topic, ASKED.partition);
  if (!p) return null;
  const preferred = s.nodes.find((n) => n.id === p.config.replicas[0]);
  if (!preferred || preferred.running) return null;
  const pending = s.controller.electionAtMs !== null || s.nodes.some((n) => n.sessionDeadlineMs !== null);
  if (pending || p.leader === preferred.id) return null;
  return p.leader >= 0 ? `broker-${p.leader}` : "offline";
}
