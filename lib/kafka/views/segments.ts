/** What the segment & retention playground shows: segment files, and what the last action did. */
import { segmentFileName } from "../log/file-names";
import { largestTimestamp, segmentLastOffset } from "../log/segment";
import type { RetentionState } from "../retention/types";
import type { Prediction } from "./prediction";
import { formatSimTimeKo } from "./time";

/** One segment as a widget shows it: its file name, offset range, size and newest timestamp. */
export interface SegmentView {
  fileName: string;
  baseOffset: number;
  lastOffset: number;
  records: number;
  bytes: number;
  /** Largest record timestamp (what time retention compares), or null while empty. */
  newestTimestampMs: number | null;
  active: boolean;
}

/** Selector: the partition's segments as files, oldest first; the last one is active. */
export function segmentViews(state: RetentionState): SegmentView[] {
  const segs = state.log.segments;
  return segs.map((seg, i) => ({
    fileName: segmentFileName(seg.baseOffset),
    baseOffset: seg.baseOffset,
    lastOffset: segmentLastOffset(seg),
    records: seg.batches.reduce((n, b) => n + b.records.length, 0),
    bytes: seg.size,
    newestTimestampMs: seg.batches.length ? largestTimestamp(seg) : null,
    active: i === segs.length - 1,
  }));
}

/** The playground's narration of its current state, in Korean. */
export function describeRetention(state: RetentionState): string {
  if (state.lastError) return state.lastError.message;
  const f = state.lastFetch;
  if (f && f.brokerError) {
    return `${f.brokerError}: 오프셋 ${f.requestedOffset}은(는) 이미 삭제되었습니다 (log start offset ${state.log.logStartOffset}). auto.offset.reset=earliest에 따라 ${f.readFrom}부터 읽었습니다: 레코드 ${f.records.length}개.`;
  }
  if (f) return `오프셋 ${f.requestedOffset}부터 레코드 ${f.records.length}개를 읽었습니다. 읽어도 레코드는 지워지지 않습니다.`;
  const run = state.lastRun;
  if (run && run.deleted.length) {
    const reasons = [...new Set(run.deleted.map((d) => d.reason))].join(", ");
    const rolled = run.rolledEmptySegment ? " 모든 세그먼트가 대상이라 빈 세그먼트를 먼저 새로 만들었습니다." : "";
    return `${formatSimTimeKo(run.atMs)} 보존 검사: 세그먼트 ${run.deleted.length}개 삭제 (${reasons}). log start offset ${run.logStartOffsetBefore} → ${run.logStartOffsetAfter}.${rolled}`;
  }
  if (run) return `${formatSimTimeKo(run.atMs)} 보존 검사: 지울 세그먼트가 없습니다.`;
  if (state.log.lastRoll && state.log.lastRoll.reason !== "retention")
    return `세그먼트가 가득 차 새 세그먼트 ${state.log.lastRoll.baseOffset}번에서 쓰기 시작했습니다 (${state.log.lastRoll.reason}).`;
  return state.log.logEndOffset ? `레코드 ${state.log.logEndOffset}개를 썼습니다.` : "아직 레코드가 없습니다. 레코드를 보내 보세요.";
}

/** Predict: records written at 0 s, retention.ms = 1 min — does the check at exactly 1 min delete them? */
export const retentionPrediction: Prediction = {
  question: "시각 0초에 레코드를 보내고 retention.ms=1분일 때, 1분 시점의 보존 검사는 그 세그먼트를 지울까요?",
  choices: [
    { id: "deleted", label: "지운다" },
    { id: "kept", label: "아직 지우지 않는다" },
  ],
  hint: "레코드를 보내고 「시간 +1분」을 눌러 보세요.",
};

/** The outcome of the first retention check that saw a record. */
export function retentionOutcome(s: RetentionState): string | null {
  const run = s.lastRun;
  if (!run || s.log.logEndOffset === 0) return null;
  return run.deleted.length ? "deleted" : "kept";
}
