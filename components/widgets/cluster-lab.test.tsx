import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ClusterLab } from "./cluster-lab";

const stepSeconds = (n: number) => {
  const step = screen.getByRole("button", { name: /한 단계/ });
  for (let i = 0; i < n; i++) fireEvent.click(step);
};

describe("ClusterLab", () => {
  it("shows nodes and partitions in named tables with their column headers", () => {
    render(<ClusterLab />);
    const partitions = screen.getByRole("table", { name: "파티션과 리더" });
    expect(
      within(partitions)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["파티션", "리더", "복제본", "ISR", "ELR", "leader epoch"]);
    expect(within(screen.getByRole("table", { name: "노드" })).getAllByRole("columnheader")).toHaveLength(4);
    expect(screen.getByRole("img", { name: /클러스터 그림/ })).toBeTruthy();
    // KRaft in 4.x keeps eligible leader replicas (empty while the ISR is full); the ZooKeeper era has none.
    expect(screen.getByTestId("elr-orders-0").textContent).toBe("[]");
    fireEvent.change(screen.getByLabelText(/카프카 버전/), { target: { value: "kafka-2.x" } });
    expect(screen.getByTestId("elr-orders-0").textContent).toBe("없음 (ELR 꺼짐)");
  });

  it("moves partition 0's leadership to another ISR broker once broker 1 crashes and is fenced", () => {
    render(<ClusterLab />);
    expect(screen.getByTestId("leader-orders-0").textContent).toBe("브로커 1");
    fireEvent.click(screen.getByRole("button", { name: "노드 1 장애로 멈추기" }));
    expect(screen.getByTestId("cluster-status").textContent).toContain("브로커 1이(가) 중단되었습니다.");
    stepSeconds(12);
    expect(screen.getByTestId("leader-orders-0").textContent).toMatch(/브로커 [23]/);
    const said = [screen.getByTestId("cluster-status").textContent, ...screen.getAllByRole("listitem").map((l) => l.textContent)].join(" ");
    expect(said).toMatch(/파티션 0의 새 리더는 브로커 [23]입니다/);
  });

  it("marks a wrong prediction as wrong once the run decides it", () => {
    render(<ClusterLab />);
    const group = screen.getByTestId("prediction");
    fireEvent.click(within(group).getByRole("radio", { name: "브로커 1" }));
    fireEvent.click(within(group).getByRole("button", { name: "예측 확정" }));
    fireEvent.click(screen.getByRole("button", { name: "노드 1 장애로 멈추기" }));
    stepSeconds(12);
    expect(screen.getByTestId("prediction-result").textContent).toMatch(/^예측이 틀렸습니다/);
  });

  it("puts the run in the URL and replays it from a shared link", () => {
    const { unmount } = render(<ClusterLab />);
    fireEvent.click(screen.getByRole("button", { name: "노드 2 장애로 멈추기" }));
    const shared = window.location.search;
    expect(shared).toMatch(/^\?scenario=cluster-lab\./);
    unmount();
    window.history.replaceState(null, "", `/${shared}`);
    render(<ClusterLab />);
    expect(screen.getByRole("button", { name: "노드 2 다시 시작" })).toBeTruthy();
    expect(screen.getByTestId("cluster-status").textContent).toContain("공유된 실행을 불러왔습니다");
  });

  it("explains a broken shared link in Korean instead of failing", () => {
    window.history.replaceState(null, "", "/?scenario=cluster-lab.%%%");
    render(<ClusterLab />);
    expect(screen.getByTestId("cluster-status").textContent).toContain("공유된 실행을 열 수 없습니다");
  });

  it("plays by dispatching ticks on a timer", async () => {
    render(<ClusterLab />);
    fireEvent.click(screen.getByRole("button", { name: "재생" }));
    await act(() => new Promise((r) => setTimeout(r, 1100)));
    fireEvent.click(screen.getByRole("button", { name: "일시정지" }));
    expect(screen.getByText(/이벤트 [1-9]개/)).toBeTruthy();
  });
});
