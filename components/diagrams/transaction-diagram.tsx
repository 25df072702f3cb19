/**
 * Chapter 7 figure: one partition holding a committed transaction, an aborted one, plain records and
 * an open transaction, with the LSO and the high watermark marked, and what each isolation level reads.
 * A server component (static SVG), 640-unit viewBox, 22-unit text.
 */

import { DIAGRAM_BOX, DIAGRAM_ERROR_LINE, DIAGRAM_FONT, DIAGRAM_LINE, DIAGRAM_TEXT, DiagramFigure } from "./diagram-figure";

const ID = "transaction-diagram";
const COMMITTED = DIAGRAM_BOX.emerald;
const ABORTED = DIAGRAM_BOX.rose;
const OPEN = DIAGRAM_BOX.amber;
const PLAIN = DIAGRAM_BOX.sky;
const MARKER = DIAGRAM_BOX.slate;
const MARK_LINE = DIAGRAM_ERROR_LINE;

type Kind = "committed" | "aborted" | "open" | "plain" | "marker";
/** Offsets 0-9: T1 committed (0,1 + marker 2), T2 aborted (3,4 + marker 5), plain 6, T3 open (7, 8), plain 9. */
const CELLS: { label: string; kind: Kind }[] = [
  { label: "T1", kind: "committed" },
  { label: "T1", kind: "committed" },
  { label: "C", kind: "marker" },
  { label: "T2", kind: "aborted" },
  { label: "T2", kind: "aborted" },
  { label: "A", kind: "marker" },
  { label: "–", kind: "plain" },
  { label: "T3", kind: "open" },
  { label: "T3", kind: "open" },
  { label: "–", kind: "plain" },
];
const CLASS: Record<Kind, string> = { committed: COMMITTED, aborted: ABORTED, open: OPEN, plain: PLAIN, marker: MARKER };
const X0 = 20;
const CW = 56;
const Y = 96;
const LSO = 7;
const HW = 10;

function Marker({ offset, label, y }: { offset: number; label: string; y: number }) {
  const x = X0 + offset * CW;
  return (
    <g>
      <line x1={x} y1={Y - 24} x2={x} y2={Y + 80} strokeWidth={3} className={MARK_LINE} />
      <text x={x} y={y} fontSize={DIAGRAM_FONT} fontWeight={700} textAnchor="middle" className={DIAGRAM_TEXT}>
        {label}
      </text>
    </g>
  );
}

export function TransactionDiagram() {
  return (
    <DiagramFigure
      id={ID}
      height={360}
      title="트랜잭션이 섞인 파티션과 LSO"
      description="한 파티션의 오프셋 0부터 9까지입니다. 0과 1은 커밋된 트랜잭션 T1의 레코드이고 2는 그 커밋 마커입니다. 3과 4는 중단된 트랜잭션 T2의 레코드이고 5는 중단 마커입니다. 6은 트랜잭션이 아닌 레코드, 7과 8은 아직 끝나지 않은 트랜잭션 T3의 레코드, 9는 다시 트랜잭션이 아닌 레코드입니다. LSO는 열려 있는 가장 이른 트랜잭션의 첫 오프셋인 7이고, 하이 워터마크는 10입니다. read_committed 컨슈머는 7 앞까지만 읽으며 중단된 3과 4와 마커는 건너뜁니다. read_uncommitted 컨슈머는 10 앞까지 모두 읽습니다."
      caption="그림 7-3. read_committed 컨슈머는 LSO(7) 앞까지만 읽고, 중단된 T2의 레코드와 마커(C, A)는 건너뜁니다. 기본값 read_uncommitted는 HW(10) 앞까지, 중단된 레코드와 아직 열린 T3까지 모두 읽습니다."
    >
      <Marker offset={LSO} label="LSO 7" y={Y - 34} />
      <Marker offset={HW} label="HW 10" y={Y - 34} />
      {CELLS.map((c, i) => (
        <g key={i}>
          <rect x={X0 + i * CW + 2} y={Y} width={CW - 4} height={56} rx={6} strokeWidth={2} className={CLASS[c.kind]} />
          <text x={X0 + i * CW + CW / 2} y={Y + 36} fontSize={DIAGRAM_FONT} textAnchor="middle" className={DIAGRAM_TEXT}>
            {c.label}
          </text>
          <text x={X0 + i * CW + CW / 2} y={Y + 82} fontSize={DIAGRAM_FONT - 4} textAnchor="middle" className={DIAGRAM_TEXT}>
            {i}
          </text>
        </g>
      ))}
      <path d={`M${X0} 214 H${X0 + LSO * CW}`} strokeWidth={4} className={DIAGRAM_LINE} />
      <text x={X0} y={246} fontSize={DIAGRAM_FONT} className={DIAGRAM_TEXT}>
        read_committed: 0, 1, 6만 (3·4·마커 건너뜀)
      </text>
      <path d={`M${X0} 278 H${X0 + HW * CW}`} strokeWidth={4} className={DIAGRAM_LINE} />
      <text x={X0} y={310} fontSize={DIAGRAM_FONT} className={DIAGRAM_TEXT}>
        read_uncommitted: 0~9의 모든 데이터 레코드
      </text>
      <text x={X0} y={346} fontSize={DIAGRAM_FONT - 4} className={DIAGRAM_TEXT}>
        초록 커밋됨 · 빨강 중단됨 · 노랑 진행 중 · 파랑 트랜잭션 아님 · 회색 마커
      </text>
    </DiagramFigure>
  );
}
