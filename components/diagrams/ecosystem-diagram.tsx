/**
 * Chapter 1 figure: how data flows through the Kafka ecosystem. A server component (static SVG).
 * Layout: 640-unit-wide viewBox, two 288-unit columns; all text is 22 units, so it stays at
 * about 12px or more when the figure is squeezed to a 360px-wide screen.
 */

import { DIAGRAM_FONT, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const TEXT = DIAGRAM_TEXT;
const EXTERNAL = "fill-slate-100 stroke-slate-500 dark:fill-slate-800 dark:stroke-slate-400";
const CLIENT = "fill-emerald-50 stroke-emerald-600 dark:fill-emerald-950 dark:stroke-emerald-400";
const CONNECT = "fill-violet-50 stroke-violet-600 dark:fill-violet-950 dark:stroke-violet-400";
const CLUSTER = "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400";
const TOPIC = "fill-white stroke-sky-600 dark:fill-slate-900 dark:stroke-sky-400";

const FONT = DIAGRAM_FONT;
const LINE_GAP = 28;

interface BoxProps {
  x: number;
  y: number;
  w: number;
  h: number;
  tone: string;
  lines: string[];
}

/** A rounded box with one bold line and optional plain lines, centred. */
function Box({ x, y, w, h, tone, lines }: BoxProps) {
  const cx = x + w / 2;
  const firstBaseline = y + h / 2 - ((lines.length - 1) * LINE_GAP) / 2 + 8;
  return (
    <g>
      <rect x={x} y={y} width={w} height={h} rx={12} strokeWidth={2} className={tone} />
      <text className={TEXT} fontSize={FONT} textAnchor="middle">
        {lines.map((line, i) => (
          <tspan key={line} x={cx} y={firstBaseline + i * LINE_GAP} fontWeight={i === 0 ? 700 : 400}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** A topic chip inside a cluster box. */
function Topic({ x, y, w, name }: { x: number; y: number; w: number; name: string }) {
  return (
    <g>
      <rect x={x} y={y} width={w} height={48} rx={8} strokeWidth={2} className={TOPIC} />
      <text x={x + w / 2} y={y + 32} className={TEXT} fontSize={FONT} textAnchor="middle">
        {name}
      </text>
    </g>
  );
}

/** An arrow along an SVG path; the head is drawn at the end. */
function Arrow({ d }: { d: string }) {
  return <DiagramArrow figureId="ecosystem-diagram" d={d} />;
}

export function EcosystemDiagram() {
  return (
    <DiagramFigure
      id="ecosystem-diagram"
      height={880}
      title="아파치 카프카 생태계의 데이터 흐름"
      description="소스 시스템의 데이터는 소스 커넥터를 거쳐, 프로듀서 앱의 데이터는 곧바로 카프카 클러스터 A의 토픽(orders, payments, order-stats)에 쓰입니다. Kafka Streams 앱은 토픽을 읽어 가공한 결과를 다시 토픽에 씁니다. 싱크 커넥터는 토픽을 읽어 타깃 시스템에 쓰고, 컨슈머 앱도 토픽을 읽습니다. MirrorMaker 2는 클러스터 A의 토픽을 클러스터 B로 복제하며, 복제된 토픽 이름은 A.orders처럼 원본 클러스터 별칭으로 시작합니다."
      caption="그림 1-1. 데이터는 프로듀서와 소스 커넥터를 거쳐 토픽에 들어오고, 컨슈머와 싱크 커넥터가 꺼내 갑니다. Kafka Streams는 토픽을 읽고 다시 쓰며, MirrorMaker 2는 토픽을 다른 클러스터로 복제합니다."
    >
      {/* Row 1: where data comes from */}
      <Box x={16} y={16} w={288} h={84} tone={EXTERNAL} lines={["소스 시스템", "(DB · 레거시 앱)"]} />
      <Box x={336} y={16} w={288} h={84} tone={CLIENT} lines={["프로듀서 앱", "(producer)"]} />

      {/* Row 2: source connector, Streams app */}
      <Box x={16} y={148} w={288} h={84} tone={CONNECT} lines={["소스 커넥터", "(source connector)"]} />
      <Box x={336} y={148} w={220} h={84} tone={CLIENT} lines={["Kafka Streams 앱", "가공 후 다시 쓰기"]} />

      <Arrow d="M160 100 V146" />
      <Arrow d="M160 232 V278" />
      <Arrow d="M590 100 V278" />
      {/* Streams: reads from the cluster (up), writes back (down) */}
      <Arrow d="M400 280 V234" />
      <Arrow d="M500 232 V278" />
      <text x={390} y={264} className={TEXT} fontSize={FONT} textAnchor="end">
        읽기
      </text>
      <text x={510} y={264} className={TEXT} fontSize={FONT}>
        쓰기
      </text>

      {/* Row 3: the cluster and its topics */}
      <rect x={16} y={280} width={608} height={150} rx={14} strokeWidth={2.5} className={CLUSTER} />
      <text x={320} y={318} className={TEXT} fontSize={FONT} fontWeight={700} textAnchor="middle">
        Kafka 클러스터 A · 토픽(topic)
      </text>
      <Topic x={40} y={350} w={176} name="orders" />
      <Topic x={232} y={350} w={176} name="payments" />
      <Topic x={424} y={350} w={176} name="order-stats" />

      {/* Row 4: readers */}
      <Box x={16} y={478} w={288} h={84} tone={CONNECT} lines={["싱크 커넥터", "(sink connector)"]} />
      <Box x={336} y={478} w={288} h={84} tone={CLIENT} lines={["컨슈머 앱", "(consumer)"]} />
      <Arrow d="M160 430 V476" />
      <Arrow d="M480 430 V476" />

      {/* Row 5: targets and MirrorMaker 2 */}
      <Box x={16} y={610} w={288} h={84} tone={EXTERNAL} lines={["타깃 시스템", "(검색 · 스토리지)"]} />
      <Box x={336} y={610} w={288} h={84} tone={CONNECT} lines={["MirrorMaker 2", "(클러스터 간 복제)"]} />
      <Arrow d="M160 562 V608" />
      <Arrow d="M320 430 V586 H400 V608" />

      {/* Row 6: legend and the second cluster */}
      <rect x={32} y={750} width={26} height={26} rx={5} strokeWidth={2} className={CLIENT} />
      <text x={70} y={771} className={TEXT} fontSize={FONT}>
        클라이언트 앱
      </text>
      <rect x={32} y={792} width={26} height={26} rx={5} strokeWidth={2} className={CONNECT} />
      <text x={70} y={813} className={TEXT} fontSize={FONT}>
        Connect 기반
      </text>
      <rect x={32} y={834} width={26} height={26} rx={5} strokeWidth={2} className={EXTERNAL} />
      <text x={70} y={855} className={TEXT} fontSize={FONT}>
        외부 시스템
      </text>

      <Arrow d="M480 694 V740" />
      <rect x={336} y={742} width={288} height={122} rx={14} strokeWidth={2.5} className={CLUSTER} />
      <text x={480} y={778} className={TEXT} fontSize={FONT} fontWeight={700} textAnchor="middle">
        Kafka 클러스터 B
      </text>
      <Topic x={380} y={796} w={200} name="A.orders" />
    </DiagramFigure>
  );
}
