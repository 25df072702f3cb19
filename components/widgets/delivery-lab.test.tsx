import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DeliveryLab } from "./delivery-lab";
import { click } from "./sim/test-helpers";

describe("DeliveryLab", () => {
  it("heads the log table and draws the partition log", () => {
    render(<DeliveryLab />);
    const table = screen.getByRole("table", { name: "payments-0 로그" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["오프셋", "값", "producer id / 시퀀스", "트랜잭션", "read_committed로 읽힘"]);
    expect(screen.getByRole("img", { name: /전달 그림/ }).textContent).toContain("LSO");
  });

  it("writes a retried batch twice without idempotence, and the prediction '한 번' is shown as wrong", () => {
    render(<DeliveryLab />);
    fireEvent.click(screen.getByRole("checkbox", { name: "enable.idempotence" }));
    fireEvent.click(screen.getByRole("radio", { name: "한 번" }));
    // The commit comparison below has its own prediction: confirm the delivery lab's one.
    fireEvent.click(within(screen.getByRole("region", { name: /전달 보장과 트랜잭션/ })).getByRole("button", { name: "예측 확정" }));
    click("레코드 보내기");
    click("응답 유실로 전달");
    click("정상 전달");
    expect(screen.getByTestId("delivery-stats").textContent).toContain("중복 기록1건");
    expect(screen.getAllByTestId("prediction-result")[0].textContent).toMatch(/^예측이 틀렸습니다/);
  });

  it("drops the retried duplicate with idempotence (sequence numbers)", () => {
    render(<DeliveryLab />);
    click("레코드 보내기");
    click("응답 유실로 전달");
    click("정상 전달");
    expect(screen.getByTestId("delivery-stats").textContent).toContain("중복 기록0건");
    expect(within(screen.getByRole("table", { name: "payments-0 로그" })).getAllByRole("row")).toHaveLength(2);
  });

  it("hides an open transaction from read_committed until it commits", () => {
    render(<DeliveryLab />);
    fireEvent.click(screen.getByRole("checkbox", { name: /transactional.id/ }));
    click("initTransactions");
    click("beginTransaction");
    click("레코드 보내기");
    click("정상 전달");
    expect(screen.getByTestId("delivery-consumer").textContent).toContain("없음");
    click("commitTransaction");
    expect(screen.getByTestId("delivery-consumer").textContent).toContain("결제");
  });
});
