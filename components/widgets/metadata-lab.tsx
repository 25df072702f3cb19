"use client";

import type { ProfileId } from "@/lib/kafka/core/profile";
import { createMetadataState, stepMetadata, type ClusterSnapshot, type MetadataEvent, type MetadataState } from "@/lib/kafka/metadata";
import { metadataOutcome, metadataPrediction, metadataView, narrateMetadata, type MetadataView } from "@/lib/kafka/views/metadata";
import { Box, FlyIn, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition, type Settings } from "./sim/use-simulation";
import { choose, must, WidgetShell } from "./sim/widget-shell";
import { primaryButton, secondaryButton, SimTable } from "./widget-parts";

const CLUSTER: ClusterSnapshot = {
  brokers: [1, 2, 3].map((id) => ({ id, host: `broker${id}`, port: 9092, alive: true })),
  partitions: [
    { topic: "orders", partition: 0, leader: 1, leaderEpoch: 0, replicas: [1, 2, 3], isr: [1, 2, 3] },
    { topic: "orders", partition: 1, leader: 2, leaderEpoch: 0, replicas: [2, 3, 1], isr: [2, 3, 1] },
  ],
};

/** KIP-951 defaults to the profile (3.7+ clients have it); the learner may flip it. */
const kip951Of = (profile: ProfileId, s: Settings) => choose(s.kip951, [true, false], profile === "kafka-4.x");

const metadataSim: SimDefinition<MetadataState, MetadataEvent> = {
  mechanism: "metadata",
  eventTypes: ["bootstrap", "tick", "refresh", "produce", "moveLeader", "setBrokerAlive"],
  create: (profile, seed, settings) =>
    must(
      createMetadataState({
        bootstrapServers: ["broker1:9092"],
        cluster: CLUSTER,
        profile,
        seed,
        currentLeaderHint: kip951Of(profile, settings),
      }),
    ),
  step: stepMetadata,
  tick: () => ({ type: "tick", ms: 1000 }),
  narrate: narrateMetadata,
};

/**
 * Metadata lab: a producer that knows only `bootstrap.servers=broker1:9092`. The learner
 * bootstraps, moves a leader behind the client's back, sends, and watches
 * `NOT_LEADER_OR_FOLLOWER`, the refresh and the retry, with and without KIP-951's `currentLeader`.
 */
export function MetadataLab({ id = "metadata-lab" }: { id?: string }) {
  const sim = useSimulation(metadataSim, { widgetId: id, tickMs: 1000 });
  const { state } = sim;
  const view = metadataView(state, sim.previous?.trace.length ?? 0);
  const p0 = view.partitions[0];
  const nextLeader =
    CLUSTER.partitions[0].replicas.find((r) => r !== p0.leader && state.cluster.brokers.find((b) => b.id === r)?.alive) ?? p0.leader;
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 메타데이터와 리더 찾기"
      subtitle="bootstrap.servers=broker1:9092"
      lead="프로듀서는 메타데이터 캐시에 적힌 리더에게 보냅니다. 리더가 바뀌면 캐시가 낡고, 오류를 받은 뒤에야 고칩니다."
    >
      <SimControls sim={sim} versionToggle versionNote={view.kip951 ? "KIP-951 켜짐" : "KIP-951 없음"} />
      <label className="mt-3 flex items-center gap-2 text-sm font-medium text-slate-800 dark:text-slate-200">
        <input type="checkbox" checked={view.kip951} onChange={(e) => sim.configure({ kip951: e.target.checked })} />
        KIP-951: 오류 응답에 현재 리더(currentLeader)를 싣기 (Kafka 3.7+, 바꾸면 처음부터)
      </label>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className={primaryButton} onClick={() => sim.dispatch({ type: "bootstrap" })}>
          bootstrap (첫 연결)
        </button>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => sim.dispatch({ type: "moveLeader", topic: "orders", partition: 0, leader: nextLeader })}
        >
          orders-0 리더를 브로커 {nextLeader}(으)로 옮기기
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "produce", topic: "orders", partition: 0 })}>
          orders-0에 보내기
        </button>
        <button type="button" className={secondaryButton} onClick={() => sim.dispatch({ type: "refresh" })}>
          메타데이터 갱신
        </button>
      </div>
      <Predict prediction={metadataPrediction} outcome={metadataOutcome(state)} eventCount={sim.events.length} />
      <MetadataPicture view={view} stamp={state.trace.length} />
      <Narration lines={sim.narration} testId="metadata-status" idle="bootstrap으로 시작해 보세요." />
      <SimTable
        id={`${id}-partitions`}
        caption="실제 리더와 클라이언트 캐시"
        columns={["파티션", "실제 리더 (epoch)", "캐시의 리더 (epoch)", "캐시 상태"]}
        minWidth="32rem"
      >
        {view.partitions.map((p) => (
          <tr key={p.name} className={p.stale ? "bg-amber-50 dark:bg-amber-950" : undefined}>
            <th scope="row" className="py-1 pr-2 font-mono font-semibold">
              {p.name}
            </th>
            <td className="py-1 pr-2 font-mono">
              {p.leader >= 0 ? `브로커 ${p.leader}` : "없음"} ({p.leaderEpoch})
            </td>
            <td className="py-1 pr-2 font-mono" data-testid={`cached-${p.name}`}>
              {p.cachedLeader === null ? "모름" : `브로커 ${p.cachedLeader} (${p.cachedEpoch})`}
            </td>
            <td className="py-1">{p.cachedLeader === null ? "메타데이터 없음" : p.stale ? "낡음" : "최신"}</td>
          </tr>
        ))}
      </SimTable>
      <h4 className="mt-4 text-sm font-semibold text-slate-900 dark:text-white">요청 기록</h4>
      <ol className="mt-1 space-y-0.5 font-mono text-xs text-slate-700 dark:text-slate-300" data-testid="metadata-trace">
        {state.trace.slice(-8).map((t, i) => (
          <li key={`${state.trace.length}-${i}`} className={t.kafkaError ? "text-rose-700 dark:text-rose-300" : undefined}>
            {t.kafkaError ? `[${t.kafkaError}] ` : ""}
            {t.message}
          </li>
        ))}
      </ol>
    </WidgetShell>
  );
}

const CLIENT = { x: 20, y: 40, w: 200, h: 120 };
const brokerY = (i: number) => 20 + i * 62;

/** The client (with its cache) on the left, brokers on the right; the last request flies across. */
function MetadataPicture({ view, stamp }: { view: MetadataView; stamp: number }) {
  const requests = view.latest.filter((t) => t.kind === "request" && typeof t.target === "number");
  const last = requests[requests.length - 1];
  const errors = view.latest.filter((t) => t.kind === "error");
  const targetIndex = last ? view.brokers.findIndex((b) => b.id === last.target) : -1;
  return (
    <Picture title="메타데이터 그림: 클라이언트 캐시, 브로커, 마지막 요청" width={620} height={210} testId="metadata-picture">
      <Box
        x={CLIENT.x}
        y={CLIENT.y}
        w={CLIENT.w}
        h={CLIENT.h}
        label="프로듀서"
        sub={view.bootstrapped ? "메타데이터 캐시" : "캐시 없음"}
        tone="accent"
      />
      {view.partitions.map((p, i) => (
        <text
          key={p.name}
          x={CLIENT.x + 16}
          y={CLIENT.y + 66 + i * 20}
          className={`font-mono text-[12px] ${p.stale ? "fill-amber-700 dark:fill-amber-300" : "fill-slate-800 dark:fill-slate-200"}`}
        >
          {p.name} → {p.cachedLeader === null ? "?" : `브로커 ${p.cachedLeader}`}
          {p.stale ? " (낡음)" : ""}
        </text>
      ))}
      {view.brokers.map((b, i) => {
        const leads = view.partitions.filter((p) => p.leader === b.id).map((p) => p.name);
        return (
          <Box
            key={b.id}
            x={400}
            y={brokerY(i)}
            w={200}
            h={50}
            label={`브로커 ${b.id} (${b.address})`}
            sub={!b.alive ? "중단됨" : leads.length ? `리더: ${leads.join(", ")}` : "팔로워"}
            tone={!b.alive ? "down" : "normal"}
          />
        );
      })}
      {targetIndex >= 0 && (
        <g>
          <line
            x1={CLIENT.x + CLIENT.w}
            y1={CLIENT.y + CLIENT.h / 2}
            x2={400}
            y2={brokerY(targetIndex) + 25}
            strokeWidth={2}
            className={errors.length ? "stroke-rose-600 dark:stroke-rose-400" : "stroke-sky-600 dark:stroke-sky-400"}
            strokeDasharray="6 4"
          />
          <FlyIn key={stamp} from={[CLIENT.x + CLIENT.w, CLIENT.y + CLIENT.h / 2]} to={[392, brokerY(targetIndex) + 25]}>
            <circle r={7} className="fill-sky-600 dark:fill-sky-400" />
          </FlyIn>
          <text x={310} y={200} textAnchor="middle" className="fill-slate-700 text-[11px] dark:fill-slate-300">
            마지막 요청: {last?.api} → 브로커 {String(last?.target)}
            {errors.length ? ` · 오류 ${errors.map((e) => e.kafkaError).join(", ")}` : ""}
          </text>
        </g>
      )}
    </Picture>
  );
}
