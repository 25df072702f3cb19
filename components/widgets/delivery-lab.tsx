"use client";

import { useState } from "react";
import {
  createProducerState,
  stepProducer,
  type IsolationLevel,
  type ProducerEvent,
  type ProducerLogRow,
  type ProducerState,
} from "@/lib/kafka/producer";
import { deliveryOutcome, deliveryPrediction, deliveryView, narrateDelivery } from "@/lib/kafka/views/delivery";
import { CommitOrderLab } from "./commit-order-lab";
import { Box, Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { deliveryLabInit, deliveryLabSettings } from "@/lib/kafka/views/lab-setup";
import { must, WidgetShell } from "./sim/widget-shell";
import { primaryButton, secondaryButton, SimTable, Stat } from "./widget-parts";

const deliverySim: SimDefinition<ProducerState, ProducerEvent> = {
  mechanism: "producer",
  eventTypes: ["send", "deliver", "flush", "initTransactions", "beginTransaction", "commitTransaction", "abortTransaction", "fence"],
  create: (profile, seed, settings) => must(createProducerState(deliveryLabInit(profile, seed, settings))),
  step: stepProducer,
  // Time passing = the network delivers the oldest in-flight batch.
  tick: () => ({ type: "deliver" }),
  narrate: narrateDelivery,
};

const STATUS_TEXT = { none: "-", ongoing: "진행 중", committed: "커밋됨", aborted: "중단됨", marker: "마커" } as const;

/**
 * Delivery lab: retries with and without idempotence (duplicates vs sequence numbers), and
 * transactions read with `read_committed` up to the last stable offset; below it, the consumer's
 * commit before vs after processing (`CommitOrderLab`).
 */
export function DeliveryLab({ id = "delivery-lab" }: { id?: string }) {
  const sim = useSimulation(deliverySim, { widgetId: id, tickMs: 1000 });
  const { state } = sim;
  const [isolation, setIsolation] = useState<IsolationLevel>("read_committed");
  const settings = deliveryLabSettings(sim.profile, sim.settings);
  const view = deliveryView(state, isolation);
  const log = view.log;
  const sent = state.client.nextBatchId;
  const txn = state.client.txnState;
  return (
    <>
      <WidgetShell
        widgetId={id}
        title="실습: 전달 보장과 트랜잭션"
        subtitle="payments-0, acks=all"
        lead="응답이 사라지면 프로듀서는 같은 배치를 다시 보냅니다. 멱등 프로듀서는 producer id와 시퀀스 번호로 브로커가 중복을 버리게 합니다."
      >
        <div className="mt-4 flex flex-wrap gap-4 text-sm font-medium text-slate-800 dark:text-slate-200">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={view.idempotence}
              disabled={settings.transactional}
              onChange={(e) => sim.configure({ ...settings, idempotence: e.target.checked })}
            />
            enable.idempotence
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={view.transactional}
              onChange={(e) => sim.configure({ ...settings, transactional: e.target.checked })}
            />
            transactional.id=payment-tx
          </label>
          <label className="flex items-center gap-2">
            isolation.level
            <select
              value={isolation}
              onChange={(e) => setIsolation(e.target.value as IsolationLevel)}
              className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-950"
            >
              <option value="read_committed">read_committed</option>
              <option value="read_uncommitted">read_uncommitted</option>
            </select>
          </label>
        </div>
        <SimControls sim={sim} versionToggle versionNote="바꾸면 처음부터" />
        <div className="mt-3 flex flex-wrap gap-2">
          {view.transactional && txn === "UNINITIALIZED" && (
            <button type="button" className={primaryButton} onClick={() => sim.dispatch({ type: "initTransactions" })}>
              initTransactions
            </button>
          )}
          {view.transactional && txn === "READY" && (
            <button type="button" className={primaryButton} onClick={() => sim.dispatch({ type: "beginTransaction" })}>
              beginTransaction
            </button>
          )}
          <button
            type="button"
            className={primaryButton}
            onClick={() => sim.dispatch({ type: "send", partition: 0, key: null, values: [`결제 ${sent + 1}`] })}
          >
            레코드 보내기
          </button>
          <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "deliver", fault: "responseLost" })}>
            응답 유실로 전달
          </button>
          <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "deliver" })}>
            정상 전달
          </button>
          {view.transactional && txn === "IN_TRANSACTION" && (
            <>
              <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "commitTransaction" })}>
                commitTransaction
              </button>
              <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "abortTransaction" })}>
                abortTransaction
              </button>
            </>
          )}
        </div>
        <Predict prediction={deliveryPrediction} outcome={deliveryOutcome(state)} eventCount={sim.events.length} />
        {log && <DeliveryPicture rows={log.rows} lso={log.lastStableOffset} hw={log.highWatermark} />}
        <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="delivery-stats">
          <Stat label="producer id / epoch" value={`${view.identity.producerId} / ${view.identity.epoch}`} />
          <Stat label="LSO / HW" value={log ? `${log.lastStableOffset} / ${log.highWatermark}` : "-"} />
          <Stat label="보내는 중인 배치" value={String(view.identity.inFlight.length)} />
          <Stat label="중복 기록" value={`${view.duplicates.length}건`} />
        </dl>
        {view.idempotenceNote && <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">{view.idempotenceNote}</p>}
        <Narration lines={sim.narration} testId="delivery-status" idle="레코드를 보낸 뒤 「응답 유실로 전달」을 눌러 보세요." />
        <SimTable
          id={`${id}-log`}
          caption="payments-0 로그"
          columns={["오프셋", "값", "producer id / 시퀀스", "트랜잭션", `${isolation}로 읽힘`]}
          minWidth="36rem"
        >
          {(log?.rows ?? []).map((r) => (
            <tr key={r.offset} className={r.duplicateOfOffset !== null ? "bg-rose-50 dark:bg-rose-950" : undefined}>
              <th scope="row" className="py-1 pr-2 font-mono font-semibold">
                {r.offset}
              </th>
              <td className="py-1 pr-2">
                {r.kind === "control" ? `${r.marker} 마커` : r.value}
                {r.duplicateOfOffset !== null && ` (오프셋 ${r.duplicateOfOffset}의 중복)`}
              </td>
              <td className="py-1 pr-2 font-mono">
                {r.producerId} / {r.sequence}
              </td>
              <td className="py-1 pr-2">{STATUS_TEXT[r.txnStatus]}</td>
              <td className="py-1">
                {(isolation === "read_committed" ? r.visibleReadCommitted : r.visibleReadUncommitted) ? "예" : "아니오"}
              </td>
            </tr>
          ))}
        </SimTable>
        <p className="mt-2 text-sm text-slate-800 dark:text-slate-200" data-testid="delivery-consumer">
          {isolation} 컨슈머가 받는 값: {view.consumed.length ? view.consumed.join(", ") : "없음"}
        </p>
      </WidgetShell>
      {/* The consumer side of the same guarantees: where the offset commit goes (its own run and link). */}
      <CommitOrderLab id={`${id}-commit`} />
    </>
  );
}

const CELL = 34;
const TXN_FILL = {
  none: "fill-sky-600 dark:fill-sky-500",
  ongoing: "fill-amber-400 dark:fill-amber-500",
  committed: "fill-emerald-500 dark:fill-emerald-400",
  aborted: "fill-slate-400 dark:fill-slate-600",
  marker: "fill-violet-500 dark:fill-violet-400",
} as const;

/** The partition log as cells (duplicates outlined in red); the LSO and HW markers glide as the log grows. */
function DeliveryPicture({ rows, lso, hw }: { rows: ProducerLogRow[]; lso: number; hw: number }) {
  const shown = rows.slice(-14);
  const start = rows.length - shown.length;
  const x = (offset: number) => 150 + (offset - start) * (CELL + 4);
  return (
    <Picture title="전달 그림: 프로듀서와 파티션 로그, LSO와 HW" width={680} height={130} testId="delivery-picture">
      <Box x={10} y={30} w={120} h={50} label="프로듀서" sub="acks=all" tone="accent" />
      {shown.map((r) => (
        // A new record flies from the producer into the log; older ones slide left as the window moves.
        <Moving key={r.offset} x={x(r.offset)} y={40} from={[130, 40]}>
          <rect
            width={CELL}
            height={30}
            rx={4}
            className={`${TXN_FILL[r.txnStatus]} motion-safe:transition-colors`}
            strokeWidth={r.duplicateOfOffset !== null ? 3 : 0}
            stroke="currentColor"
            color={r.duplicateOfOffset !== null ? "#be123c" : undefined}
          />
          <text x={CELL / 2} y={20} textAnchor="middle" className="fill-slate-950 font-mono text-[11px]">
            {r.offset}
          </text>
        </Moving>
      ))}
      <Moving x={x(Math.max(start, lso)) - 2} y={20}>
        <line y1={0} y2={64} strokeWidth={2} className="stroke-emerald-700 dark:stroke-emerald-300" />
        <text y={-4} className="fill-emerald-800 text-[11px] dark:fill-emerald-300">
          LSO {lso}
        </text>
      </Moving>
      <Moving x={x(Math.max(start, hw)) - 2} y={44}>
        <line y1={0} y2={52} strokeWidth={2} className="stroke-rose-700 dark:stroke-rose-300" />
        <text y={66} className="fill-rose-700 text-[11px] dark:fill-rose-300">
          HW {hw}
        </text>
      </Moving>
      <text x={150} y={122} className="fill-slate-600 text-[11px] dark:fill-slate-400">
        파랑: 일반 · 주황: 진행 중 트랜잭션 · 초록: 커밋 · 회색: 중단 · 보라: 마커 · 빨간 테두리: 중복
      </text>
    </Picture>
  );
}
