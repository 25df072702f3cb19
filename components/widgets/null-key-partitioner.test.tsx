import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NullKeyPartitioner } from "./null-key-partitioner";

describe("NullKeyPartitioner", () => {
  it("heads its table, and ten keyless 1,000-byte records stay on one partition with uniform sticky", () => {
    render(<NullKeyPartitioner />);
    const table = screen.getByRole("table", { name: "파티션별로 보낸 레코드" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["파티션", "레코드", "바이트", "대기 중인 배치"]);
    fireEvent.click(screen.getByRole("radio", { name: "4개" }));
    fireEvent.click(screen.getByRole("button", { name: "예측 확정" }));
    fireEvent.click(screen.getByRole("button", { name: "10개 보내기" }));
    expect(screen.getByTestId("null-key-status").textContent).toContain("마지막 레코드 → 파티션");
    expect(screen.getByTestId("prediction-result").textContent).toBe("예측이 틀렸습니다. 예측: 4개, 결과: 1개");
  });
});
