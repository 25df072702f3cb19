/**
 * Chapter 4 figure: partition 0 of topic `orders` with replication factor 3. Broker 1 holds the
 * leader (LEO 6), brokers 2 and 3 hold followers (LEO 5 and 4) that fetch from the leader. All
 * three are in the ISR, so the high watermark is the smallest LEO, 4: offsets 0..3 are readable.
 * A server component (static SVG); 640-unit-wide viewBox with 22-unit text.
 */

import { DIAGRAM_FONT, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const TEXT = DIAGRAM_TEXT;
const LEADER = "fill-amber-50 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-300";
const FOLLOWER = "fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400";
const COMMITTED = "fill-emerald-100 stroke-emerald-700 dark:fill-emerald-900 dark:stroke-emerald-300";
const PENDING = "fill-white stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400";
const NEXT = "fill-none stroke-slate-500 dark:stroke-slate-400";
const HW_LINE = "stroke-rose-600 dark:stroke-rose-400";
const HW_TEXT = "fill-rose-700 dark:fill-rose-300";

const FONT = DIAGRAM_FONT;
const ID = "replication-diagram";
const ROW_X = 16;
const ROW_W = 520;
const ROW_H = 124;
const CELL_X0 = 156;
const CELL_STEP = 50;
const CELL_W = 44;
const CELL_H = 48;
/** High watermark = min LEO over the ISR (all three replicas here). */
const REPLICAS = [
  { broker: 1, leader: true, leo: 6, y: 64 },
  { broker: 2, leader: false, leo: 5, y: 240 },
  { broker: 3, leader: false, leo: 4, y: 400 },
] as const;
const HW = Math.min(...REPLICAS.map((r) => r.leo));
const HW_X = CELL_X0 + HW * CELL_STEP - 3;
const cellX = (offset: number) => CELL_X0 + offset * CELL_STEP;

/** One broker's replica: name and role on the left, its log cells, and a dashed slot at its LEO. */
function ReplicaRow({ broker, leader, leo, y }: (typeof REPLICAS)[number]) {
  const cellY = y + 22;
  return (
    <g>
      <rect
        x={ROW_X}
        y={y}
        width={ROW_W}
        height={ROW_H}
        rx={12}
        strokeWidth={leader ? 3 : 2}
        strokeDasharray={leader ? undefined : "6 4"}
        className={leader ? LEADER : FOLLOWER}
      />
      <text className={TEXT} fontSize={FONT}>
        <tspan x={ROW_X + 18} y={y + 42} fontWeight={700}>
          {`브로커 ${broker}`}
        </tspan>
        <tspan x={ROW_X + 18} y={y + 74} fontWeight={leader ? 700 : 400}>
          {leader ? "리더" : "팔로워"}
        </tspan>
        <tspan x={ROW_X + 18} y={y + 106}>
          ISR ✓
        </tspan>
      </text>
      {Array.from({ length: leo }, (_, offset) => (
        <g key={offset}>
          <rect
            x={cellX(offset)}
            y={cellY}
            width={CELL_W}
            height={CELL_H}
            rx={6}
            strokeWidth={2}
            className={offset < HW ? COMMITTED : PENDING}
          />
          <text x={cellX(offset) + CELL_W / 2} y={cellY + 32} className={TEXT} fontSize={FONT} textAnchor="middle">
            {offset}
          </text>
        </g>
      ))}
      <rect x={cellX(leo)} y={cellY} width={CELL_W} height={CELL_H} rx={6} strokeWidth={2} strokeDasharray="5 4" className={NEXT} />
      <text x={cellX(leo) + CELL_W / 2} y={cellY + 32} className={TEXT} fontSize={FONT} textAnchor="middle">
        {leo}
      </text>
      {/* Left-aligned under the slot so the HW line (just left of offset HW) never crosses it. */}
      <text x={cellX(leo) + 2} y={y + 106} className={TEXT} fontSize={FONT} fontWeight={700}>
        {`LEO ${leo}`}
      </text>
    </g>
  );
}

export function ReplicationDiagram() {
  return (
    <DiagramFigure
      id={ID}
      height={664}
      title="복제 팩터 3인 파티션 0의 리더, 팔로워, LEO와 하이 워터마크"
      description="토픽 orders의 파티션 0은 복제 팩터 3으로 브로커 1, 2, 3에 복제본이 있습니다. 브로커 1이 리더이고 오프셋 0부터 5까지 가지고 있어 LEO가 6입니다. 브로커 2의 팔로워는 0부터 4까지(LEO 5), 브로커 3의 팔로워는 0부터 3까지(LEO 4) 가지고 있습니다. 두 팔로워는 리더에게 fetch 요청을 보내 새 레코드를 가져갑니다. 세 복제본이 모두 ISR에 있으므로 하이 워터마크는 가장 작은 LEO인 4이고, 컨슈머는 오프셋 0부터 3까지만 읽을 수 있습니다. 리더에만 있는 4와 5는 아직 읽을 수 없습니다."
      caption="그림 4-1. 복제 팩터 3인 파티션. 팔로워는 리더에게 fetch 요청을 보내 레코드를 가져가고, 복제본마다 LEO(다음에 쓸 오프셋)가 다릅니다. 하이 워터마크(HW)는 ISR 멤버의 LEO 중 가장 작은 값이라 여기서는 4이고, 컨슈머는 HW 아래인 0~3만 읽을 수 있습니다."
    >
      <text x={ROW_X} y={38} className={TEXT} fontSize={FONT} fontWeight={700}>
        토픽 orders · 파티션 0 · 복제 팩터 3
      </text>

      {REPLICAS.map((r) => (
        <ReplicaRow key={r.broker} {...r} />
      ))}

      {/* Followers pull from the leader */}
      {REPLICAS.slice(1).map((r, i) => (
        <DiagramArrow
          key={r.broker}
          figureId={ID}
          d={`M${ROW_X + ROW_W} ${r.y + ROW_H / 2} H${566 + i * 44} V${REPLICAS[0].y + ROW_H + 6}`}
        />
      ))}
      <text x={550} y={222} className={TEXT} fontSize={FONT} textAnchor="end">
        fetch 요청
      </text>

      {/* The high watermark across all replicas */}
      <line
        x1={HW_X}
        y1={REPLICAS[0].y - 8}
        x2={HW_X}
        y2={REPLICAS[2].y + ROW_H + 14}
        strokeWidth={3}
        strokeDasharray="8 5"
        className={HW_LINE}
      />
      <text x={HW_X} y={REPLICAS[2].y + ROW_H + 42} className={HW_TEXT} fontSize={FONT} fontWeight={700} textAnchor="middle">
        {`하이 워터마크 HW = ${HW}`}
      </text>

      {/* ISR and legend */}
      <text x={ROW_X} y={608} className={TEXT} fontSize={FONT} fontWeight={700}>
        {"ISR = {1, 2, 3} → HW = min(6, 5, 4)"}
      </text>
      <rect x={ROW_X} y={626} width={28} height={28} rx={5} strokeWidth={2} className={COMMITTED} />
      <text x={ROW_X + 38} y={648} className={TEXT} fontSize={FONT}>
        HW 아래: 읽기 가능
      </text>
      <rect x={300} y={626} width={28} height={28} rx={5} strokeWidth={2} className={PENDING} />
      <text x={338} y={648} className={TEXT} fontSize={FONT}>
        HW 이상: 아직 못 읽음
      </text>
    </DiagramFigure>
  );
}
