/**
 * Where a consumer commits its offset relative to processing, run side by side on the same
 * events (the "Manual Offset Control" section of `KafkaConsumer`'s javadoc): committing right
 * after `poll()` and before processing gives at-most-once (a crash loses the unprocessed rest of
 * the batch); committing after processing gives at-least-once (a crash re-delivers what was
 * processed but not committed). `enable.auto.commit=false`; `commitSync()` commits the position,
 * i.e. the offset of the next record to read; a restarted consumer starts at the committed offset,
 * or at `auto.offset.reset=earliest` (offset 0) when nothing was committed.
 */
import { fail, ok, type Result } from "../core/errors";
import { guardStep, invalidEvent, isInt, unknownEvent } from "../core/step-guard";
import type { SimError } from "../core/errors";

/** The two places a commit can go. */
export type CommitOrder = "before" | "after";
export const COMMIT_ORDERS: readonly CommitOrder[] = ["before", "after"];

/** One consumer (one lane of the comparison). */
export interface CommitLane {
  order: CommitOrder;
  running: boolean;
  /** The group's committed offset for the partition (null = never committed). */
  committed: number | null;
  /** Next offset `poll()` fetches (meaningless while stopped). */
  position: number;
  /** Offsets returned by the last `poll()` and not yet processed, in order. */
  inHand: number[];
  /** How many times each offset was processed (its side effect happened), by offset. */
  processed: number[];
  /** Restarts after a crash so far. */
  restarts: number;
}

export interface CommitOrderConfig {
  /** Records in the partition at the start (1–50). */
  records?: number;
  /** `max.poll.records` (1–10). */
  maxPollRecords?: number;
}

export interface CommitOrderState {
  maxPollRecords: number;
  /** Log end offset of the partition (records 0 … logEndOffset − 1). */
  logEndOffset: number;
  lanes: [CommitLane, CommitLane];
  /** Korean narration of the last event, one line per lane where something happened. */
  trace: string[];
  lastError: SimError | null;
}

export type CommitOrderEvent =
  | { type: "poll" }
  | { type: "process" }
  /** One turn of the consumer loop: poll when nothing is in hand, otherwise process the next record. */
  | { type: "step" }
  | { type: "crash" }
  | { type: "restart" }
  | { type: "append"; count?: number };

const MAX_RECORDS = 50;

function lane(order: CommitOrder, records: number): CommitLane {
  return { order, running: true, committed: null, position: 0, inHand: [], processed: Array(records).fill(0), restarts: 0 };
}

/** A partition with `records` records and one consumer per commit order, both at offset 0. */
export function createCommitOrderState(config: CommitOrderConfig = {}): Result<CommitOrderState> {
  const records = config.records ?? 9;
  const maxPollRecords = config.maxPollRecords ?? 3;
  if (!isInt(records) || records < 1 || records > MAX_RECORDS)
    return fail("INVALID_CONFIG", `레코드 수는 1~${MAX_RECORDS} 사이의 정수여야 합니다 (받은 값: ${String(records)}).`);
  if (!isInt(maxPollRecords) || maxPollRecords < 1 || maxPollRecords > 10)
    return fail("INVALID_CONFIG", `max.poll.records는 1~10 사이의 정수여야 합니다 (받은 값: ${String(maxPollRecords)}).`);
  return ok({
    maxPollRecords,
    logEndOffset: records,
    lanes: [lane("before", records), lane("after", records)],
    trace: [],
    lastError: null,
  });
}

const NAME: Record<CommitOrder, string> = { before: "처리 전 커밋", after: "처리 후 커밋" };

function commit(l: CommitLane, trace: string[]): CommitLane {
  trace.push(`${NAME[l.order]}: commitSync → 커밋 오프셋 ${l.position}.`);
  return { ...l, committed: l.position };
}

function poll(l: CommitLane, s: CommitOrderState, trace: string[]): CommitLane {
  if (!l.running || l.inHand.length > 0) return l;
  const end = Math.min(s.logEndOffset, l.position + s.maxPollRecords);
  const got = Array.from({ length: Math.max(0, end - l.position) }, (_, i) => l.position + i);
  if (got.length === 0) {
    trace.push(`${NAME[l.order]}: poll()이 빈 결과를 돌려줬습니다 (끝까지 읽음).`);
    return l;
  }
  trace.push(`${NAME[l.order]}: poll() → 오프셋 ${got[0]}–${got[got.length - 1]}.`);
  const next = { ...l, inHand: got, position: end };
  return l.order === "before" ? commit(next, trace) : next;
}

function process(l: CommitLane, trace: string[]): CommitLane {
  if (!l.running || l.inHand.length === 0) return l;
  const [offset, ...rest] = l.inHand;
  const processed = l.processed.map((n, o) => (o === offset ? n + 1 : n));
  trace.push(`${NAME[l.order]}: 오프셋 ${offset} 처리${processed[offset] > 1 ? ` (${processed[offset]}번째, 중복 처리)` : ""}.`);
  const next = { ...l, inHand: rest, processed };
  return l.order === "after" && rest.length === 0 ? commit(next, trace) : next;
}

function crash(l: CommitLane, trace: string[]): CommitLane {
  if (!l.running) return l;
  trace.push(
    `${NAME[l.order]}: 컨슈머가 죽었습니다${l.inHand.length ? ` (처리하지 못한 오프셋 ${l.inHand.join(", ")})` : ""}. 커밋 오프셋 ${l.committed ?? "없음"}.`,
  );
  return { ...l, running: false, inHand: [] };
}

function restart(l: CommitLane, trace: string[]): CommitLane {
  if (l.running) return l;
  const at = l.committed ?? 0;
  trace.push(
    `${NAME[l.order]}: 다시 시작해 ${l.committed === null ? "커밋이 없어 auto.offset.reset=earliest로 오프셋 0" : `커밋 오프셋 ${at}`}부터 읽습니다.`,
  );
  return { ...l, running: true, position: at, restarts: l.restarts + 1 };
}

/** Applies one event to both consumers (pure; never throws). */
export function stepCommitOrder(state: CommitOrderState, event: CommitOrderEvent): CommitOrderState {
  return guardStep(state, event, (s0, e) => {
    const s: CommitOrderState = { ...s0, lastError: null, trace: [] };
    const trace: string[] = [];
    const each = (f: (l: CommitLane) => CommitLane): CommitOrderState => {
      const lanes = s.lanes.map(f) as [CommitLane, CommitLane];
      return { ...s, lanes, trace };
    };
    switch (e.type) {
      case "poll":
        return each((l) => poll(l, s, trace));
      case "process":
        return each((l) => process(l, trace));
      case "step":
        return each((l) => (l.inHand.length ? process(l, trace) : poll(l, s, trace)));
      case "crash":
        return each((l) => crash(l, trace));
      case "restart":
        return each((l) => restart(l, trace));
      case "append": {
        const count = e.count ?? 1;
        if (!isInt(count) || count < 1) return invalidEvent(s, `추가할 레코드 수는 1 이상의 정수여야 합니다 (받은 값: ${String(count)}).`);
        const add = Math.min(count, MAX_RECORDS - s.logEndOffset);
        if (add <= 0) return invalidEvent(s, `이 실습의 파티션에는 레코드를 ${MAX_RECORDS}개까지 둘 수 있습니다.`);
        const lanes = s.lanes.map((l) => ({ ...l, processed: [...l.processed, ...Array(add).fill(0)] })) as [CommitLane, CommitLane];
        return {
          ...s,
          logEndOffset: s.logEndOffset + add,
          lanes,
          trace: [`레코드 ${add}개가 추가되었습니다 (log end offset ${s.logEndOffset + add}).`],
        };
      }
      default:
        return unknownEvent(s, e);
    }
  });
}

/** What a lane's run did to the records: lost (skipped for good) and processed more than once. */
export interface CommitLaneOutcome {
  order: CommitOrder;
  /** Where this consumer reads on from: the next unprocessed record, or (stopped) where it will restart. */
  frontier: number;
  /** Never processed and below the frontier: no consumer of this group will see them (at-most-once). */
  lost: number[];
  /** Processed more than once so far (at-least-once). */
  duplicated: number[];
  /** Already processed but at or past the frontier: the consumer will process them again. */
  redelivered: number[];
}

/** The delivery outcome of one lane (pure). */
export function commitLaneOutcome(l: CommitLane): CommitLaneOutcome {
  const frontier = l.running ? l.position - l.inHand.length : (l.committed ?? 0);
  const pick = (f: (n: number, o: number) => boolean) => l.processed.flatMap((n, o) => (f(n, o) ? [o] : []));
  return {
    order: l.order,
    frontier,
    lost: pick((n, o) => n === 0 && o < frontier),
    duplicated: pick((n) => n > 1),
    redelivered: pick((n, o) => n > 0 && o >= frontier),
  };
}
