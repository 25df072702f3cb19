import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RecordInspector } from "./record-inspector";

describe("RecordInspector", () => {
  it("heads the field table and writes a null key's length as varint 01", () => {
    render(<RecordInspector />);
    const table = screen.getByRole("table", { name: "필드별 바이트" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["필드", "위치", "바이트", "값"]);
    fireEvent.click(screen.getByRole("radio", { name: /00/ }));
    fireEvent.click(screen.getByRole("button", { name: "예측 확정" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "키 없음 (null)" }));
    expect(screen.getByTestId("prediction-result").textContent).toMatch(/^예측이 틀렸습니다.*01/);
    fireEvent.click(screen.getByRole("button", { name: "바이트 하나 망가뜨리기" }));
    expect(screen.getByTestId("record-status").textContent).toContain("CORRUPT_MESSAGE");
  });
});
