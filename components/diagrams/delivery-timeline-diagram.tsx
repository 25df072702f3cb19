/**
 * Chapter 7 figure: the producer's time limits for one record. After `send()` the batch may wait
 * `linger.ms`; each request waits at most `request.timeout.ms`; retriable errors are retried after
 * `retry.backoff.ms`; `delivery.timeout.ms` bounds the whole thing. Static SVG, 640-unit viewBox.
 */

import { DIAGRAM_BOX, DIAGRAM_ERROR_LINE, DIAGRAM_ERROR_TEXT, DIAGRAM_FONT, DIAGRAM_LINE, DIAGRAM_TEXT, DiagramArrow, DiagramFigure } from "./diagram-figure";

const ID = "delivery-timeline-diagram";
const REQUEST = DIAGRAM_BOX.sky;
const LINGER = DIAGRAM_BOX.emerald;
const ERROR_TEXT = DIAGRAM_ERROR_TEXT;
const LIMIT = DIAGRAM_ERROR_LINE;
const X0 = 24;
const X1 = 600;

export function DeliveryTimelineDiagram() {
  return (
    <DiagramFigure
      id={ID}
      height={330}
      title="레코드 하나를 보내는 동안의 시간 제한"
      description="왼쪽에서 send()가 호출됩니다. 배치는 linger.ms 동안 더 채워질 수 있고, 첫 요청을 보냅니다. 요청 하나는 request.timeout.ms(기본 30초)까지 응답을 기다립니다. NOT_ENOUGH_REPLICAS나 REQUEST_TIMED_OUT 같은 재시도할 수 있는 오류가 오면 retry.backoff.ms만큼 쉬었다가 다시 보냅니다. 이 전체가 delivery.timeout.ms(기본 120초) 안에 끝나야 하며, 그때까지 성공하지 못하면 콜백이 TimeoutException으로 실패를 받습니다. 재시도할 수 없는 오류가 오면 그 자리에서 실패합니다."
      caption="그림 7-1. 횟수(retries, 사실상 무한)가 아니라 시간이 재시도를 끝냅니다. delivery.timeout.ms는 linger.ms + request.timeout.ms보다 작을 수 없습니다."
    >
      <text x={X0} y={36} fontSize={DIAGRAM_FONT} fontWeight={700} className={DIAGRAM_TEXT}>
        send()
      </text>
      <line x1={X0} y1={48} x2={X0} y2={236} strokeWidth={3} className={DIAGRAM_LINE} />
      <rect x={X0 + 4} y={72} width={56} height={56} rx={6} strokeWidth={2} className={LINGER} />
      <text x={X0 + 32} y={108} fontSize={DIAGRAM_FONT - 4} textAnchor="middle" className={DIAGRAM_TEXT}>
        linger
      </text>
      <rect x={X0 + 68} y={72} width={196} height={56} rx={6} strokeWidth={2} className={REQUEST} />
      <text x={X0 + 166} y={108} fontSize={DIAGRAM_FONT} textAnchor="middle" className={DIAGRAM_TEXT}>
        요청 1 (≤ 30초)
      </text>
      <text x={X0 + 166} y={156} fontSize={DIAGRAM_FONT - 2} textAnchor="middle" fontWeight={700} className={ERROR_TEXT}>
        재시도 가능 오류
      </text>
      <DiagramArrow figureId={ID} d={`M${X0 + 268} 100 H${X0 + 300}`} />
      <rect x={X0 + 304} y={72} width={196} height={56} rx={6} strokeWidth={2} className={REQUEST} />
      <text x={X0 + 402} y={108} fontSize={DIAGRAM_FONT} textAnchor="middle" className={DIAGRAM_TEXT}>
        요청 2 …
      </text>
      <text x={X0 + 402} y={156} fontSize={DIAGRAM_FONT - 2} textAnchor="middle" className={DIAGRAM_TEXT}>
        성공하면 콜백 성공
      </text>
      <line x1={X1} y1={48} x2={X1} y2={236} strokeWidth={3} strokeDasharray="8 6" className={LIMIT} />
      <text x={X1} y={36} fontSize={DIAGRAM_FONT - 2} textAnchor="end" fontWeight={700} className={ERROR_TEXT}>
        120초
      </text>
      <DiagramArrow figureId={ID} d={`M${X0 + 4} 210 H${X1 - 4}`} />
      <text x={(X0 + X1) / 2} y={200} fontSize={DIAGRAM_FONT} textAnchor="middle" className={DIAGRAM_TEXT}>
        delivery.timeout.ms
      </text>
      <text x={X1} y={276} fontSize={DIAGRAM_FONT - 2} textAnchor="end" className={ERROR_TEXT}>
        넘기면 TimeoutException
      </text>
      <text x={X0} y={312} fontSize={DIAGRAM_FONT - 2} className={DIAGRAM_TEXT}>
        재시도할 수 없는 오류는 그 자리에서 콜백 실패
      </text>
    </DiagramFigure>
  );
}
