/**
 * Chapter 6 figure: how a producer finds the leader of `orders-0`, drawn as a sequence diagram.
 * It bootstraps from broker 1 (one of `bootstrap.servers`), learns from the Metadata response that
 * broker 2 leads `orders-0`, produces there; after leadership moves to broker 3 the old leader answers
 * NOT_LEADER_OR_FOLLOWER, the producer refreshes its metadata and retries at broker 3.
 * A server component (static SVG); 640-unit-wide viewBox with 22-unit text.
 */

import { DIAGRAM_FONT, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const TEXT = DIAGRAM_TEXT;
const PRODUCER = "fill-emerald-50 stroke-emerald-700 dark:fill-emerald-950 dark:stroke-emerald-300";
const BROKER = "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400";
const NOTE = "fill-amber-50 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-300";
const LIFELINE = "stroke-slate-400 dark:stroke-slate-500";
const ERROR_TEXT = "fill-rose-700 dark:fill-rose-300";
const CHANGE_LINE = "stroke-rose-600 dark:stroke-rose-400";
/** A halo in the page background colour keeps labels readable where they cross a lifeline. */
const HALO = "stroke-white dark:stroke-slate-950";

const FONT = DIAGRAM_FONT;
const ID = "metadata-flow-diagram";
const HEIGHT = 712;
const HEAD_Y = 56;
const HEAD_H = 48;
const HEAD_W = 136;
/** Lifeline x positions: producer, broker 1, broker 2, broker 3. */
const LANES = [80, 240, 400, 560] as const;
const HEADS = ["프로듀서", "브로커 1", "브로커 2", "브로커 3"];

/** A message between two lanes at height y, with its label just above the arrow. */
function Message({ from, to, y, label, error = false }: { from: number; to: number; y: number; label: string; error?: boolean }) {
  const x1 = LANES[from];
  const x2 = LANES[to];
  const dir = x2 > x1 ? 1 : -1;
  return (
    <g>
      <DiagramArrow figureId={ID} d={`M${x1 + dir * 4} ${y} H${x2 - dir * 4}`} />
      <text
        x={LANES[0] + 12}
        y={y - 12}
        fontSize={FONT}
        fontWeight={error ? 700 : 400}
        strokeWidth={6}
        strokeLinejoin="round"
        paintOrder="stroke"
        className={`${error ? ERROR_TEXT : TEXT} ${HALO}`}
      >
        {label}
      </text>
    </g>
  );
}

export function MetadataFlowDiagram() {
  return (
    <DiagramFigure
      id={ID}
      height={HEIGHT}
      title="프로듀서가 메타데이터로 파티션 리더를 찾고, 리더가 바뀌면 다시 찾는 과정"
      description="프로듀서의 bootstrap.servers에는 broker1:9092와 broker2:9092가 적혀 있습니다. 1단계에서 프로듀서는 그중 브로커 1에 Metadata 요청을 보냅니다. 2단계 응답에는 클러스터의 브로커 1, 2, 3 주소와, 파티션 orders-0의 리더가 브로커 2이고 ISR이 2, 3, 1이라는 정보가 들어 있고, 프로듀서는 이를 캐시에 저장합니다. 3단계에서 프로듀서는 orders-0의 레코드를 리더인 브로커 2에 보냅니다. 그 뒤 orders-0의 리더가 브로커 3으로 바뀝니다. 4단계에서 프로듀서가 여전히 브로커 2에 보내자 브로커 2는 NOT_LEADER_OR_FOLLOWER 오류로 답하고, 프로듀서는 메타데이터를 다시 요청해 새 리더가 브로커 3임을 알아낸 뒤 브로커 3에 다시 보냅니다. 이것은 3.7 이전의 경로이고, 3.7부터는 오류 응답에 새 리더 정보가 함께 실려 와 메타데이터 응답을 기다리지 않고 곧바로 재시도합니다."
      caption="그림 6-1. 프로듀서가 리더를 찾는 과정. bootstrap.servers의 브로커 하나에서 메타데이터를 받아 캐시하고(①②), 레코드는 언제나 파티션 리더에게 보냅니다(③). 리더가 바뀌어 NOT_LEADER_OR_FOLLOWER를 받으면 메타데이터를 새로 받아 새 리더에게 재시도합니다(④, 3.7 이전의 경로). 3.7부터는(KIP-951) ④의 오류 응답에 새 리더가 실려 와, 메타데이터 응답을 기다리지 않고 곧바로 브로커 3에 재시도합니다."
    >
      <text x={16} y={34} className={TEXT} fontSize={FONT} fontWeight={700}>
        bootstrap.servers=broker1:9092,broker2:9092
      </text>

      {/* Lifelines, then the heads on top of them */}
      {LANES.map((x) => (
        <line key={x} x1={x} y1={HEAD_Y + HEAD_H} x2={x} y2={HEIGHT - 8} strokeWidth={2} strokeDasharray="6 6" className={LIFELINE} />
      ))}
      {LANES.map((x, i) => (
        <g key={x}>
          <rect
            x={x - HEAD_W / 2}
            y={HEAD_Y}
            width={HEAD_W}
            height={HEAD_H}
            rx={10}
            strokeWidth={i === 0 ? 3 : 2}
            className={i === 0 ? PRODUCER : BROKER}
          />
          <text x={x} y={HEAD_Y + 32} className={TEXT} fontSize={FONT} fontWeight={700} textAnchor="middle">
            {HEADS[i]}
          </text>
        </g>
      ))}

      {/* ①② bootstrap: ask any listed broker for metadata */}
      <Message from={0} to={1} y={152} label="① Metadata 요청" />
      <Message from={1} to={0} y={204} label="② Metadata 응답" />
      <rect x={96} y={220} width={532} height={106} rx={10} strokeWidth={2} className={NOTE} />
      <text className={TEXT} fontSize={FONT}>
        <tspan x={112} y={250}>
          브로커: 1, 2, 3 (각 주소 포함)
        </tspan>
        <tspan x={112} y={280} fontWeight={700}>
          orders-0 → 리더 브로커 2, ISR 2, 3, 1
        </tspan>
        <tspan x={112} y={310}>
          프로듀서가 캐시에 저장
        </tspan>
      </text>

      {/* ③ produce to the cached leader */}
      <Message from={0} to={2} y={376} label="③ Produce orders-0 → 리더" />

      {/* Leadership moves */}
      <line x1={16} y1={404} x2={624} y2={404} strokeWidth={2.5} strokeDasharray="10 6" className={CHANGE_LINE} />
      <text
        x={624}
        y={434}
        fontSize={FONT}
        fontWeight={700}
        textAnchor="end"
        strokeWidth={6}
        strokeLinejoin="round"
        paintOrder="stroke"
        className={`${ERROR_TEXT} ${HALO}`}
      >
        orders-0 리더가 브로커 3으로 바뀜
      </text>

      {/* ④ stale leader → error → refresh → retry */}
      <Message from={0} to={2} y={492} label="Produce (캐시된 옛 리더)" />
      <Message from={2} to={0} y={544} label="④ NOT_LEADER_OR_FOLLOWER" error />
      <Message from={0} to={1} y={596} label="Metadata 다시 요청" />
      <Message from={1} to={0} y={642} label="리더 = 브로커 3" />
      <Message from={0} to={3} y={690} label="재시도 → 새 리더 브로커 3" />
    </DiagramFigure>
  );
}
