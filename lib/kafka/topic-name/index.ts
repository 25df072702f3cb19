/** Topic name validation, '.'/'_' collisions and internal topics (`Topic`, `ReplicationControlManager`). */
export {
  MAX_TOPIC_NAME_LENGTH,
  INVALID_TOPIC_PREFIX,
  COLLISION_WARNING,
  COLLISION_WARNING_KO,
  INTERNAL_TOPICS,
  containsValidPattern,
  hasCollisionChars,
  detectInvalidTopic,
  validateTopicName,
  isInternalTopic,
} from "./validate";
export type { TopicNameValidation } from "./validate";
export { unifyCollisionChars, hasCollision, findCollidingTopic, checkNewTopicName } from "./collision";
export type { NewTopicCheck } from "./collision";
