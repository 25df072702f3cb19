/**
 * Topic name rules of `org.apache.kafka.common.internals.Topic` (`detectInvalidTopic`,
 * `containsValidPattern`) with Kafka's exact English messages, plus Korean explanations.
 */

/** `Topic.MAX_NAME_LENGTH`: 255-char folder name minus "-" and up to 5 partition digits. */
export const MAX_TOPIC_NAME_LENGTH = 249;
export const INVALID_TOPIC_PREFIX = "Topic name is invalid: ";

/** `kafka-topics.sh --create` warning for any name containing '.' or '_' (TopicCommand). */
export const COLLISION_WARNING =
  "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.";
export const COLLISION_WARNING_KO =
  "경고: 메트릭 이름에서 '.'과 '_'는 같은 문자로 취급되므로 두 문자를 섞으면 토픽이 충돌할 수 있습니다. 둘 중 하나만 쓰세요.";

export interface TopicNameValidation {
  valid: boolean;
  /** Kafka's exact English message (`InvalidTopicException`), prefixed "Topic name is invalid: ". */
  error?: string;
  /** Korean explanation of the same problem. */
  errorKo?: string;
  /** Error name on the wire: INVALID_TOPIC_EXCEPTION (error code 17). */
  kafkaError?: "INVALID_TOPIC_EXCEPTION";
  /** CLI warnings (exact English text). */
  warnings: string[];
  warningsKo: string[];
}

/** `Topic.containsValidPattern`: only ASCII letters, digits, '.', '_' and '-'. */
export function containsValidPattern(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 45;
    if (!ok) return false;
  }
  return true;
}

/** `Topic.hasCollisionChars`: the name contains '.' or '_'. */
export function hasCollisionChars(name: string): boolean {
  return name.includes(".") || name.includes("_");
}

/** `Topic.detectInvalidTopic`: the first failing check in Kafka's order, as [english, korean], or null. */
export function detectInvalidTopic(name: string): [string, string] | null {
  if (name.length === 0) return ["the empty string is not allowed", "빈 문자열은 토픽 이름이 될 수 없습니다."];
  if (name === ".") return ["'.' is not allowed", "'.' 한 글자는 토픽 이름으로 쓸 수 없습니다."];
  if (name === "..") return ["'..' is not allowed", "'..'은 토픽 이름으로 쓸 수 없습니다 ('...'은 가능)."];
  if (name.length > MAX_TOPIC_NAME_LENGTH)
    return [
      `the length of '${name}' is longer than the max allowed length ${MAX_TOPIC_NAME_LENGTH}`,
      `토픽 이름은 최대 ${MAX_TOPIC_NAME_LENGTH}자입니다 (현재 ${name.length}자).`,
    ];
  if (!containsValidPattern(name))
    return [
      `'${name}' contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'`,
      "토픽 이름에는 영문자, 숫자, '.', '_', '-'만 쓸 수 있습니다 (공백·한글·':' 등 불가).",
    ];
  return null;
}

/** Validates a topic name like `Topic.validate` and adds the CLI's '.'/'_' warning for valid names. */
export function validateTopicName(input: string): TopicNameValidation {
  // Widgets may hand over null/undefined from an empty field; treat it as the empty name.
  const name = typeof input === "string" ? input : String(input ?? "");
  const problem = detectInvalidTopic(name);
  if (problem)
    return {
      valid: false,
      error: INVALID_TOPIC_PREFIX + problem[0],
      errorKo: problem[1],
      kafkaError: "INVALID_TOPIC_EXCEPTION",
      warnings: [],
      warningsKo: [],
    };
  const warn = hasCollisionChars(name);
  return { valid: true, warnings: warn ? [COLLISION_WARNING] : [], warningsKo: warn ? [COLLISION_WARNING_KO] : [] };
}

/** Internal topics per `Topic.isInternal`; `__cluster_metadata` is the KRaft log, not in this set. */
export const INTERNAL_TOPICS: readonly string[] = ["__consumer_offsets", "__transaction_state", "__share_group_state"];

/** True for Kafka's internal topics (`Topic.isInternal`). */
export function isInternalTopic(name: string): boolean {
  return INTERNAL_TOPICS.includes(name);
}
