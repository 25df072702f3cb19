import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CompactionLab } from "./compaction-lab";
import { click } from "./sim/test-helpers";

describe("CompactionLab", () => {
  it("names its segment table's columns and draws the dirty-ratio picture", () => {
    render(<CompactionLab />);
    const table = screen.getByRole("table", { name: "세그먼트와 정리 상태" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["파일", "레코드", "크기", "상태"]);
    expect(screen.getByRole("img", { name: /컴팩션 그림/ }).textContent).toContain("min.cleanable.dirty.ratio");
  });

  it("narrates a tombstone and a cleaning that keeps the latest value per key", () => {
    render(<CompactionLab />);
    for (let i = 0; i < 8; i++) click(/레코드 쓰기$/);
    click(/툼스톤 쓰기$/);
    expect(screen.getByTestId("compaction-status").textContent).toMatch(/툼스톤\(값 null\)을 오프셋 8에 썼습니다/);
    click("세그먼트 롤");
    click("클리너 실행");
    expect(screen.getByTestId("compaction-status").textContent).toMatch(/클리너가 압축했습니다: 레코드 \d+개 중 \d+개를 지우고/);
  });

  it("refuses to clean when the dirty ratio is not above the threshold, and says so", () => {
    render(<CompactionLab />);
    click(/레코드 쓰기$/);
    click("클리너 실행");
    expect(screen.getByTestId("compaction-status").textContent).toContain("청소하지 않았습니다");
  });

  it("keeps 10,000 records to a windowed list of a few dozen rows", () => {
    render(<CompactionLab />);
    click("레코드 1만 개 쓰기");
    expect(screen.getByTestId("compaction-status").textContent).toContain("레코드 10,000개를");
    const list = screen.getByTestId("compaction-records");
    expect(within(list).getAllByRole("listitem").length).toBeLessThan(40);
    expect(screen.getByTestId("compaction-stats").textContent).toContain("10,000");
  });
});
