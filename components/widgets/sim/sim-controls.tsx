"use client";

import { useId, useState } from "react";
import type { ProfileId } from "@/lib/kafka";
import { formatSimTime } from "../format";
import { secondaryButton, selectClass } from "../widget-parts";
import { SPEEDS, type Simulation, type Speed } from "./use-simulation";

const PROFILE_LABEL: Record<ProfileId, string> = {
  "kafka-4.x": "Kafka 4.x (KRaft)",
  "kafka-2.x": "Kafka 2.x (ZooKeeper 시절)",
};

/**
 * Play / pause / step / reset, speed, the Kafka version toggle and the share link: the same
 * controls on every simulator, all native buttons and selects (keyboard operable as they are).
 */
export function SimControls<S, E extends { type: string }>({
  sim,
  versionToggle = false,
  versionNote,
  timeless = false,
}: {
  sim: Simulation<S, E>;
  /** A widget without a clock (a pure function of its inputs): no play, step or speed. */
  timeless?: boolean;
  /** Show the 4.x / 2.x toggle (only where behaviour differs between them). */
  versionToggle?: boolean;
  versionNote?: string;
}) {
  const ids = useId();
  const [copied, setCopied] = useState(false);
  const share = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="mt-4 flex flex-wrap items-end gap-2" role="group" aria-label="시뮬레이션 조작">
      {!timeless && (
        <>
          {sim.playing ? (
            <button type="button" onClick={sim.pause} className={secondaryButton}>
              일시정지
            </button>
          ) : (
            <button type="button" onClick={sim.play} className={secondaryButton}>
              재생
            </button>
          )}
          <button type="button" onClick={() => sim.step()} className={secondaryButton}>
            한 단계 (+{formatSimTime(sim.tickMs)})
          </button>
        </>
      )}
      <button type="button" onClick={() => sim.reset()} className={secondaryButton}>
        처음부터
      </button>
      {!timeless && (
        <label className="text-sm text-slate-800 dark:text-slate-200">
          <span className="block text-xs">속도</span>
          <select
            value={sim.speed}
            onChange={(e) => sim.setSpeed(Number(e.target.value) as Speed)}
            className={`${selectClass} !mt-0 !w-auto py-1.5`}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}배
              </option>
            ))}
          </select>
        </label>
      )}
      {versionToggle && (
        <label className="text-sm text-slate-800 dark:text-slate-200" htmlFor={`${ids}-profile`}>
          <span className="block text-xs">카프카 버전 (바꾸면 처음부터)</span>
          <select
            id={`${ids}-profile`}
            value={sim.profile}
            onChange={(e) => sim.setProfile(e.target.value as ProfileId)}
            className={`${selectClass} !mt-0 !w-auto py-1.5`}
          >
            {(Object.keys(PROFILE_LABEL) as ProfileId[]).reverse().map((p) => (
              <option key={p} value={p}>
                {PROFILE_LABEL[p]}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" onClick={share} className={secondaryButton} disabled={sim.events.length === 0}>
        {copied ? "링크를 복사했습니다" : "이 실행 링크 복사"}
      </button>
      <p className="basis-full text-xs text-slate-600 dark:text-slate-400">
        {timeless ? "" : `시각 ${formatSimTime(simNow(sim.state))} · `}이벤트 {sim.events.length}개 · 시드 {sim.seed}
        {versionNote ? ` · ${versionNote}` : ""}
      </p>
    </div>
  );
}

/** Reads the sim clock whichever field the engine keeps it in. */
function simNow(state: unknown): number {
  const s = state as { nowMs?: unknown; log?: { nowMs?: unknown } };
  const n = typeof s.nowMs === "number" ? s.nowMs : typeof s.log?.nowMs === "number" ? s.log.nowMs : 0;
  return n;
}

/** The Korean narration of each event: visible, and announced politely to screen readers. */
export function Narration({ lines, testId, idle }: { lines: string[]; testId: string; idle: string }) {
  const last = lines[lines.length - 1];
  return (
    <div className="mt-4">
      <p
        role="status"
        aria-live="polite"
        data-testid={testId}
        className="rounded-md bg-white p-3 text-sm text-slate-900 dark:bg-slate-950 dark:text-white"
      >
        {last ?? idle}
      </p>
      {lines.length > 1 && (
        <ol className="mt-1 space-y-0.5 text-xs text-slate-600 dark:text-slate-400" aria-label="지난 이벤트">
          {lines.slice(0, -1).map((l, i) => (
            <li key={`${i}-${l}`}>{l}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
