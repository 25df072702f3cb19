/** What the metadata lab draws: the real cluster beside the client's cache, and the last requests. */
import type { MetadataEvent, MetadataState, MetadataTraceEntry } from "../metadata/types";
import type { Prediction } from "./prediction";

export interface MetadataPartitionRow {
  name: string;
  topic: string;
  partition: number;
  leader: number;
  leaderEpoch: number;
  /** Leader the client believes in (null = not known yet). */
  cachedLeader: number | null;
  cachedEpoch: number | null;
  stale: boolean;
}

export interface MetadataView {
  brokers: { id: number; address: string; alive: boolean; known: boolean }[];
  partitions: MetadataPartitionRow[];
  bootstrapped: boolean;
  kip951: boolean;
  /** Trace entries the last event added (what the picture animates). */
  latest: MetadataTraceEntry[];
}

/** Selector: the metadata lab's picture. `traceBefore` is the trace length before the last event. */
export function metadataView(s: MetadataState, traceBefore = 0): MetadataView {
  return {
    brokers: s.cluster.brokers.map((b) => ({
      id: b.id,
      address: `${b.host}:${b.port}`,
      alive: b.alive,
      known: !!s.cache?.brokers.some((c) => c.id === b.id),
    })),
    partitions: s.cluster.partitions.map((p) => {
      const c = s.cache?.partitions.find((x) => x.topic === p.topic && x.partition === p.partition) ?? null;
      return {
        name: `${p.topic}-${p.partition}`,
        topic: p.topic,
        partition: p.partition,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        cachedLeader: c?.leader ?? null,
        cachedEpoch: c?.leaderEpoch ?? null,
        stale: c !== null && (c.leader !== p.leader || c.leaderEpoch !== p.leaderEpoch),
      };
    }),
    bootstrapped: s.cache !== null,
    kip951: s.config.currentLeaderHint,
    latest: s.trace.slice(Math.min(traceBefore, s.trace.length)),
  };
}

/** One Korean narration per event: what the client sent, which errors it got, what it learned. */
export function narrateMetadata(before: MetadataState, after: MetadataState, event: MetadataEvent): string {
  if (after.lastError && event.type !== "produce") return after.lastError.message;
  const added = after.trace.slice(Math.min(before.trace.length, after.trace.length));
  if (event.type === "produce" && after.lastProduce) {
    const p = after.lastProduce;
    const errors = [...new Set(added.filter((t) => t.kafkaError).map((t) => t.kafkaError))];
    const head = p.ok
      ? `${p.topic}-${p.partition}: ${p.attempts}번째 시도에 브로커 ${p.broker}가 받았습니다.`
      : `${p.topic}-${p.partition}: ${p.attempts}번 시도했지만 실패했습니다.`;
    const tail = errors.length ? ` 받은 오류: ${errors.join(", ")}. Metadata 요청 ${p.metadataRequests}번.` : "";
    return head + tail + (after.lastError ? ` ${after.lastError.message}` : "");
  }
  if (event.type === "tick" && added.length === 0) return "";
  return added.length ? added[added.length - 1].message : "변화가 없습니다.";
}

/** Predict: after the leader moves, on which attempt does the next send succeed? */
export const metadataPrediction: Prediction = {
  question: "클라이언트가 모르는 사이 orders-0의 리더가 바뀐 뒤 orders-0에 보내면, 몇 번째 시도에 성공할까요?",
  choices: [
    { id: "1", label: "첫 번째 시도" },
    { id: "2", label: "두 번째 시도" },
    { id: "3+", label: "세 번째 이후" },
    { id: "fail", label: "실패" },
  ],
  hint: "bootstrap → 리더 이동 → 보내기 순서로 눌러 보세요.",
};

/** Outcome of the last send to orders-0 after a leader move, or null. */
export function metadataOutcome(s: MetadataState): string | null {
  const p = s.lastProduce;
  const moved = s.cluster.partitions.some((x) => x.topic === "orders" && x.partition === 0 && x.leaderEpoch > 0);
  if (!p || !moved || p.topic !== "orders" || p.partition !== 0) return null;
  if (!p.ok) return "fail";
  return p.attempts >= 3 ? "3+" : String(p.attempts);
}
