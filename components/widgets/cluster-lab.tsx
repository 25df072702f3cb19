"use client";

import { createClusterState, stepCluster, type ClusterEvent, type ClusterState } from "@/lib/kafka/cluster";
import { clusterOutcome, clusterPrediction, clusterView, narrateCluster, type ClusterView } from "@/lib/kafka/views/cluster";
import { clusterLabInit } from "@/lib/kafka/views/lab-setup";
import { formatSimTime } from "./format";
import { Box, Moving, Picture } from "./sim/picture";
import { Predict } from "./sim/predict";
import { Narration, SimControls } from "./sim/sim-controls";
import { useSimulation, type SimDefinition } from "./sim/use-simulation";
import { must, WidgetShell } from "./sim/widget-shell";
import { RowAction, SimTable, Stat } from "./widget-parts";

const clusterSim: SimDefinition<ClusterState, ClusterEvent> = {
  mechanism: "cluster",
  eventTypes: ["nodeDown", "nodeUp", "tick", "produce", "electPreferredLeaders"],
  create: (profile, seed, settings) => must(createClusterState(clusterLabInit(profile, seed, settings))),
  step: stepCluster,
  tick: (s, ms) => ({ type: "tick", nowMs: s.nowMs + ms }),
  narrate: narrateCluster,
};

const COL = 200;
const X0 = 20;
const nodeX = (i: number) => X0 + i * COL;

/**
 * Cluster lab: three nodes, the active controller and the partitions of `orders`. The learner
 * stops a broker or the active controller and watches the controller fence it, leaders move to
 * another ISR member and (KRaft) the quorum elect a new controller; a toggle shows the ZooKeeper era.
 */
export function ClusterLab({ id = "cluster-lab" }: { id?: string }) {
  const sim = useSimulation(clusterSim, { widgetId: id, tickMs: 1000 });
  const view = clusterView(sim.state);
  const kraft = view.mode === "kraft";
  return (
    <WidgetShell
      widgetId={id}
      title="실습: 브로커와 컨트롤러"
      subtitle={kraft ? "KRaft 쿼럼" : "ZooKeeper 시절"}
      lead={
        kraft && view.nodes.some((n) => !n.isBroker)
          ? "브로커 1–3과 전용 KRaft 컨트롤러 노드 100(process.roles=controller)으로 이루어진 클러스터입니다. broker.session.timeout.ms=9초 동안 하트비트가 없으면 컨트롤러가 브로커를 펜싱합니다."
          : kraft
            ? "노드 1–3이 브로커이면서 KRaft 컨트롤러 쿼럼의 투표자입니다(combined 모드). broker.session.timeout.ms=9초, 쿼럼 리더를 잃으면 2초 뒤 새 선거."
            : "컨트롤러는 브로커 중 하나가 ZooKeeper의 /controller를 먼저 차지해 맡습니다. 장애 브로커는 zookeeper.session.timeout.ms=6초 뒤에 세션이 만료됩니다."
      }
    >
      <SimControls sim={sim} versionToggle />
      <Predict prediction={clusterPrediction(sim.state)} outcome={clusterOutcome(sim.state)} eventCount={sim.events.length} />
      <ClusterPicture view={view} />
      <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4" data-testid="cluster-stats">
        <Stat label="시뮬레이션 시각" value={formatSimTime(sim.state.nowMs)} />
        <Stat
          label="활성 컨트롤러"
          value={view.controllerId >= 0 ? `노드 ${view.controllerId}` : view.electionPending ? "선거 중" : "없음"}
        />
        <Stat label={kraft ? "쿼럼 epoch" : "controller epoch"} value={String(view.controllerEpoch)} />
        <Stat
          label={kraft ? "쿼럼 (실행 중 / 과반)" : "메타데이터 저장소"}
          value={view.quorum ? `${view.quorum.running} / ${view.quorum.majority}` : "ZooKeeper"}
        />
      </dl>
      <Narration lines={sim.narration} testId="cluster-status" idle="브로커를 멈춰 보세요. 시간이 흘러야 컨트롤러가 알아챕니다." />
      <SimTable id={`${id}-nodes`} caption="노드" columns={["노드", "역할", "상태", "조작"]} minWidth="32rem">
        {view.nodes.map((n) => (
          <tr key={n.id} className={n.activeController ? "bg-sky-100 dark:bg-sky-950" : undefined}>
            <th scope="row" className="py-1 pr-2 font-semibold">
              노드 {n.id} {n.activeController && <span className="font-normal">(활성 컨트롤러)</span>}
            </th>
            <td className="py-1 pr-2">{n.role}</td>
            <td className="py-1 pr-2">{!n.running ? "중지됨" : n.fenced ? "실행 중 (차단됨)" : "실행 중"}</td>
            <td className="flex flex-wrap gap-1 py-1">
              {n.running ? (
                <>
                  <RowAction
                    rowName={`노드 ${n.id}`}
                    label="장애로 멈추기"
                    onClick={() => sim.dispatch({ type: "nodeDown", nodeId: n.id })}
                  />
                  <RowAction
                    rowName={`노드 ${n.id}`}
                    label="정상 종료"
                    onClick={() => sim.dispatch({ type: "nodeDown", nodeId: n.id, graceful: true })}
                  />
                </>
              ) : (
                <RowAction rowName={`노드 ${n.id}`} label="다시 시작" onClick={() => sim.dispatch({ type: "nodeUp", nodeId: n.id })} />
              )}
            </td>
          </tr>
        ))}
      </SimTable>
      <SimTable
        id={`${id}-partitions`}
        caption="파티션과 리더"
        columns={["파티션", "리더", "복제본", "ISR", "ELR", "leader epoch"]}
        minWidth="30rem"
      >
        {view.partitions.map((p) => (
          <tr key={p.name}>
            <th scope="row" className="py-1 pr-2 font-mono font-semibold">
              {p.name}
            </th>
            <td className="py-1 pr-2" data-testid={`leader-${p.name}`}>
              {p.leader >= 0 ? `브로커 ${p.leader}` : "없음 (오프라인)"}
            </td>
            <td className="py-1 pr-2 font-mono">[{p.replicas.join(", ")}]</td>
            <td className="py-1 pr-2 font-mono">[{p.isr.join(", ")}]</td>
            <td className="py-1 pr-2 font-mono" data-testid={`elr-${p.name}`}>
              {p.elr ? `[${p.elr.join(", ")}]` : <span className="font-sans">없음 (ELR 꺼짐)</span>}
            </td>
            <td className="py-1 font-mono">{p.leaderEpoch}</td>
          </tr>
        ))}
      </SimTable>
    </WidgetShell>
  );
}

/** Nodes across, partitions down; the leader highlight of each partition slides to its broker. */
function ClusterPicture({ view }: { view: ClusterView }) {
  const brokers = view.nodes.filter((n) => n.isBroker);
  const height = 190 + view.partitions.length * 34;
  const col = (id: number) => brokers.findIndex((b) => b.id === id);
  const activeCol = col(view.controllerId);
  return (
    <Picture title="클러스터 그림: 노드, 활성 컨트롤러, 파티션별 리더" width={620} height={height} testId="cluster-picture">
      <text x={X0} y={22} className="fill-slate-700 text-[12px] dark:fill-slate-300">
        {view.mode === "kraft"
          ? `KRaft 쿼럼: 투표자 ${view.quorum?.voters.length ?? 0}명, 과반 ${view.quorum?.majority ?? 0}명 필요`
          : "ZooKeeper 앙상블이 /controller와 브로커 목록을 보관"}
      </text>
      {activeCol >= 0 && (
        <Moving x={nodeX(activeCol)} y={34}>
          <rect width={180} height={22} rx={11} className="fill-amber-300 dark:fill-amber-500" />
          <text x={90} y={15} textAnchor="middle" className="fill-slate-950 text-[12px] font-semibold">
            ★ 활성 컨트롤러
          </text>
        </Moving>
      )}
      {brokers.map((n, i) => (
        <Box
          key={n.id}
          x={nodeX(i)}
          y={62}
          w={180}
          h={56}
          label={`노드 ${n.id}`}
          sub={!n.running ? "중지됨" : n.fenced ? "차단됨 (fenced)" : n.role}
          tone={!n.running ? "down" : n.fenced ? "warn" : n.activeController ? "accent" : "normal"}
        />
      ))}
      {view.partitions.map((p, r) => {
        const y = 150 + r * 34;
        const leaderCol = col(p.leader);
        return (
          <g key={p.name}>
            {leaderCol >= 0 ? (
              <Moving x={nodeX(leaderCol) + 40} y={y}>
                <rect width={100} height={28} rx={6} className="fill-sky-600 dark:fill-sky-500" />
              </Moving>
            ) : null}
            {p.replicas.map((b) => {
              const c = col(b);
              const inIsr = p.isr.includes(b);
              const inElr = !!p.elr?.includes(b);
              const leader = b === p.leader;
              return (
                <g key={b}>
                  <rect
                    x={nodeX(c) + 40}
                    y={y}
                    width={100}
                    height={28}
                    rx={6}
                    className={
                      leader
                        ? "fill-transparent stroke-sky-700 dark:stroke-sky-300"
                        : "fill-transparent stroke-slate-400 dark:stroke-slate-500"
                    }
                    strokeDasharray={inIsr ? undefined : inElr ? "8 2" : "4 3"}
                  />
                  <text
                    x={nodeX(c) + 90}
                    y={y + 18}
                    textAnchor="middle"
                    className={`font-mono text-[11px] ${leader ? "fill-white font-semibold" : "fill-slate-800 dark:fill-slate-200"}`}
                  >
                    {p.name} {leader ? "리더" : inIsr ? "ISR" : inElr ? "ELR" : "뒤처짐"}
                  </text>
                </g>
              );
            })}
            {leaderCol < 0 && (
              <text x={600} y={y + 18} textAnchor="end" className="fill-rose-700 text-[11px] font-semibold dark:fill-rose-300">
                {p.name} 오프라인
              </text>
            )}
          </g>
        );
      })}
    </Picture>
  );
}
