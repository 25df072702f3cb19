"use client";

import { useState } from "react";
import { createReplicationState, stepReplication, type Acks, type ReplicationEvent, type ReplicationState } from "@/lib/kafka/replication";
import { describeReplication, replicationOutcome, replicationPrediction, replicationView } from "@/lib/kafka/views/replication";
import { replicationLabInit } from "@/lib/kafka/views/lab-setup";
import { formatSimTime } from "./format";
import { Box, Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { must, WidgetShell } from "./sim/widget-shell";
import { Stat, primaryButton, secondaryButton, selectClass, SimTable, RowAction } from "./widget-parts";

const ACKS: Acks[] = ["0", "1", "all"];

const replicationSim: SimDefinition<ReplicationState, ReplicationEvent> = {
  mechanism: "replication",
  eventTypes: ["produce", "tick", "brokerDown", "brokerUp", "setFollowerPaused", "setUncleanLeaderElection"],
  create: (profile, _seed, settings) => must(createReplicationState(replicationLabInit(profile, settings))),
  step: stepReplication,
  tick: (s, ms) => ({ type: "tick", nowMs: s.nowMs + ms }),
  narrate: (before, after) => describeReplication(after, before),
};

/**
 * Replication lab: one partition on brokers 1–3. The learner sends records with different `acks`,
 * pauses or stops brokers and watches the ISR, the high watermark and leader elections follow
 * Kafka's rules, including what an unclean election throws away.
 */
export function ReplicationLab({ id = "replication-lab" }: { id?: string }) {
  const sim = useSimulation(replicationSim, { widgetId: id, tickMs: 1000 });
  const { state } = sim;
  const [acks, setAcks] = useState<Acks>("all");
  const view = replicationView(state);
  const minIsr = state.config.minInsyncReplicas;
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 복제와 ISR"
      subtitle="orders-0, 복제 팩터 3"
      lead={
        <>
          배정(assignment) 순서 [1, 2, 3], <code>replica.lag.time.max.ms</code>={formatSimTime(state.config.replicaLagTimeMaxMs)}(
          {sim.profile === "kafka-4.x" ? "Kafka 4.x" : "Kafka 2.x"} 기본값). 팔로워는 시간이 흐를 때 리더에게서 가져옵니다.
        </>
      }
    >
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-minisr`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            min.insync.replicas (바꾸면 처음부터)
          </label>
          <select
            id={`${id}-minisr`}
            value={minIsr}
            onChange={(e) => sim.configure({ minIsr: Number(e.target.value) })}
            className={selectClass}
          >
            <option value={1}>1</option>
            <option value={2}>2</option>
            <option value={3}>3</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-acks`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            acks
          </label>
          <select id={`${id}-acks`} value={acks} onChange={(e) => setAcks(e.target.value as Acks)} className={selectClass}>
            {ACKS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
            <input
              type="checkbox"
              checked={state.config.uncleanLeaderElectionEnable}
              onChange={(e) => sim.dispatch({ type: "setUncleanLeaderElection", enabled: e.target.checked })}
            />
            unclean.leader.election.enable
          </label>
        </div>
      </div>
      <SimControls sim={sim} versionToggle />
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() => sim.dispatch({ type: "produce", acks, key: null, value: `주문 ${view.requests + 1}` })}
          className={primaryButton}
        >
          레코드 보내기
        </button>
        <button type="button" onClick={() => sim.step(1000)} className={secondaryButton}>
          시간 +1초
        </button>
        <button type="button" onClick={() => sim.step(10_000)} className={secondaryButton}>
          시간 +10초
        </button>
      </div>
      <Predict prediction={replicationPrediction(state)} outcome={replicationOutcome(state)} eventCount={sim.events.length} />
      <ReplicationPicture state={state} hw={view.highWatermark} />
      <dl
        className={`mt-4 grid grid-cols-2 gap-2 text-sm ${state.config.eligibleLeaderReplicas ? "sm:grid-cols-6" : "sm:grid-cols-5"}`}
        data-testid="replication-stats"
      >
        <Stat label="시뮬레이션 시각" value={formatSimTime(state.nowMs)} />
        <Stat label="리더" value={state.leader >= 0 ? `브로커 ${state.leader}` : "없음 (오프라인)"} />
        <Stat label="leader epoch" value={String(state.leaderEpoch)} />
        <Stat label="ISR" value={`[${state.isr.join(", ")}]`} />
        {state.config.eligibleLeaderReplicas && <Stat label="ELR (KIP-966)" value={`[${state.elr.join(", ")}]`} />}
        <Stat label="하이 워터마크" value={view.highWatermark >= 0 ? String(view.highWatermark) : "-"} />
      </dl>
      <Narration lines={sim.narration} testId="replication-status" idle={describeReplication(state)} />
      {view.lostAcknowledged.length > 0 && (
        <p role="alert" className="mt-2 rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-200">
          성공 응답을 받았던 레코드 {view.lostAcknowledged.length}개(오프셋 {view.lostAcknowledged.map((q) => q.offset).join(", ")})가
          사라졌습니다. 남은 복제본 어디에도 없습니다.
        </p>
      )}
      <SimTable id={`${id}-replicas`} caption="브로커별 복제본" columns={["브로커", "상태", "ISR", "LEO", "조작"]} minWidth="34rem">
        {state.replicas.map((r) => {
          const leader = r.brokerId === state.leader;
          return (
            <tr key={r.brokerId} className={leader ? "bg-sky-100 dark:bg-sky-950" : undefined}>
              <th scope="row" className="py-1 pr-2 font-semibold">
                브로커 {r.brokerId} <span className="font-normal">{leader ? "(리더)" : "(팔로워)"}</span>
              </th>
              <td className="py-1 pr-2">{!r.running ? "꺼짐" : r.paused ? "복제 멈춤" : "실행 중"}</td>
              <td className="py-1 pr-2">
                {state.isr.includes(r.brokerId) ? "예" : state.elr.includes(r.brokerId) ? "아니오 (ELR: 리더 후보)" : "아니오"}
              </td>
              <td className="py-1 pr-2 font-mono">{r.leo}</td>
              <td className="flex flex-wrap gap-1 py-1">
                <RowAction
                  rowName={`브로커 ${r.brokerId}`}
                  label={r.running ? "끄기" : "켜기"}
                  onClick={() =>
                    sim.dispatch(r.running ? { type: "brokerDown", brokerId: r.brokerId } : { type: "brokerUp", brokerId: r.brokerId })
                  }
                />
                {r.running && state.config.eligibleLeaderReplicas && (
                  // A controlled shutdown keeps the broker an ELR member when it comes back; a crash does not (KIP-966).
                  <RowAction
                    rowName={`브로커 ${r.brokerId}`}
                    label="정상 종료"
                    onClick={() => sim.dispatch({ type: "brokerDown", brokerId: r.brokerId, graceful: true })}
                  />
                )}
                {!leader && r.running && (
                  <RowAction
                    rowName={`브로커 ${r.brokerId}`}
                    label={r.paused ? "복제 재개" : "복제 멈춤"}
                    onClick={() => sim.dispatch({ type: "setFollowerPaused", brokerId: r.brokerId, paused: !r.paused })}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </SimTable>
    </WidgetShell>
  );
}

const SLOT = 14;

/** Three brokers, each with its log as a row of record cells; the leader badge and the HW line glide. */
function ReplicationPicture({ state, hw }: { state: ReplicationState; hw: number }) {
  const leaderIndex = state.replicas.findIndex((r) => r.brokerId === state.leader);
  const maxLeo = Math.max(1, ...state.replicas.map((r) => r.leo));
  const shown = Math.min(maxLeo, 24);
  const start = maxLeo - shown;
  return (
    <Picture
      title="복제 그림: 브로커별 로그, 리더, 하이 워터마크"
      description={describeReplication(state)}
      width={620}
      height={220}
      testId="replication-picture"
    >
      {leaderIndex >= 0 && (
        <Moving x={20} y={20 + leaderIndex * 64}>
          <rect width={130} height={50} rx={8} className="fill-none stroke-sky-600 dark:stroke-sky-400" strokeWidth={3} />
        </Moving>
      )}
      {state.replicas.map((r, i) => (
        <g key={r.brokerId}>
          <Box
            x={20}
            y={20 + i * 64}
            w={130}
            h={50}
            label={`브로커 ${r.brokerId}${r.brokerId === state.leader ? " 리더" : ""}`}
            sub={[!r.running ? "꺼짐" : state.isr.includes(r.brokerId) ? "ISR" : "ISR 밖", state.elr.includes(r.brokerId) ? "ELR" : ""]
              .filter(Boolean)
              .join(" · ")}
            tone={!r.running ? "down" : r.brokerId === state.leader ? "accent" : state.isr.includes(r.brokerId) ? "normal" : "warn"}
          />
          {Array.from({ length: Math.max(0, Math.min(r.leo, maxLeo) - start) }, (_, k) => (
            // The leader's new record comes in from its broker box; a follower's copy comes down
            // from the leader's row as it fetches.
            <Moving
              key={start + k}
              x={170 + k * (SLOT + 3)}
              y={34 + i * 64}
              from={r.brokerId === state.leader || leaderIndex < 0 ? [150, 34 + i * 64] : [170 + k * (SLOT + 3), 34 + leaderIndex * 64]}
            >
              <rect
                width={SLOT}
                height={22}
                rx={3}
                className={`motion-safe:transition-colors ${start + k < hw ? "fill-emerald-500 dark:fill-emerald-400" : "fill-amber-400 dark:fill-amber-500"}`}
              />
            </Moving>
          ))}
        </g>
      ))}
      {hw >= 0 && (
        <Moving x={170 + Math.max(0, hw - start) * (SLOT + 3) - 2} y={14}>
          <line x1={0} x2={0} y1={0} y2={186} strokeWidth={2} className="stroke-rose-700 dark:stroke-rose-300" />
          <text x={4} y={198} className="fill-rose-700 text-[11px] dark:fill-rose-300">
            HW {hw}
          </text>
        </Moving>
      )}
      <text x={170} y={214} className="fill-slate-600 text-[11px] dark:fill-slate-400">
        초록: 하이 워터마크 아래 (컨슈머가 읽을 수 있음) · 주황: 아직 복제 중
      </text>
    </Picture>
  );
}
