/** Scenarios: the one URL-safe, validated form of a replayable simulation run. */
export * from "./codec";
