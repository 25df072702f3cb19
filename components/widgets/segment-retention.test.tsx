import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SegmentRetention } from "./segment-retention";
import { click } from "./sim/test-helpers";

describe("SegmentRetention", () => {
  it("heads the segment table and narrates a retention check that keeps a 60-second-old record", () => {
    render(<SegmentRetention />);
    const table = screen.getByRole("table", { name: "세그먼트 파일" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["파일", "오프셋", "크기", "가장 새 레코드 시각"]);
    click("레코드 보내기");
    click("시간 +1분");
    expect(screen.getByTestId("retention-status").textContent).toBe("1분 보존 검사: 지울 세그먼트가 없습니다.");
    expect(screen.getByRole("img", { name: /세그먼트 그림/ }).textContent).toContain("0000.log");
  });

  it("notes beside segment.bytes=600 that real Kafka 4.x needs at least 1 MiB", () => {
    render(<SegmentRetention />);
    expect(screen.getByRole("region", { name: /실습: 세그먼트가 나뉘고 지워지는 과정/ }).textContent).toMatch(
      /segment\.bytes=600 \(실습용으로 아주 작게, 실제 4\.x는 최소 1 MiB\)/,
    );
  });
});
