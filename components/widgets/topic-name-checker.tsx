"use client";

import { useMemo } from "react";
import {
  createTopicNameLab,
  EXISTING_TOPICS as EXISTING,
  stepTopicNameLab,
  topicNameCheck,
  topicNameOutcome,
  topicNamePrediction,
  type TopicNameLabEvent,
  type TopicNameLabState,
} from "@/lib/kafka/views/topic-name";
import { Predict } from "./sim/predict";
import { SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { WidgetShell } from "./sim/widget-shell";

const topicNameSim: SimDefinition<TopicNameLabState, TopicNameLabEvent> = {
  mechanism: "topic-name",
  eventTypes: ["type"],
  create: createTopicNameLab,
  step: stepTopicNameLab,
  tick: (s) => ({ type: "type", name: s.name }),
};

/**
 * Topic-name checker: Kafka's own validation (same checks, same order, same English messages as
 * `Topic.validate`), the CLI's '.'/'_' warning and the controller's collision check.
 */
export function TopicNameChecker({ id = "topic-name-checker" }: { id?: string }) {
  const ids = id;
  const sim = useSimulation(topicNameSim, { widgetId: id });
  const name = sim.state.name;
  const { validation, creation, internal } = useMemo(() => topicNameCheck(name), [name]);
  return (
    <WidgetShell widgetId={id} title="실습: 토픽 이름 검사기" subtitle="kafka-topics.sh --create">
      <SimControls sim={sim} timeless />
      <label htmlFor={`${ids}-name`} className="mt-4 block text-sm font-medium text-slate-800 dark:text-slate-200">
        새 토픽 이름
      </label>
      <input
        id={`${ids}-name`}
        value={name}
        onChange={(e) => sim.dispatch({ type: "type", name: e.target.value })}
        maxLength={400}
        autoComplete="off"
        spellCheck={false}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-white"
      />
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {name.length}자 · 이미 있는 토픽: {EXISTING.map((t) => `${t}`).join(", ")}
      </p>
      <div role="status" aria-live="polite" className="mt-4 space-y-2 text-sm" data-testid="topic-name-result">
        {creation.ok ? (
          <p className="rounded-md bg-emerald-50 p-3 font-semibold text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
            만들 수 있는 이름입니다.
          </p>
        ) : (
          <div className="rounded-md bg-rose-50 p-3 text-rose-900 dark:bg-rose-950 dark:text-rose-200">
            <p className="font-mono text-xs break-all">
              {creation.kafkaError}: {creation.error}
            </p>
            <p className="mt-1">{creation.errorKo}</p>
          </div>
        )}
        {validation.valid &&
          validation.warnings.map((w, i) => (
            <div key={w} className="rounded-md bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100">
              <p className="font-mono text-xs">{w}</p>
              <p className="mt-1">{validation.warningsKo[i]}</p>
            </div>
          ))}
        {internal && (
          <p className="rounded-md bg-sky-50 p-3 text-sky-950 dark:bg-sky-950 dark:text-sky-100">
            카프카 내부 토픽 이름입니다. 직접 만들거나 쓰지 마세요.
          </p>
        )}
      </div>
      <Predict prediction={topicNamePrediction} outcome={topicNameOutcome(sim.state)} eventCount={sim.events.length} />
    </WidgetShell>
  );
}
