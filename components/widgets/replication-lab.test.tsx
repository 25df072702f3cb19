import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ReplicationLab } from "./replication-lab";
import { click } from "./sim/test-helpers";

describe("ReplicationLab", () => {
  it("heads the replica table and draws the brokers' logs", () => {
    render(<ReplicationLab />);
    const table = screen.getByRole("table", { name: "브로커별 복제본" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["브로커", "상태", "ISR", "LEO", "조작"]);
    expect(screen.getByRole("img", { name: /복제 그림/ }).textContent).toContain("브로커 1 리더");
  });

  it("narrates acks=all waiting for the ISR, then the next ISR member taking over from a stopped leader", () => {
    render(<ReplicationLab />);
    click("레코드 보내기");
    expect(screen.getByTestId("replication-status").textContent).toContain("ISR 전원이 복제하기를 기다리는 중");
    click("시간 +1초");
    expect(screen.getByTestId("replication-status").textContent).toContain("성공 응답(ack)을 받음");
    click("브로커 1 끄기");
    expect(screen.getByTestId("replication-status").textContent).toContain("브로커 2이(가) 새 리더가 되었습니다");
  });

  it("shows a right prediction as right", () => {
    render(<ReplicationLab />);
    fireEvent.click(screen.getByRole("radio", { name: "브로커 2" }));
    click("예측 확정");
    click("브로커 1 끄기");
    expect(screen.getByTestId("prediction-result").textContent).toMatch(/^예측이 맞았습니다/);
  });
});
