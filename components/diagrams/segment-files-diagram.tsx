/**
 * Chapter 3 figure: the partition directory `hello.kafka-0` holding three segments (base offsets 0,
 * 10, 20), each a `.log/.index/.timeindex` set; the last one is the active segment where offset 22
 * (the LEO) will be appended. A server component (static SVG).
 * 640-unit-wide viewBox with 22-unit text: about 12px or more on a 360px-wide screen.
 */

import { DIAGRAM_FONT, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const TEXT = DIAGRAM_TEXT;
const MONO = `${DIAGRAM_TEXT} font-mono`;
const DIRECTORY = "fill-sky-50 stroke-sky-600 dark:fill-sky-950 dark:stroke-sky-400";
const SEGMENT = "fill-white stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400";
const ACTIVE = "fill-amber-100 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-300";
const FILE = "fill-slate-100 stroke-slate-400 dark:fill-slate-800 dark:stroke-slate-500";
const RECORD = "fill-white stroke-amber-700 dark:fill-slate-900 dark:stroke-amber-300";
const NEXT = "fill-none stroke-amber-700 dark:stroke-amber-300";

const FONT = DIAGRAM_FONT;
const SEG_X = 40;
const SEG_W = 560;
const RIGHT = SEG_X + SEG_W - 20;
/** The three file chips of a segment: suffix, x offset from the segment's left edge, width. */
const FILES = [
  { suffix: ".log", dx: 20, w: 76 },
  { suffix: ".index", dx: 108, w: 104 },
  { suffix: ".timeindex", dx: 224, w: 152 },
] as const;

const pad20 = (offset: number) => String(offset).padStart(20, "0");

/** One segment: its 20-digit base name, its offset range and its file set. */
function Segment({ y, base, last, active }: { y: number; base: number; last: number; active: boolean }) {
  const h = active ? 160 : 116;
  return (
    <g>
      <rect x={SEG_X} y={y} width={SEG_W} height={h} rx={10} strokeWidth={active ? 3 : 2} className={active ? ACTIVE : SEGMENT} />
      <text x={SEG_X + 20} y={y + 38} className={MONO} fontSize={FONT} fontWeight={700}>
        {pad20(base)}
      </text>
      <text x={RIGHT} y={y + 38} className={TEXT} fontSize={FONT} textAnchor="end">
        {`오프셋 ${base} ~ ${last}`}
      </text>
      {FILES.map((f) => (
        <g key={f.suffix}>
          <rect x={SEG_X + f.dx} y={y + 56} width={f.w} height={40} rx={6} strokeWidth={1.5} className={FILE} />
          <text x={SEG_X + f.dx + f.w / 2} y={y + 83} className={MONO} fontSize={FONT} textAnchor="middle">
            {f.suffix}
          </text>
        </g>
      ))}
      {active ? (
        <>
          {/* The records in the active segment, then the empty slot the next append fills. */}
          {[base, last].map((offset, i) => (
            <g key={offset}>
              <rect x={452 + i * 46} y={y + 56} width={40} height={40} rx={6} strokeWidth={2} className={RECORD} />
              <text x={472 + i * 46} y={y + 83} className={TEXT} fontSize={FONT} textAnchor="middle">
                {offset}
              </text>
            </g>
          ))}
          <rect x={544} y={y + 56} width={40} height={40} rx={6} strokeWidth={2} strokeDasharray="5 4" className={NEXT} />
          <text x={564} y={y + 83} className={TEXT} fontSize={FONT} textAnchor="middle">
            {last + 1}
          </text>
          <text x={SEG_X + 20} y={y + 136} className={TEXT} fontSize={FONT} fontWeight={700}>
            액티브 세그먼트 (active segment)
          </text>
        </>
      ) : (
        <text x={RIGHT} y={y + 83} className={TEXT} fontSize={FONT} textAnchor="end">
          {`레코드 ${last - base + 1}개`}
        </text>
      )}
    </g>
  );
}

export function SegmentFilesDiagram() {
  return (
    <DiagramFigure
      id="segment-files-diagram"
      height={616}
      title="파티션 디렉터리 hello.kafka-0 안의 세그먼트 파일"
      description="hello.kafka 토픽 0번 파티션의 디렉터리 /var/lib/kafka/data/hello.kafka-0에 세그먼트가 3개 있습니다. 각 세그먼트는 .log, .index, .timeindex 파일 묶음이고, 파일 이름은 첫 레코드의 오프셋을 20자리로 쓴 베이스 오프셋입니다. 00000000000000000000 세그먼트에는 오프셋 0부터 9까지, 00000000000000000010 세그먼트에는 10부터 19까지, 00000000000000000020 세그먼트에는 20과 21이 들어 있습니다. 마지막 세그먼트가 액티브 세그먼트이며, 새 레코드는 그 끝에 오프셋 22로 추가됩니다."
      caption="그림 3-1. 파티션 하나는 세그먼트 여러 개로 나뉘어 저장됩니다. 파일 이름이 곧 세그먼트의 첫 오프셋(베이스 오프셋)이고, 새 레코드는 마지막 세그먼트인 액티브 세그먼트 끝에만 덧붙습니다. 다음에 쓸 오프셋 22가 LEO입니다. .snapshot 같은 다른 파일은 생략했습니다."
    >
      {/* The partition directory */}
      <rect x={16} y={16} width={608} height={524} rx={14} strokeWidth={2.5} className={DIRECTORY} />
      <text x={SEG_X} y={52} className={TEXT} fontSize={FONT} fontWeight={700}>
        파티션 디렉터리 (토픽 hello.kafka, 파티션 0)
      </text>
      <text x={SEG_X} y={84} className={MONO} fontSize={FONT}>
        /var/lib/kafka/data/hello.kafka-0/
      </text>

      <Segment y={104} base={0} last={9} active={false} />
      <Segment y={232} base={10} last={19} active={false} />
      <Segment y={360} base={20} last={21} active />

      {/* Where the next record goes */}
      <DiagramArrow figureId="segment-files-diagram" d="M564 572 V464" />
      <text x={540} y={598} className={TEXT} fontSize={FONT} fontWeight={700} textAnchor="end">
        새 레코드는 여기에 추가 (offset 22)
      </text>
    </DiagramFigure>
  );
}
