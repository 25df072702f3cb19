/**
 * Metric-name collisions: '.' and '_' map to the same metric name, so the KRaft controller
 * (`ReplicationControlManager.createTopics`) refuses a new topic whose unified name matches an
 * existing topic's. Precedence follows createTopics: already-exists, then collision, then invalid name.
 */
import { detectInvalidTopic, hasCollisionChars, INVALID_TOPIC_PREFIX } from "./validate";

/** `Topic.unifyCollisionChars`: replaces every '.' with '_'. */
export function unifyCollisionChars(name: string): string {
  return name.replaceAll(".", "_");
}

/** `Topic.hasCollision`: two names collide iff their unified forms are equal. */
export function hasCollision(a: string, b: string): boolean {
  return unifyCollisionChars(a) === unifyCollisionChars(b);
}

export interface NewTopicCheck {
  ok: boolean;
  kafkaError?: "INVALID_TOPIC_EXCEPTION" | "TOPIC_ALREADY_EXISTS";
  /** The controller's exact English message. */
  error?: string;
  errorKo?: string;
}

/** Existing topic that a new name collides with: the smallest (Java TreeSet order) among those with '.'/'_'. */
export function findCollidingTopic(name: string, existing: readonly string[]): string | null {
  if (!hasCollisionChars(name)) return null;
  const unified = unifyCollisionChars(name);
  // topicsWithCollisionChars only indexes existing names that contain '.' or '_'.
  const colliding = existing.filter((t) => hasCollisionChars(t) && unifyCollisionChars(t) === unified);
  if (colliding.length === 0) return null;
  return colliding.reduce((min, t) => (t < min ? t : min));
}

/** Checks a CreateTopics request for one name against existing topics, with the controller's error text. */
export function checkNewTopicName(name: string, existing: readonly string[]): NewTopicCheck {
  if (existing.includes(name))
    return {
      ok: false,
      kafkaError: "TOPIC_ALREADY_EXISTS",
      error: `Topic '${name}' already exists.`,
      errorKo: `'${name}' 토픽이 이미 있습니다.`,
    };
  const colliding = findCollidingTopic(name, existing);
  if (colliding !== null)
    return {
      ok: false,
      kafkaError: "INVALID_TOPIC_EXCEPTION",
      error: `Topic '${name}' collides with existing topic: ${colliding}`,
      errorKo: `'${name}'은(는) 기존 토픽 '${colliding}'과 메트릭 이름이 같아져('.'='_') 만들 수 없습니다.`,
    };
  const invalid = detectInvalidTopic(name);
  if (invalid) return { ok: false, kafkaError: "INVALID_TOPIC_EXCEPTION", error: INVALID_TOPIC_PREFIX + invalid[0], errorKo: invalid[1] };
  return { ok: true };
}
