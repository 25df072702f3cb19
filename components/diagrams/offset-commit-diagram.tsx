/**
 * Chapter 7 figure: where the consumer commits decides the guarantee. Two lanes of four steps: commit
 * before processing (a crash loses offsets 5-9: at-most-once) and commit after processing (a crash
 * re-reads 5-9: at-least-once). A server component (static SVG), 640-unit viewBox, 22-unit text.
 */

import { DIAGRAM_BOX, DIAGRAM_FONT, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const ID = "offset-commit-diagram";
const STEP = DIAGRAM_BOX.sky;
const CRASH = DIAGRAM_BOX.rose;
const RESULT = DIAGRAM_BOX.amber;
const W = 140;
const GAP = 20;
const H = 76;

interface Step {
  lines: [string, string];
  kind: "step" | "crash" | "result";
}

const LANES: { title: string; y: number; steps: Step[] }[] = [
  {
    title: "A. 처리 전에 커밋 → at-most-once",
    y: 64,
    steps: [
      { lines: ["poll()", "오프셋 5~9"], kind: "step" },
      { lines: ["커밋 10", "(처리 전)"], kind: "step" },
      { lines: ["처리 중", "장애 ✕"], kind: "crash" },
      { lines: ["10부터 읽음", "5~9 유실"], kind: "result" },
    ],
  },
  {
    title: "B. 처리 후에 커밋 → at-least-once",
    y: 232,
    steps: [
      { lines: ["poll()", "오프셋 5~9"], kind: "step" },
      { lines: ["5~9 처리", "(부수 효과)"], kind: "step" },
      { lines: ["커밋 전", "장애 ✕"], kind: "crash" },
      { lines: ["5부터 읽음", "5~9 중복"], kind: "result" },
    ],
  },
];

const CLASS = { step: STEP, crash: CRASH, result: RESULT } as const;

export function OffsetCommitDiagram() {
  return (
    <DiagramFigure
      id={ID}
      height={340}
      title="커밋 시점에 따라 달라지는 전달 보장"
      description="위쪽 A는 poll로 오프셋 5부터 9까지 받은 뒤 처리하기 전에 10을 커밋하고, 처리 도중 장애가 나는 경우입니다. 재시작한 컨슈머는 커밋된 10부터 읽으므로 5부터 9까지는 처리되지 않고 사라집니다(at-most-once). 아래쪽 B는 5부터 9까지 처리한 뒤 커밋하기 전에 장애가 나는 경우입니다. 재시작한 컨슈머는 마지막 커밋 5부터 다시 읽으므로 5부터 9까지가 한 번 더 처리됩니다(at-least-once)."
      caption="그림 7-2. 커밋을 처리 앞에 두면 장애 때 레코드를 잃고(A), 뒤에 두면 다시 처리합니다(B). 어느 쪽이든 한 번만 처리하려면 커밋과 결과 쓰기를 한 트랜잭션으로 묶어야 합니다."
    >
      {LANES.map((lane) => (
        <g key={lane.title}>
          <text x={16} y={lane.y - 16} className={DIAGRAM_TEXT} fontSize={DIAGRAM_FONT} fontWeight={700}>
            {lane.title}
          </text>
          {lane.steps.map((step, i) => {
            const x = 10 + i * (W + GAP);
            return (
              <g key={step.lines[0] + i}>
                <rect x={x} y={lane.y} width={W} height={H} rx={10} strokeWidth={2} className={CLASS[step.kind]} />
                <text className={DIAGRAM_TEXT} fontSize={DIAGRAM_FONT} textAnchor="middle">
                  <tspan x={x + W / 2} y={lane.y + 32} fontWeight={700}>
                    {step.lines[0]}
                  </tspan>
                  <tspan x={x + W / 2} y={lane.y + 60}>
                    {step.lines[1]}
                  </tspan>
                </text>
                {i < lane.steps.length - 1 && <DiagramArrow figureId={ID} d={`M${x + W + 2} ${lane.y + H / 2} H${x + W + GAP - 2}`} />}
              </g>
            );
          })}
        </g>
      ))}
    </DiagramFigure>
  );
}
