/** What the null-key playground shows: the last record's partition and the batches per partition. */
import type { PartitionerState } from "../partitioner/state";
import type { Prediction } from "./prediction";

/** Narration of the partitioner's last send or drain. */
export function describePartitioner(state: PartitionerState, events: number): string {
  if (state.lastError) return state.lastError.message;
  const last = state.last;
  if (!last) return events ? "배치를 보냈습니다. 대기 중인 배치가 비었습니다." : "아직 보낸 레코드가 없습니다.";
  const parts = [`마지막 레코드 → 파티션 ${last.partition}`];
  if (last.newBatch) parts.push("새 배치를 열었습니다");
  if (last.switchedTo !== undefined) parts.push(`다음 레코드부터 파티션 ${last.switchedTo}(으)로 전환`);
  return parts.join(" · ");
}

/** Predict: how many partitions do ten 1,000-byte keyless records reach? */
export const partitionerPrediction: Prediction = {
  question: "키 없는 1,000바이트 레코드 10개를 보내면, 몇 개의 파티션에 흩어질까요?",
  choices: ["1", "2", "3", "4"].map((n) => ({ id: n, label: `${n}개` })),
  hint: "「10개 보내기」를 눌러 보세요.",
};

/** Partitions that received records, once at least ten records went out. */
export function partitionerOutcome(s: PartitionerState): string | null {
  const sent = s.recordsPerPartition.reduce((a, b) => a + b, 0);
  if (sent < 10) return null;
  return String(s.recordsPerPartition.filter((n) => n > 0).length);
}
