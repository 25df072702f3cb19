"use client";

/**
 * The one bridge between React and the Kafka engine. A widget hands it a `SimDefinition` (how to
 * create the engine state for a profile and seed, the engine's reducer, and how to express
 * "time passes"); the bridge keeps `(profile, seed, events)`, replays them, runs the play/step
 * timer (which only ever dispatches tick events) and keeps the run in the page URL to share.
 * Widgets render what it returns and compute no Kafka rule themselves.
 */
import { useCallback, useEffect, useMemo, useReducer, useState, useSyncExternalStore } from "react";
import type { ProfileId, SimError } from "@/lib/kafka";
import { readScenarioParam, SCENARIO_ENGINE_VERSION, SCENARIO_PARAM, scenarioParamValue, type Scenario } from "@/lib/kafka/scenario";
import { rememberScenario } from "./current-scenarios";

/** Everything the bridge needs to know about one widget's engine. */
export interface SimDefinition<S, E extends { type: string }> {
  /** Engine mechanism name stored in scenarios (e.g. "cluster"). */
  mechanism: string;
  /** Event types a shared scenario may contain. */
  eventTypes: readonly E["type"][];
  /**
   * Builds the initial state. `settings` are the widget's own knobs (e.g. min.insync.replicas);
   * they may come from a shared URL, so `create` must fall back to defaults for unknown values.
   */
  create: (profile: ProfileId, seed: number, settings: Settings) => S;
  step: (state: S, event: E) => S;
  /** The event that lets `ms` of simulated time pass (absolute or relative, as the reducer wants). */
  tick: (state: S, ms: number) => E;
  /** One Korean sentence for the narration after an event (screen readers hear it). */
  narrate?: (before: S, after: S, event: E) => string;
}

export interface SimulationOptions {
  /** Stable id of the widget on its page (`?scenario=<widgetId>.…`, `#<widgetId>`). */
  widgetId: string;
  profile?: ProfileId;
  seed?: number;
  /** Simulated time one step (and one timer beat) advances. */
  tickMs?: number;
}

/** Speeds offered by the controls: timer beats per second. */
export const SPEEDS = [0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** A widget's knobs, kept in a scenario as its first event `{ type: "settings", ... }`. */
export type Settings = Record<string, string | number | boolean>;
const SETTINGS = "settings";

interface Run<S, E> {
  profile: ProfileId;
  seed: number;
  settings: Settings;
  events: E[];
  state: S;
  /** State before the last event (what a picture animates from); null after reset or replay. */
  previous: S | null;
  narration: string[];
  loadError: SimError | null;
  /** The learner (or a shared link) changed this run, so the URL should follow it. */
  touched: boolean;
}

type Action<E> =
  | { kind: "event"; event: E }
  | { kind: "tick"; ms: number }
  | { kind: "reset"; profile?: ProfileId; settings?: Settings }
  | { kind: "load"; scenario: Scenario }
  | { kind: "loadError"; error: SimError };

const NARRATION_KEEP = 6;

function replay<S, E extends { type: string }>(
  def: SimDefinition<S, E>,
  profile: ProfileId,
  seed: number,
  settings: Settings,
  events: E[],
) {
  let state = def.create(profile, seed, settings);
  for (const e of events) state = def.step(state, e);
  return state;
}

/** Applies one bridge action to a run (pure: the engine's reducer does the Kafka part). */
function reduceRun<S, E extends { type: string }>(d: SimDefinition<S, E>, run: Run<S, E>, action: Action<E>): Run<S, E> {
  switch (action.kind) {
    case "event":
    case "tick": {
      const event = action.kind === "tick" ? d.tick(run.state, action.ms) : action.event;
      const state = d.step(run.state, event);
      const line = d.narrate?.(run.state, state, event);
      return {
        ...run,
        events: [...run.events, event],
        state,
        previous: run.state,
        narration: line ? [...run.narration, line].slice(-NARRATION_KEEP) : run.narration,
        loadError: null,
        touched: true,
      };
    }
    case "reset": {
      const profile = action.profile ?? run.profile;
      const settings = action.settings ?? run.settings;
      return {
        ...run,
        profile,
        settings,
        events: [],
        state: d.create(profile, run.seed, settings),
        previous: null,
        narration: [],
        loadError: null,
        touched: true,
      };
    }
    case "load": {
      const { profile, seed } = action.scenario;
      const [first, ...rest] = action.scenario.events;
      const hasSettings = first?.type === SETTINGS;
      const settings = hasSettings ? toSettings(first) : {};
      const events = (hasSettings ? rest : action.scenario.events) as unknown as E[];
      return {
        profile,
        seed,
        settings,
        events,
        state: replay(d, profile, seed, settings, events),
        previous: null,
        narration: [`공유된 실행을 불러왔습니다: 이벤트 ${events.length}개를 다시 실행했습니다.`],
        loadError: null,
        touched: true,
      };
    }
    case "loadError":
      return { ...run, loadError: action.error, narration: [...run.narration, action.error.message].slice(-NARRATION_KEEP) };
  }
}

function toSettings(e: { type: string } & Record<string, unknown>): Settings {
  const out: Settings = {};
  for (const [k, v] of Object.entries(e))
    if (k !== "type" && (typeof v === "string" || typeof v === "number" || typeof v === "boolean")) out[k] = v;
  return out;
}

function initialRun<S, E extends { type: string }>(
  def: SimDefinition<S, E>,
  widgetId: string,
  profile: ProfileId,
  seed: number,
): Run<S, E> {
  const fresh: Run<S, E> = {
    profile,
    seed,
    settings: {},
    events: [],
    state: def.create(profile, seed, {}),
    previous: null,
    narration: [],
    loadError: null,
    touched: false,
  };
  // A shared link (?scenario=<widgetId>.<payload>) replays its run as the widget first renders
  // (widgets are client-only islands, so the URL is there on the first render).
  if (typeof window === "undefined") return fresh;
  const found = readScenarioParam(new URLSearchParams(window.location.search).get(SCENARIO_PARAM), widgetId, {
    mechanism: def.mechanism,
    eventTypes: [SETTINGS, ...def.eventTypes],
  });
  if (!found) return fresh;
  return reduceRun(def, fresh, found.ok ? { kind: "load", scenario: found.value } : { kind: "loadError", error: found.error });
}

/** Runs one engine reducer for a widget; see the file comment. */
export function useSimulation<S, E extends { type: string }>(def: SimDefinition<S, E>, options: SimulationOptions) {
  const { widgetId, tickMs = 1000 } = options;
  const [run, send] = useReducer(
    (r: Run<S, E>, a: Action<E>) => reduceRun(def, r, a),
    undefined,
    () => initialRun(def, widgetId, options.profile ?? "kafka-4.x", options.seed ?? 42),
  );

  const scenario = useMemo(
    (): Scenario<object> => ({
      engine: SCENARIO_ENGINE_VERSION,
      mechanism: def.mechanism,
      profile: run.profile,
      seed: run.seed,
      events: Object.keys(run.settings).length ? [{ type: SETTINGS, ...run.settings }, ...run.events] : run.events,
    }),
    [def.mechanism, run.profile, run.seed, run.settings, run.events],
  );
  const param = useMemo(() => scenarioParamValue(widgetId, scenario), [widgetId, scenario]);

  // "문제 신고" in the widget frame attaches this widget's run (current-scenarios.ts).
  useEffect(() => rememberScenario(widgetId, scenario.events.length > 0 ? param : null), [widgetId, param, scenario.events.length]);

  // Keep the URL on the latest run of the widget the learner is using (one widget per link).
  useEffect(() => {
    if (!run.touched) return;
    const url = new URL(window.location.href);
    const current = url.searchParams.get(SCENARIO_PARAM);
    if (scenario.events.length > 0) url.searchParams.set(SCENARIO_PARAM, param);
    else if (current?.startsWith(`${widgetId}.`)) url.searchParams.delete(SCENARIO_PARAM);
    else return;
    window.history.replaceState(window.history.state, "", url);
  }, [param, run.touched, scenario.events.length, widgetId]);

  const reducedMotion = usePrefersReducedMotion();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(1);

  const dispatch = useCallback((event: E) => {
    send({ kind: "event", event });
  }, []);
  const step = useCallback(
    (ms: number = tickMs) => {
      send({ kind: "tick", ms });
    },
    [tickMs],
  );
  const reset = useCallback((profile?: ProfileId) => {
    setPlaying(false);
    send({ kind: "reset", profile });
  }, []);

  // The timer only dispatches ticks: playing is "press step every beat".
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => send({ kind: "tick", ms: tickMs }), 1000 / speed);
    return () => window.clearInterval(id);
  }, [playing, speed, tickMs]);

  return {
    widgetId,
    state: run.state,
    previous: run.previous,
    events: run.events,
    profile: run.profile,
    seed: run.seed,
    narration: run.narration,
    loadError: run.loadError,
    scenario,
    dispatch,
    step,
    reset,
    settings: run.settings,
    setProfile: useCallback((profile: ProfileId) => reset(profile), [reset]),
    /** Restarts the run with new widget settings (kept in the shared scenario). */
    configure: useCallback((settings: Settings) => {
      setPlaying(false);
      send({ kind: "reset", settings });
    }, []),
    playing,
    play: useCallback(() => {
      setPlaying(true);
    }, []),
    pause: useCallback(() => setPlaying(false), []),
    speed,
    setSpeed,
    tickMs,
    reducedMotion,
  };
}

/** What `useSimulation` returns; controls and pictures take it whole. */
export type Simulation<S, E extends { type: string }> = ReturnType<typeof useSimulation<S, E>>;

const REDUCED = "(prefers-reduced-motion: reduce)";
const subscribeReduced = (onChange: () => void) => {
  if (typeof window === "undefined" || typeof window.matchMedia !== "function") return () => {};
  const q = window.matchMedia(REDUCED);
  q.addEventListener?.("change", onChange);
  return () => q.removeEventListener?.("change", onChange);
};

/** True when the learner asked the system for less motion. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReduced,
    () => typeof window.matchMedia === "function" && window.matchMedia(REDUCED).matches,
    () => false,
  );
}
