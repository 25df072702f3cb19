/** Korean names of the quiz engine's question types, as the bank list and editor show them. */
export const TYPE_LABEL: Record<string, string> = {
  single: "단일 선택",
  multiple: "복수 선택",
  "true-false": "참/거짓",
  "short-answer": "단답형",
  numeric: "숫자",
  matching: "연결하기",
  ordering: "순서 맞추기",
  essay: "서술형",
  simulation: "시뮬레이션",
};

export const SOURCE_LABEL = { content: "강의 내용", authored: "강사 작성" } as const;
