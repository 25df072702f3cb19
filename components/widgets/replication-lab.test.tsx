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

  it("(4.x) keeps replicas that leave the ISR below min.insync.replicas as ELR and elects one cleanly when the ISR is empty", () => {
    render(<ReplicationLab />);
    const stats = screen.getByTestId("replication-stats");
    const status = () => screen.getByTestId("replication-status").textContent;
    click("레코드 보내기");
    click("시간 +1초");
    click("브로커 3 끄기"); // ISR [1, 2] is still ≥ min.insync.replicas=2: no ELR
    expect(stats.textContent).toContain("ELR (KIP-966)[]");
    click("브로커 2 끄기"); // ISR [1] < 2: broker 2 joins the ELR
    expect(stats.textContent).toContain("ELR (KIP-966)[2]");
    expect(status()).toContain("orders-0의 ELR(적격 리더 복제본)이 []에서 [2]이(가) 되었습니다");
    const row2 = screen.getByRole("row", { name: /브로커 2/ });
    expect(within(row2).getByText("아니오 (ELR: 리더 후보)")).toBeTruthy();
    click("브로커 1 정상 종료"); // the ISR may now be empty; broker 1 joins the ELR
    expect(stats.textContent).toContain("ISR[]");
    expect(stats.textContent).toContain("ELR (KIP-966)[1, 2]");
    expect(stats.textContent).toContain("없음 (오프라인)");
    click("브로커 1 켜기"); // clean shutdown: an ELR member, elected without losing anything
    expect(stats.textContent).toContain("브로커 1");
    expect(stats.textContent).toContain("ISR[1]");
    expect(status()).toContain("ELR의 브로커 1이(가) 새 리더가 되었습니다");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByRole("img", { name: /복제 그림/ }).textContent).toContain("ELR");
  });

  it("(2.x) has no ELR: the last ISR member stays in the ISR", () => {
    render(<ReplicationLab />);
    fireEvent.change(screen.getByLabelText(/카프카 버전/), { target: { value: "kafka-2.x" } });
    click("브로커 3 끄기");
    click("브로커 2 끄기");
    const stats = screen.getByTestId("replication-stats");
    expect(stats.textContent).not.toContain("ELR");
    expect(stats.textContent).toContain("ISR[1]");
    expect(screen.queryByRole("button", { name: "브로커 1 정상 종료" })).toBeNull();
  });
});
