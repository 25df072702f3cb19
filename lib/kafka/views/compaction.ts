/** What the compaction lab draws: segments split into clean and dirty parts, the dirty ratio, records. */
import { grabLogToClean, isCleanable } from "../compaction/cleanable";
import type { CompactionEvent, CompactionState, LogToClean } from "../compaction/types";
import { segmentFileName } from "../log/file-names";
import type { LogRecord, RecordInput } from "../log/types";
import type { Prediction } from "./prediction";

export type SegmentPart = "clean" | "dirty" | "uncleanable";

export interface CompactionSegmentView {
  fileName: string;
  baseOffset: number;
  records: number;
  bytes: number;
  active: boolean;
  /** Where the segment sits relative to the cleaner checkpoint and the first uncleanable offset. */
  part: SegmentPart;
}

export interface CompactionView {
  segments: CompactionSegmentView[];
  toClean: LogToClean;
  /** Would the cleaner compact this log right now (ratio above the threshold, or max lag exceeded)? */
  cleanable: boolean;
  minCleanableDirtyRatio: number;
  checkpoint: number | null;
  recordCount: number;
  tombstones: number;
  /** Records in offset order; the lab windows this list instead of drawing every row. */
  records: LogRecord[];
}

/** Selector: the compacted partition as the lab shows it (the engine decides what is cleanable). */
export function compactionView(s: CompactionState): CompactionView {
  const grabbed = grabLogToClean(s.log, s.checkpoint, s.log.nowMs, s.config);
  const toClean: LogToClean = { ...grabbed };
  delete (toClean as Partial<typeof grabbed>).forceUpdateCheckpoint;
  const last = s.log.segments.length - 1;
  const records: LogRecord[] = [];
  let tombstones = 0;
  const segments = s.log.segments.map((seg, i) => {
    let count = 0;
    for (const b of seg.batches)
      for (const r of b.records) {
        records.push(r);
        count++;
        if (r.value === null) tombstones++;
      }
    const end = seg.baseOffset + Math.max(count, 1);
    const part: SegmentPart =
      i === last || seg.baseOffset >= toClean.firstUncleanableOffset ? "uncleanable" : end <= toClean.firstDirtyOffset ? "clean" : "dirty";
    return {
      fileName: segmentFileName(seg.baseOffset),
      baseOffset: seg.baseOffset,
      records: count,
      bytes: seg.size,
      active: i === last,
      part,
    };
  });
  return {
    segments,
    toClean,
    cleanable: isCleanable(toClean, s.config),
    minCleanableDirtyRatio: s.config.minCleanableDirtyRatio,
    checkpoint: s.checkpoint,
    recordCount: records.length,
    tombstones,
    records,
  };
}

/** Keys the lab writes, so compaction has something to merge. */
export const COMPACTION_KEYS = ["user-1", "user-2", "user-3", "user-4"] as const;

/** `count` keyed records cycling over the lab's keys (one bulk append, e.g. 10,000 records). */
export function bulkRecords(count: number, nowMs: number, startOffset: number): RecordInput[] {
  return Array.from({ length: count }, (_, i) => ({
    key: COMPACTION_KEYS[(startOffset + i) % COMPACTION_KEYS.length],
    value: `v${startOffset + i}`,
    timestamp: nowMs,
  }));
}

const ratio = (n: number) => n.toFixed(2);

/** One Korean sentence per compaction event. */
export function narrateCompaction(before: CompactionState, after: CompactionState, event: CompactionEvent): string {
  if (after.lastError) return after.lastError.message;
  if (event.type === "append") {
    const n = event.records.length;
    const first = before.log.logEndOffset;
    if (n === 1) {
      const r = event.records[0];
      return r.value === null
        ? `키 ${r.key}의 툼스톤(값 null)을 오프셋 ${first}에 썼습니다.`
        : `키 ${r.key}의 레코드를 오프셋 ${first}에 썼습니다.`;
    }
    return `레코드 ${n.toLocaleString("ko-KR")}개를 오프셋 ${first}–${after.log.logEndOffset - 1}에 썼습니다.`;
  }
  if (after.cleanings > before.cleanings && after.lastCleaning) {
    const c = after.lastCleaning;
    return `클리너가 압축했습니다: 레코드 ${c.recordsRead}개 중 ${c.recordsRemoved}개를 지우고 ${c.recordsRetained}개를 남겼습니다 (툼스톤 제거 ${c.tombstonesRemoved}개). 남은 레코드의 오프셋은 그대로입니다.`;
  }
  if ((event.type === "runCleaner" || after.lastCheck !== before.lastCheck) && after.lastCheck) {
    const c = after.lastCheck;
    return `클리너가 검사했지만 청소하지 않았습니다: dirty ratio ${ratio(c.cleanableRatio)}이(가) min.cleanable.dirty.ratio ${ratio(after.config.minCleanableDirtyRatio)}보다 크지 않습니다${c.cleanableBytes === 0 ? " (청소할 수 있는 dirty 구간이 없습니다. 액티브 세그먼트와 min.compaction.lag.ms 안쪽은 제외됩니다)" : ""}.`;
  }
  if (event.type === "roll") return `새 세그먼트 ${after.log.segments[after.log.segments.length - 1].baseOffset}번을 열었습니다.`;
  return "";
}

/** Predict: will the cleaner compact the log now? */
export const compactionPrediction: Prediction = {
  question: "지금 클리너를 돌리면 이 로그를 압축할까요?",
  choices: [
    { id: "yes", label: "압축한다" },
    { id: "no", label: "압축하지 않는다" },
  ],
  hint: "「클리너 실행」을 눌러 보세요.",
};

/** Outcome of the last cleaner check, or null before any check. */
export function compactionOutcome(s: CompactionState): string | null {
  return s.lastCheck ? (s.lastCheck.cleanable ? "yes" : "no") : null;
}
