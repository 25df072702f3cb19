"use client";

import { useId, useState } from "react";
import { formatSimTime } from "./format";
import { Stat, primaryButton, secondaryButton, selectClass, widgetFrame, StatusLine, SimTable, RowAction } from "./widget-parts";
import { replicationView, useReplicationSim, type Acks, type ReplicationState } from "./use-kafka";

const ACKS: Acks[] = ["0", "1", "all"];

/**
 * Replication lab: one partition on brokers 1–3. The learner sends records with different `acks`,
 * pauses or stops brokers and watches the ISR, the high watermark and leader elections follow
 * Kafka's rules, including what an unclean election throws away.
 */
export function ReplicationLab() {
  const ids = useId();
  const [minIsr, setMinIsr] = useState(2);
  const select = selectClass;
  return (
    <section aria-labelledby={`${ids}-title`} className={widgetFrame}>
      <h3 id={`${ids}-title`} className="text-base font-bold text-slate-900 dark:text-white">
        실습: 복제와 ISR <span className="font-normal text-slate-600 dark:text-slate-400">(orders-0, 복제 팩터 3)</span>
      </h3>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        배정(assignment) 순서 [1, 2, 3], <code>replica.lag.time.max.ms</code>=30초(Kafka 4.x 기본값). 팔로워는 시간이 흐를 때 리더에게서
        가져옵니다.
      </p>
      <div className="mt-4 max-w-xs">
        <label htmlFor={`${ids}-minisr`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          min.insync.replicas (바꾸면 처음부터)
        </label>
        <select id={`${ids}-minisr`} value={minIsr} onChange={(e) => setMinIsr(Number(e.target.value))} className={select}>
          <option value={1}>1</option>
          <option value={2}>2</option>
        </select>
      </div>
      <Lab key={minIsr} minIsr={minIsr} ids={ids} select={select} />
    </section>
  );
}

function Lab({ minIsr, ids, select }: { minIsr: number; ids: string; select: string }) {
  const sim = useReplicationSim({ minInsyncReplicas: minIsr });
  const { state } = sim;
  const [acks, setAcks] = useState<Acks>("all");
  const view = replicationView(state);
  const button = secondaryButton;
  const sent = view.requests;
  return (
    <div>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${ids}-acks`} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            acks
          </label>
          <select id={`${ids}-acks`} value={acks} onChange={(e) => setAcks(e.target.value as Acks)} className={select}>
            {ACKS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
            <input type="checkbox" checked={state.config.uncleanLeaderElectionEnable} onChange={(e) => sim.setUnclean(e.target.checked)} />
            unclean.leader.election.enable
          </label>
        </div>
      </div>
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={() => sim.produce(acks, `주문 ${sent + 1}`)} className={primaryButton}>
          레코드 보내기
        </button>
        <button type="button" onClick={() => sim.advance(1000)} className={button}>
          시간 +1초
        </button>
        <button type="button" onClick={() => sim.advance(10_000)} className={button}>
          시간 +10초
        </button>
        <button type="button" onClick={sim.reset} className={button}>
          처음부터
        </button>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5" data-testid="replication-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(state.nowMs)} />
        <Stat label="리더" value={state.leader >= 0 ? `브로커 ${state.leader}` : "없음 (오프라인)"} />
        <Stat label="leader epoch" value={String(state.leaderEpoch)} />
        <Stat label="ISR" value={`[${state.isr.join(", ")}]`} />
        <Stat label="하이 워터마크" value={view.highWatermark >= 0 ? String(view.highWatermark) : "-"} />
      </dl>
      <StatusLine testId="replication-status">{describe(state)}</StatusLine>
      {view.lostAcknowledged.length > 0 && (
        <p role="alert" className="mt-2 rounded-md bg-rose-50 p-3 text-sm text-rose-900 dark:bg-rose-950 dark:text-rose-200">
          성공 응답을 받았던 레코드 {view.lostAcknowledged.length}개(오프셋 {view.lostAcknowledged.map((q) => q.offset).join(", ")})가
          사라졌습니다. 남은 복제본 어디에도 없습니다.
        </p>
      )}
      <SimTable
        id={`${ids}-replicas`}
        caption="브로커별 복제본"
        columns={["브로커", "상태", "ISR", "LEO", "조작"]}
        minWidth="34rem"
        bodyClassName="text-slate-900 dark:text-slate-100"
      >
        {state.replicas.map((r) => {
          const leader = r.brokerId === state.leader;
          return (
            <tr key={r.brokerId} className={leader ? "bg-sky-100 dark:bg-sky-950" : undefined}>
              <th scope="row" className="py-1 pr-2 font-semibold">
                브로커 {r.brokerId} <span className="font-normal">{leader ? "(리더)" : "(팔로워)"}</span>
              </th>
              <td className="py-1 pr-2">{!r.running ? "꺼짐" : r.paused ? "복제 멈춤" : "실행 중"}</td>
              <td className="py-1 pr-2">{state.isr.includes(r.brokerId) ? "예" : "아니오"}</td>
              <td className="py-1 pr-2 font-mono">{r.leo}</td>
              <td className="flex flex-wrap gap-1 py-1">
                <RowAction
                  rowName={`브로커 ${r.brokerId}`}
                  label={r.running ? "끄기" : "켜기"}
                  onClick={() => sim.setRunning(r.brokerId, !r.running)}
                />
                {!leader && r.running && (
                  <RowAction
                    rowName={`브로커 ${r.brokerId}`}
                    label={r.paused ? "복제 재개" : "복제 멈춤"}
                    onClick={() => sim.setPaused(r.brokerId, !r.paused)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </SimTable>
    </div>
  );
}

const STATUS_TEXT: Record<string, string> = {
  pending: "ISR 전원이 복제하기를 기다리는 중",
  acknowledged: "성공 응답(ack)을 받음",
  sent: "보냄 (acks=0이라 응답을 기다리지 않음)",
  failed: "실패",
};

function describe(s: ReplicationState): string {
  if (s.lastError) return s.lastError.message;
  const lastElection = s.elections[s.elections.length - 1];
  const p = s.lastProduce;
  const parts: string[] = [];
  if (p) {
    const where = p.offset >= 0 ? `오프셋 ${p.offset}` : "기록되지 않음";
    parts.push(`마지막 레코드(acks=${p.acks}): ${where}, ${STATUS_TEXT[p.status] ?? p.status}${p.error ? ` — ${p.error}` : ""}.`);
    if (p.error === "REQUEST_TIMED_OUT")
      parts.push(
        "프로듀서는 실패로 알지만 레코드는 리더에 이미 기록되어 있습니다. 재시도하면 중복이 생길 수 있습니다(멱등 프로듀서가 막아 줍니다).",
      );
  }
  if (lastElection && (!p || lastElection.atMs >= p.requestedAtMs)) {
    parts.push(
      lastElection.leader >= 0
        ? `${formatSimTime(lastElection.atMs)}: 브로커 ${lastElection.leader}이(가) 새 리더가 되었습니다 (epoch ${lastElection.leaderEpoch}${lastElection.unclean ? ", unclean 선출" : ""}).`
        : `${formatSimTime(lastElection.atMs)}: 살아 있는 ISR 멤버가 없어 파티션이 오프라인입니다.`,
    );
  }
  return parts.length ? parts.join(" ") : "레코드를 보내 보세요. 시간을 흘려야 팔로워가 따라옵니다.";
}
