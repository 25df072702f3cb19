"use client";

import { useId, useState } from "react";
import type { Prediction } from "@/lib/kafka/views";
import { primaryButton } from "../widget-parts";

/**
 * Predict-then-run: the learner commits one of the selector's choices, runs the simulation, and
 * then sees the prediction beside the outcome the engine produced.
 */
export function Predict({ prediction, outcome, eventCount }: { prediction: Prediction; outcome: string | null; eventCount: number }) {
  const ids = useId();
  const [choice, setChoice] = useState<string | null>(null);
  const [committedAt, setCommittedAt] = useState<number | null>(null);
  const committed = committedAt !== null;
  const decided = committed && outcome !== null && eventCount > committedAt;
  const label = (id: string | null) => prediction.choices.find((c) => c.id === id)?.label ?? "-";
  return (
    <fieldset className="mt-4 rounded-md border border-slate-300 p-3 dark:border-slate-600" data-testid="prediction">
      <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-white">먼저 예측해 보세요</legend>
      <p id={`${ids}-q`} className="text-sm text-slate-800 dark:text-slate-200">
        {prediction.question}
      </p>
      <div role="radiogroup" aria-labelledby={`${ids}-q`} className="mt-2 flex flex-wrap gap-3">
        {prediction.choices.map((c) => (
          <label key={c.id} className="flex items-center gap-1 text-sm text-slate-900 dark:text-slate-100">
            <input
              type="radio"
              name={`${ids}-choice`}
              value={c.id}
              checked={choice === c.id}
              disabled={committed}
              onChange={() => setChoice(c.id)}
            />
            {c.label}
          </label>
        ))}
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {!committed ? (
          <button type="button" className={primaryButton} disabled={choice === null} onClick={() => setCommittedAt(eventCount)}>
            예측 확정
          </button>
        ) : (
          <button
            type="button"
            className="text-sm text-sky-800 underline dark:text-sky-300"
            onClick={() => {
              setCommittedAt(null);
              setChoice(null);
            }}
          >
            다시 예측하기
          </button>
        )}
        <p role="status" aria-live="polite" className="text-sm text-slate-900 dark:text-slate-100" data-testid="prediction-result">
          {!committed
            ? ""
            : !decided
              ? `예측: ${label(choice)}. ${prediction.hint}`
              : outcome === choice
                ? `예측이 맞았습니다. 결과: ${label(outcome)}`
                : `예측이 틀렸습니다. 예측: ${label(choice)}, 결과: ${label(outcome)}`}
        </p>
      </div>
    </fieldset>
  );
}
