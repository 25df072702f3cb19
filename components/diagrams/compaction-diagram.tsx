/**
 * Chapter 3 figure: one partition of a compacted topic before and after the log cleaner runs.
 * Keys K1..K3 with their offsets; only the latest value per key in the closed segments survives,
 * offsets keep their numbers (gaps), the tombstone stays, and the active segment is untouched.
 * A server component (static SVG); 640-unit-wide viewBox with 22-unit text.
 */

import { DIAGRAM_FONT, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const TEXT = DIAGRAM_TEXT;
const MUTED = "fill-slate-500 dark:fill-slate-400";
const CLOSED = "fill-slate-50 stroke-slate-500 dark:fill-slate-900 dark:stroke-slate-400";
const ACTIVE = "fill-amber-50 stroke-amber-700 dark:fill-amber-950 dark:stroke-amber-300";
const GONE = "fill-none stroke-slate-400 dark:stroke-slate-500";
const KEY_TONE: Record<string, string> = {
  K1: "fill-sky-100 stroke-sky-700 dark:fill-sky-900 dark:stroke-sky-300",
  K2: "fill-emerald-100 stroke-emerald-700 dark:fill-emerald-900 dark:stroke-emerald-300",
  K3: "fill-violet-100 stroke-violet-700 dark:fill-violet-900 dark:stroke-violet-300",
};
const TOMBSTONE = "fill-rose-100 stroke-rose-700 dark:fill-rose-950 dark:stroke-rose-400";

const FONT = DIAGRAM_FONT;
const CELL_W = 60;
const CELL_H = 72;

interface Rec {
  offset: number;
  key: string;
  /** null = tombstone */
  value: string | null;
}

/** Offsets 0..5 sit in two closed segments, 6..7 in the active segment. */
const RECORDS: Rec[] = [
  { offset: 0, key: "K1", value: "a" },
  { offset: 1, key: "K2", value: "b" },
  { offset: 2, key: "K3", value: "c" },
  { offset: 3, key: "K1", value: "d" },
  { offset: 4, key: "K2", value: null },
  { offset: 5, key: "K1", value: "e" },
  { offset: 6, key: "K3", value: "f" },
  { offset: 7, key: "K1", value: "g" },
];
const ACTIVE_BASE = 6;
/** What the cleaner keeps: the latest offset per key among the closed segments, plus the active segment. */
const latest = new Map<string, number>();
for (const r of RECORDS) if (r.offset < ACTIVE_BASE) latest.set(r.key, r.offset);
const survives = (r: Rec) => r.offset >= ACTIVE_BASE || latest.get(r.key) === r.offset;

/** x of each cell: three per closed segment, two in the active one, with gaps between segments. */
const CELL_X = [28, 94, 160, 250, 316, 382, 472, 538];
const FRAMES = { seg0: [18, 230], seg1: [240, 452], closed: [18, 452], active: [462, 608] } as const;

function Frame({ span, y, h, tone, dashed }: { span: readonly [number, number]; y: number; h: number; tone: string; dashed?: boolean }) {
  return (
    <rect
      x={span[0]}
      y={y}
      width={span[1] - span[0]}
      height={h}
      rx={10}
      strokeWidth={2}
      strokeDasharray={dashed ? "6 4" : undefined}
      className={tone}
    />
  );
}

/** One record: offset above, key and value inside; a removed record leaves an empty dashed slot. */
function Cell({ r, y, removed }: { r: Rec; y: number; removed: boolean }) {
  const x = CELL_X[r.offset];
  const cx = x + CELL_W / 2;
  return (
    <g>
      <text x={cx} y={y - 12} className={removed ? MUTED : TEXT} fontSize={FONT} textAnchor="middle">
        {r.offset}
      </text>
      {removed ? (
        <rect x={x} y={y} width={CELL_W} height={CELL_H} rx={6} strokeWidth={1.5} strokeDasharray="4 4" className={GONE} />
      ) : (
        <g>
          <rect
            x={x}
            y={y}
            width={CELL_W}
            height={CELL_H}
            rx={6}
            strokeWidth={2}
            className={r.value === null ? TOMBSTONE : KEY_TONE[r.key]}
          />
          <text className={TEXT} fontSize={FONT} textAnchor="middle">
            <tspan x={cx} y={y + 30} fontWeight={700}>
              {r.key}
            </tspan>
            <tspan x={cx} y={y + 58}>
              {r.value ?? "null"}
            </tspan>
          </text>
        </g>
      )}
    </g>
  );
}

/** A label centred under a frame, one or two lines. */
function Label({ span, y, lines }: { span: readonly [number, number]; y: number; lines: string[] }) {
  const cx = (span[0] + span[1]) / 2;
  return (
    <text className={TEXT} fontSize={FONT} textAnchor="middle">
      {lines.map((line, i) => (
        <tspan key={line} x={cx} y={y + i * 28}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function CompactionDiagram() {
  return (
    <DiagramFigure
      id="compaction-diagram"
      height={660}
      title="로그 컴팩션 전과 후"
      description="정리 전: 닫힌 세그먼트 두 개에 오프셋 0 K1=a, 1 K2=b, 2 K3=c, 3 K1=d, 4 K2=null(툼스톤), 5 K1=e가 있고, 액티브 세그먼트에 6 K3=f, 7 K1=g가 있습니다. 로그 클리너가 정리한 뒤: 닫힌 세그먼트에서는 키마다 마지막 레코드인 2 K3=c, 5 K1=e와 툼스톤 4 K2=null만 남고, 0, 1, 3은 지워져 빈 번호가 됩니다. 남은 레코드의 오프셋은 바뀌지 않습니다. 액티브 세그먼트의 6과 7은 정리하지 않아 그대로 남습니다."
      caption="그림 3-2. 컴팩션은 닫힌 세그먼트에서 키마다 마지막 레코드만 남기고, 오프셋은 다시 매기지 않아 0, 1, 3이 빈 번호로 남습니다. 툼스톤(K2=null)은 delete.retention.ms 이상 남아 삭제 사실을 알립니다. 액티브 세그먼트는 정리하지 않으므로 K3과 K1의 옛 값(2, 5)이 새 값(6, 7)과 한동안 함께 있습니다."
    >
      {/* Before */}
      <text x={18} y={34} className={TEXT} fontSize={FONT} fontWeight={700}>
        정리 전
      </text>
      <Frame span={FRAMES.seg0} y={60} h={128} tone={CLOSED} />
      <Frame span={FRAMES.seg1} y={60} h={128} tone={CLOSED} />
      <Frame span={FRAMES.active} y={60} h={128} tone={ACTIVE} />
      {RECORDS.map((r) => (
        <Cell key={r.offset} r={r} y={104} removed={false} />
      ))}
      <Label span={FRAMES.closed} y={216} lines={["닫힌 세그먼트 2개 · 더티 영역(head)"]} />
      <Label span={FRAMES.active} y={216} lines={["액티브 세그먼트", "(정리 안 함)"]} />

      {/* The cleaner runs */}
      <DiagramArrow figureId="compaction-diagram" d="M235 236 V296" />
      <text x={252} y={274} className={TEXT} fontSize={FONT} fontWeight={700}>
        로그 클리너가 정리 (compaction)
      </text>

      {/* After */}
      <text x={18} y={334} className={TEXT} fontSize={FONT} fontWeight={700}>
        정리 후
      </text>
      <Frame span={FRAMES.closed} y={360} h={128} tone={CLOSED} />
      <Frame span={FRAMES.active} y={360} h={128} tone={ACTIVE} />
      {RECORDS.map((r) => (
        <Cell key={r.offset} r={r} y={404} removed={!survives(r)} />
      ))}
      <Label span={FRAMES.closed} y={516} lines={["클린 영역(tail) · 키마다 마지막 값만"]} />
      <Label span={FRAMES.active} y={516} lines={["액티브 세그먼트", "(그대로)"]} />

      {/* Legend */}
      <rect x={18} y={590} width={36} height={36} rx={6} strokeWidth={2} className={TOMBSTONE} />
      <text x={64} y={616} className={TEXT} fontSize={FONT}>
        툼스톤 (값 null)
      </text>
      <rect x={300} y={590} width={36} height={36} rx={6} strokeWidth={1.5} strokeDasharray="4 4" className={GONE} />
      <text x={346} y={616} className={TEXT} fontSize={FONT}>
        지워진 레코드 (빈 번호)
      </text>
    </DiagramFigure>
  );
}
