import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DeliveryLab } from "./delivery-lab";

const region = () => within(screen.getByRole("region", { name: /오프셋을 처리 전에 커밋할까/ }));

describe("CommitOrderLab (in DeliveryLab)", () => {
  it("compares commit-before and commit-after on one crash: lost records vs records processed twice, predicted first", () => {
    render(<DeliveryLab />);
    const lab = region();
    expect(lab.getAllByRole("columnheader").map((h) => h.textContent)).toEqual([
      "방식",
      "커밋 오프셋",
      "다음에 읽을 오프셋",
      "잃은 레코드",
      "두 번 처리",
    ]);
    fireEvent.click(lab.getByRole("radio", { name: /처리 전 커밋은 레코드 2개를 잃고/ }));
    fireEvent.click(lab.getByRole("button", { name: "예측 확정" }));
    fireEvent.click(lab.getByRole("button", { name: "poll" }));
    fireEvent.click(lab.getByRole("button", { name: "레코드 하나 처리" }));
    fireEvent.click(lab.getByRole("button", { name: "컨슈머 장애" }));
    const before = lab.getByTestId("commit-before");
    const after = lab.getByTestId("commit-after");
    expect(
      within(before)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["3", "3", "1, 2", "없음"]);
    expect(
      within(after)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["없음", "0", "없음", "0"]);
    fireEvent.click(lab.getByRole("button", { name: "다시 시작" }));
    expect(lab.getByTestId("commit-order-status").textContent).toContain(
      "처리 후 커밋: 다시 시작해 커밋이 없어 auto.offset.reset=earliest로 오프셋 0부터 읽습니다.",
    );
    expect(lab.getByTestId("prediction-result").textContent).toMatch(/^예측이 맞았습니다/);
    // The picture draws each lane's records by their fate.
    const picture = lab.getByRole("img", { name: /커밋 위치 그림/ });
    const fates = (order: string) =>
      Array.from(picture.querySelectorAll(`[data-testid="commit-cell-${order}"]`), (c) => c.getAttribute("data-fate"));
    expect(fates("before").slice(0, 4)).toEqual(["processed", "lost", "lost", "unread"]);
    expect(fates("after").slice(0, 2)).toEqual(["redelivered", "unread"]);
    // Process the re-read record: commit-after has now processed offset 0 twice.
    fireEvent.click(lab.getByRole("button", { name: "poll" }));
    fireEvent.click(lab.getByRole("button", { name: "레코드 하나 처리" }));
    expect(fates("after")[0]).toBe("duplicated");
    expect(lab.getByTestId("commit-order-summary").textContent).toContain(
      "처리 후 커밋 (at-least-once): 잃은 레코드 없음, 두 번 처리했거나 처리할 레코드 오프셋 0.",
    );
  });
});
