/**
 * Chapter 2 figure: a KRaft cluster with a 3-controller quorum and 3 brokers holding topic
 * `orders` (3 partitions, replication factor 3). A server component (static SVG).
 * 640-unit-wide viewBox with 22-unit text: about 12px or more on a 360px-wide screen.
 */

import { DIAGRAM_FONT, DIAGRAM_LINE, DIAGRAM_TEXT, DiagramFigure } from "./diagram-figure";

const TEXT = DIAGRAM_TEXT;
const QUORUM = "fill-violet-50 stroke-violet-600 dark:fill-violet-950 dark:stroke-violet-400";
const ACTIVE = "fill-violet-200 stroke-violet-700 dark:fill-violet-800 dark:stroke-violet-300";
const STANDBY = "fill-white stroke-violet-600 dark:fill-slate-900 dark:stroke-violet-400";
const BROKER = "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400";
const LEADER = "fill-amber-100 stroke-amber-700 dark:fill-amber-900 dark:stroke-amber-300";
const FOLLOWER = "fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400";

const FONT = DIAGRAM_FONT;
const BROKER_X = [16, 224, 432];
const BROKER_W = 192;
/** leaderOf[b] = the partition broker b leads; it follows the other two. */
const LEADER_OF = [0, 1, 2];

/** One replica of a partition: leaders are solid and bold, followers dashed. */
function Replica({ x, y, partition, leader }: { x: number; y: number; partition: number; leader: boolean }) {
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={168}
        height={48}
        rx={8}
        strokeWidth={leader ? 3 : 2}
        strokeDasharray={leader ? undefined : "6 4"}
        className={leader ? LEADER : FOLLOWER}
      />
      <text x={x + 84} y={y + 32} className={TEXT} fontSize={FONT} fontWeight={leader ? 700 : 400} textAnchor="middle">
        {`P${partition} ${leader ? "리더" : "팔로워"}`}
      </text>
    </g>
  );
}

/** A controller in the quorum: the active one is solid, standbys dashed. */
function Controller({ x, id, active }: { x: number; id: number; active: boolean }) {
  return (
    <g>
      <rect
        x={x}
        y={100}
        width={184}
        height={84}
        rx={10}
        strokeWidth={active ? 3 : 2}
        strokeDasharray={active ? undefined : "6 4"}
        className={active ? ACTIVE : STANDBY}
      />
      <text className={TEXT} fontSize={FONT} textAnchor="middle">
        <tspan x={x + 92} y={134} fontWeight={700}>
          {`컨트롤러 ${id}`}
        </tspan>
        <tspan x={x + 92} y={164}>
          {active ? "액티브 (active)" : "대기 (standby)"}
        </tspan>
      </text>
    </g>
  );
}

export function ClusterDiagram() {
  return (
    <DiagramFigure
      id="cluster-diagram"
      height={630}
      title="KRaft 컨트롤러 쿼럼과 브로커 3대로 이루어진 카프카 클러스터"
      description="위쪽의 KRaft 컨트롤러 쿼럼에는 컨트롤러 3대가 있고, 컨트롤러 1이 액티브, 2와 3은 대기 상태입니다. 메타데이터는 __cluster_metadata 로그에 기록됩니다. 아래쪽 브로커 3대는 컨트롤러에 하트비트를 보내고, 액티브 컨트롤러에게서 메타데이터 로그를 가져갑니다(fetch). 토픽 orders의 파티션 P0, P1, P2는 복제 팩터 3으로 세 브로커 모두에 복제본이 있으며, 브로커 1은 P0의 리더, 브로커 2는 P1의 리더, 브로커 3은 P2의 리더이고 나머지 복제본은 팔로워입니다."
      caption="그림 2-1. KRaft 클러스터. 컨트롤러 쿼럼 중 액티브 컨트롤러가 브로커들을 감시하고, 브로커들은 메타데이터 로그를 액티브 컨트롤러에게서 가져갑니다(컨트롤러가 밀어 주지 않습니다). 파티션마다 리더가 다른 브로커에 있어 부하가 나뉩니다. 팔로워는 리더에게서 데이터를 가져와 복제합니다. ZooKeeper 시절에는 브로커 중 한 대가 컨트롤러를 겸했습니다."
    >
      {/* KRaft controller quorum */}
      <rect x={16} y={16} width={608} height={184} rx={14} strokeWidth={2.5} className={QUORUM} />
      <text x={320} y={50} className={TEXT} fontSize={FONT} fontWeight={700} textAnchor="middle">
        KRaft 컨트롤러 쿼럼 (controller quorum)
      </text>
      <text x={320} y={82} className={TEXT} fontSize={FONT} textAnchor="middle">
        메타데이터 로그: __cluster_metadata
      </text>
      <Controller x={32} id={1} active />
      <Controller x={228} id={2} active={false} />
      <Controller x={424} id={3} active={false} />

      {/* Heartbeats up, metadata down: one double-headed link per broker */}
      {BROKER_X.map((x) => (
        <path
          key={x}
          d={`M${x + BROKER_W / 2} 204 V272`}
          fill="none"
          strokeWidth={2.5}
          className={DIAGRAM_LINE}
          markerStart={"url(#cluster-diagram-arrow)"}
          markerEnd={"url(#cluster-diagram-arrow)"}
        />
      ))}
      <text x={216} y={246} className={TEXT} fontSize={FONT} textAnchor="middle">
        하트비트 ↑
      </text>
      <text x={424} y={246} className={TEXT} fontSize={FONT} textAnchor="middle">
        메타데이터 fetch ↓
      </text>

      {/* Brokers with the replicas of orders-0..2 */}
      {BROKER_X.map((x, b) => (
        <g key={x}>
          <rect x={x} y={276} width={BROKER_W} height={236} rx={12} strokeWidth={2.5} className={BROKER} />
          <text x={x + BROKER_W / 2} y={312} className={TEXT} fontSize={FONT} fontWeight={700} textAnchor="middle">
            {`브로커 ${b + 1}`}
          </text>
          {[0, 1, 2].map((p) => (
            <Replica key={p} x={x + 12} y={332 + p * 60} partition={p} leader={LEADER_OF[b] === p} />
          ))}
        </g>
      ))}

      {/* Legend */}
      <rect x={32} y={538} width={40} height={28} rx={6} strokeWidth={3} className={LEADER} />
      <text x={84} y={560} className={TEXT} fontSize={FONT}>
        리더 (leader)
      </text>
      <rect x={300} y={538} width={40} height={28} rx={6} strokeWidth={2} strokeDasharray="6 4" className={FOLLOWER} />
      <text x={352} y={560} className={TEXT} fontSize={FONT}>
        팔로워 (follower)
      </text>
      <text x={320} y={608} className={TEXT} fontSize={FONT} textAnchor="middle">
        토픽 orders · 파티션 3개 · 복제 팩터 3
      </text>
    </DiagramFigure>
  );
}
