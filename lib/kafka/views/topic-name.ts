/** The topic-name checker: the typed name as a tiny reducer, and Kafka's own checks on it. */
import { checkNewTopicName } from "../topic-name/collision";
import { isInternalTopic, validateTopicName } from "../topic-name/validate";
import type { Prediction } from "./prediction";

export const EXISTING_TOPICS = ["orders", "payment_events", "__consumer_offsets"] as const;

export interface TopicNameLabState {
  name: string;
  lastError: null;
}
export type TopicNameLabEvent = { type: "type"; name: string };

/** Starts with a well-formed example name. */
export const createTopicNameLab = (): TopicNameLabState => ({ name: "prod.payment.order.created", lastError: null });

/** Applies one edit (pure). */
export function stepTopicNameLab(s: TopicNameLabState, e: TopicNameLabEvent): TopicNameLabState {
  return e?.type === "type" && typeof e.name === "string" ? { ...s, name: e.name.slice(0, 400) } : s;
}

/** Everything the checker shows for one name, from Kafka's own rules. */
export function topicNameCheck(name: string, existing: readonly string[] = EXISTING_TOPICS) {
  return { validation: validateTopicName(name), creation: checkNewTopicName(name, existing), internal: isInternalTopic(name) };
}

/** Predict: can `payment.events` be created next to `payment_events`? */
export const topicNamePrediction: Prediction = {
  question: "payment_events 토픽이 이미 있을 때 payment.events를 만들 수 있을까요?",
  choices: [
    { id: "ok", label: "만들 수 있다" },
    { id: "refused", label: "거절된다" },
  ],
  hint: "이름 칸에 payment.events를 입력해 보세요.",
};

/** The outcome once the learner typed that name. */
export function topicNameOutcome(s: TopicNameLabState): string | null {
  if (s.name !== "payment.events") return null;
  return topicNameCheck(s.name).creation.ok ? "ok" : "refused";
}
