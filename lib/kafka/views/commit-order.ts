/** What the delivery lab's commit comparison shows: both consumers' records, what each lost or will process twice. */
import { commitLaneOutcome, type CommitLane, type CommitOrderState } from "../consumer-group/commit-order";
import type { Prediction } from "./prediction";

/** How the lab names each commit order. */
export const COMMIT_ORDER_LABEL = {
  before: { title: "처리 전 커밋", guarantee: "at-most-once" },
  after: { title: "처리 후 커밋", guarantee: "at-least-once" },
} as const;

export type RecordFate = "unread" | "inHand" | "processed" | "duplicated" | "lost" | "redelivered";

/** One record as a lane draws it. */
export interface CommitRecordView {
  offset: number;
  fate: RecordFate;
  /** Times processed. */
  count: number;
  /** Below the committed offset. */
  committed: boolean;
}

/** Selector: one lane's records, committed offset, position and outcome. */
export function commitLaneView(l: CommitLane) {
  const outcome = commitLaneOutcome(l);
  const records: CommitRecordView[] = l.processed.map((count, offset) => ({
    offset,
    count,
    committed: l.committed !== null && offset < l.committed,
    fate: outcome.lost.includes(offset)
      ? "lost"
      : count > 1
        ? "duplicated"
        : outcome.redelivered.includes(offset)
          ? "redelivered"
          : count === 1
            ? "processed"
            : l.inHand.includes(offset)
              ? "inHand"
              : "unread",
  }));
  return {
    ...COMMIT_ORDER_LABEL[l.order],
    order: l.order,
    running: l.running,
    committed: l.committed,
    frontier: outcome.frontier,
    records,
    outcome,
    /** Processed twice already, or about to be: the at-least-once cost. */
    twice: [...new Set([...outcome.duplicated, ...outcome.redelivered])].sort((a, b) => a - b),
  };
}

/** Narration: the trace lines the event wrote (or its error). */
export function narrateCommitOrder(_before: CommitOrderState, after: CommitOrderState): string {
  if (after.lastError) return after.lastError.message;
  return after.trace.join(" ");
}

const list = (xs: number[]) => (xs.length ? `오프셋 ${xs.join(", ")}` : "없음");

/** One Korean sentence per lane on what a crash did so far (for the summary under the picture). */
export function summarizeLane(l: CommitLane): string {
  const v = commitLaneView(l);
  return `${v.title} (${v.guarantee}): 잃은 레코드 ${list(v.outcome.lost)}, 두 번 처리했거나 처리할 레코드 ${list(v.twice)}.`;
}

/** Predict: poll 3, process 1, crash, restart — what happens with each commit order? */
export const commitOrderPrediction: Prediction = {
  question:
    "max.poll.records=3으로 poll한 뒤 레코드 1개만 처리하고 컨슈머가 죽었습니다. 다시 시작하면 두 방식에서 각각 무슨 일이 생길까요?",
  choices: [
    { id: "before-loses", label: "처리 전 커밋은 레코드 2개를 잃고, 처리 후 커밋은 레코드 1개를 두 번 처리한다" },
    { id: "none", label: "둘 다 잃거나 두 번 처리하는 레코드가 없다" },
    { id: "after-loses", label: "처리 전 커밋은 레코드 1개를 두 번 처리하고, 처리 후 커밋은 레코드 2개를 잃는다" },
  ],
  hint: "「poll」, 「레코드 하나 처리」, 「컨슈머 장애」, 「다시 시작」을 차례로 눌러 보세요.",
};

/** The outcome once both consumers crashed and restarted; null before. */
export function commitOrderOutcome(s: CommitOrderState): string | null {
  const [before, after] = s.lanes.map(commitLaneOutcome);
  if (!s.lanes.every((l) => l.running && l.restarts > 0)) return null;
  const twiceAfter = after.duplicated.length + after.redelivered.length;
  const twiceBefore = before.duplicated.length + before.redelivered.length;
  if (before.lost.length > 0 && after.lost.length === 0 && twiceAfter > 0) return "before-loses";
  if (before.lost.length === 0 && after.lost.length === 0 && twiceAfter === 0 && twiceBefore === 0) return "none";
  if (after.lost.length > 0) return "after-loses";
  return "other";
}
