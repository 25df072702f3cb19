/** What the consumer-group lab shows: members and assignments, lag per partition, idle members. */
import { computeLag, idleMembers } from "../consumer-group/offsets";
import type { GroupState } from "../consumer-group/group-types";
import type { Prediction } from "./prediction";

/** Selectors a consumer-group widget shows: lag rows and idle members. */
export const groupView = (s: GroupState) => ({ lag: computeLag(s), idle: idleMembers(s) });

/** Column headers of the lag table, in the order of `groupView(s).lag` fields. */
export const LAG_COLUMNS = ["파티션", "담당 컨슈머", "log end offset", "커밋된 오프셋", "lag"] as const;

/** Narration: the newest timeline entry the event added, or the error. */
export function narrateGroup(before: GroupState, after: GroupState): string {
  if (after.lastError) return after.lastError.message;
  const added = after.history.length - before.history.length;
  if (added <= 0 && after.history[after.history.length - 1] === before.history[before.history.length - 1]) return "";
  return after.history[after.history.length - 1]?.message ?? "";
}

const PAIRS = ["orders-0, orders-1", "orders-0, orders-2", "orders-2, orders-3", "orders-1, orders-3"];

/** Predict: with two members on four partitions, what does consumer-1 keep? */
export const groupPrediction: Prediction = {
  question: "consumer-1이 파티션 4개를 모두 가진 상태에서 consumer-2가 들어오면, 리밸런스 뒤 consumer-1은 어떤 파티션을 가질까요?",
  choices: PAIRS.map((p) => ({ id: p, label: p })),
  hint: "컨슈머를 두 번 추가하고 시간을 흘려 리밸런스를 끝내 보세요.",
};

/** consumer-1's assignment once two live members are Stable, else null. */
export function groupOutcome(s: GroupState): string | null {
  const alive = s.members.filter((m) => m.alive);
  if (s.state !== "Stable" || alive.length !== 2) return null;
  const c1 = alive.find((m) => m.memberId === "consumer-1");
  if (!c1) return null;
  const got = [...c1.assignment].sort().join(", ");
  return PAIRS.includes(got) ? got : `other:${got}`;
}
