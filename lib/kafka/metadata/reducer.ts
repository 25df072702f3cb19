/**
 * `stepMetadata(state, event)`: client metadata events (bootstrap, ticks, produce) and the
 * cluster-side changes that make a client's cache stale. Never throws.
 */
import type { SimError } from "../core/errors";
import { guardStep } from "../core/step-guard";
import { fenceBrokerPartitions, unfenceBrokerPartitions, type ControllerRules } from "./elr";
import { isMetadataExpired, refreshMetadata, sendProduce, appendMetadataTrace } from "./client";
import { validateClusterSnapshot, type ClusterSnapshot, type MetadataEvent, type MetadataState } from "./types";

const err = (state: MetadataState, error: SimError): MetadataState => ({ ...state, lastError: error });
const invalid = (message: string): SimError => ({ code: "INVALID_EVENT", message });

const WITHOUT_ELR: ControllerRules = { eligibleLeaderReplicas: false, minInsyncReplicas: 1 };

/**
 * Controller rule for a failed broker without ELR: it leaves every ISR (unless it is the last
 * member), and partitions it led get the first live ISR replica in assignment order, or -1
 * (offline); the leader epoch is bumped. Kept for callers; `fenceBrokerPartitions` takes ELR rules.
 */
export function electLeadersAfterFailure(cluster: ClusterSnapshot, deadId: number): ClusterSnapshot {
  return fenceBrokerPartitions(cluster, deadId, WITHOUT_ELR);
}

/** Controller rule for a broker that is back, without ELR: an offline partition whose ISR still holds it elects it. */
export function electLeadersAfterRecovery(cluster: ClusterSnapshot, backId: number): ClusterSnapshot {
  return unfenceBrokerPartitions(cluster, backId, WITHOUT_ELR);
}

/** The controller's ELR settings from the config (older states without them: ELR off). */
function controllerRules(s: MetadataState): ControllerRules {
  return { eligibleLeaderReplicas: s.config.eligibleLeaderReplicas === true, minInsyncReplicas: s.config.minInsyncReplicas ?? 1 };
}

/** Applies one event. */
export function stepMetadata(state: MetadataState, event: MetadataEvent): MetadataState {
  return guardStep(state, event, applyMetadataEvent);
}

function applyMetadataEvent(state: MetadataState, event: MetadataEvent): MetadataState {
  const s: MetadataState = { ...state, lastError: null };
  switch (event?.type) {
    case "bootstrap":
      return refreshMetadata(s, "bootstrap.servers로 첫 연결");
    case "refresh":
      return refreshMetadata(s, "요청에 의한 갱신");
    case "tick": {
      if (typeof event.ms !== "number" || !Number.isFinite(event.ms) || event.ms < 0)
        return err(state, invalid("tick의 ms는 0 이상의 숫자여야 합니다."));
      const t = { ...s, nowMs: s.nowMs + event.ms };
      return isMetadataExpired(t) ? refreshMetadata(t, `metadata.max.age.ms(${t.config.metadataMaxAgeMs}ms) 경과`) : t;
    }
    case "produce": {
      if (typeof event.topic !== "string" || !Number.isInteger(event.partition) || event.partition < 0)
        return err(state, invalid("produce에는 topic과 0 이상의 partition이 필요합니다."));
      return sendProduce(s, event.topic, event.partition);
    }
    case "moveLeader": {
      const p = s.cluster.partitions.find((x) => x.topic === event.topic && x.partition === event.partition);
      if (!p) return err(state, invalid(`${event.topic}-${event.partition} 파티션이 없습니다.`));
      if (!p.replicas.includes(event.leader)) return err(state, invalid(`브로커 ${event.leader}는 이 파티션의 레플리카가 아닙니다.`));
      if (event.leader === p.leader) return s;
      const partitions = s.cluster.partitions.map((x) => (x === p ? { ...x, leader: event.leader, leaderEpoch: x.leaderEpoch + 1 } : x));
      return appendMetadataTrace(
        { ...s, cluster: { ...s.cluster, partitions } },
        {
          kind: "info",
          message: `클러스터: ${p.topic}-${p.partition} 리더가 ${p.leader} → ${event.leader}로 바뀌었습니다 (에포크 ${p.leaderEpoch + 1}). 클라이언트는 아직 모릅니다.`,
        },
      );
    }
    case "setBrokerAlive": {
      const b = s.cluster.brokers.find((x) => x.id === event.brokerId);
      if (!b) return err(state, invalid(`브로커 ${String(event.brokerId)}가 없습니다.`));
      if (b.alive === !!event.alive) return s;
      let cluster: ClusterSnapshot = {
        ...s.cluster,
        brokers: s.cluster.brokers.map((x) => (x === b ? { ...x, alive: !!event.alive } : x)),
      };
      const rules = controllerRules(s);
      cluster = event.alive
        ? unfenceBrokerPartitions(cluster, b.id, rules, event.uncleanShutdown === true)
        : fenceBrokerPartitions(cluster, b.id, rules);
      return appendMetadataTrace({ ...s, cluster }, { kind: "info", message: `클러스터: 브로커 ${b.id} ${event.alive ? "복구" : "중단"}` });
    }
    case "setCluster": {
      const problem = validateClusterSnapshot(event.cluster);
      if (problem) return err(state, invalid(problem));
      return appendMetadataTrace(
        { ...s, cluster: structuredClone(event.cluster) },
        { kind: "info", message: "클러스터 상태가 교체되었습니다." },
      );
    }
    default:
      return err(state, {
        code: "UNKNOWN_EVENT",
        message: `알 수 없는 메타데이터 이벤트입니다: ${String((event as { type?: unknown })?.type)}`,
      });
  }
}
