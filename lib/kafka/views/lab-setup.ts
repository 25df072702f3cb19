/**
 * How a lab builds its engine from its settings (the first `settings` event of a shared run), so a
 * link made for a quiz question restores the question's layout (a dedicated controller, one
 * partition, min.insync.replicas=3, the asked partition's replica order) and the grader's outcome.
 */
import type { ClusterInit } from "../cluster/types";
import type { ProfileId } from "../core/profile";
import type { ReplicationInit } from "../replication/types";

type Settings = Record<string, string | number | boolean>;

const pick = <T extends string | number | boolean>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Node id of the one dedicated KRaft controller (`controllers: "dedicated"`). */
export const DEDICATED_CONTROLLER_ID = 100;

/** ClusterLab's cluster: nodes 1–3 in combined mode, or brokers 1–3 with a dedicated controller. */
export function clusterLabInit(profile: ProfileId, seed: number, settings: Settings): ClusterInit {
  const dedicated = settings.controllers === "dedicated";
  const partitions = pick(settings.partitions, [1, 2, 3, 4, 5, 6], 3);
  const minIsr = pick(settings.minIsr, [1, 2, 3], 0);
  return {
    profile,
    seed,
    brokers: [1, 2, 3],
    ...(dedicated ? { controllers: [DEDICATED_CONTROLLER_ID] } : {}),
    topics: [{ name: "orders", partitions, replicationFactor: 3, ...(minIsr ? { minInsyncReplicas: minIsr } : {}) }],
  };
}

const REPLICA_ORDERS = ["1,2,3", "2,3,1", "3,1,2"] as const;

/** ReplicationLab's partition: replicas on brokers 1–3 (in `replicas` order) and its min.insync.replicas. */
export function replicationLabInit(profile: ProfileId, settings: Settings): ReplicationInit & { profile: ProfileId } {
  return {
    profile,
    topic: "orders",
    replicas: pick(settings.replicas, REPLICA_ORDERS, "1,2,3").split(",").map(Number),
    minInsyncReplicas: pick(settings.minIsr, [1, 2, 3], 2),
    followerFetchIntervalMs: 500,
  };
}
