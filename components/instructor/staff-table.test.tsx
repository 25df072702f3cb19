import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { STAFF_ROW, StaffTable } from "./staff-table";

describe("the instructor list table", () => {
  it("names each column by its own heading, in order, and keeps the rows it is given", () => {
    render(
      <StaffTable caption="수업 퀴즈 목록" columns={["제목", "링크 코드", "상태"]} className="mt-6">
        <tr className={STAFF_ROW}>
          <td>중간 점검</td>
          <td>/q/abc</td>
          <td>열림</td>
        </tr>
      </StaffTable>,
    );
    const table = screen.getByRole("table", { name: "수업 퀴즈 목록" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["제목", "링크 코드", "상태"]);
    const [, row] = within(table).getAllByRole("row");
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["중간 점검", "/q/abc", "열림"]);
    expect(table.className).toBe("w-full text-left text-sm mt-6");
  });
});
