/**
 * Per-widget selectors: pure functions from engine state to what a widget draws, narrates and
 * asks the learner to predict. Components call these and compute no Kafka rule themselves.
 */
export * from "./prediction";
