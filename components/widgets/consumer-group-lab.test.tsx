import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ConsumerGroupLab } from "./consumer-group-lab";
import { click } from "./sim/test-helpers";

describe("ConsumerGroupLab", () => {
  it("heads the lag table with one named column per field", () => {
    render(<ConsumerGroupLab />);
    const table = screen.getByRole("table", { name: "파티션별 오프셋과 lag" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["파티션", "담당 컨슈머", "log end offset", "커밋된 오프셋", "lag"]);
  });

  it("splits four partitions between two consumers after the rebalance and narrates it", () => {
    render(<ConsumerGroupLab />);
    click("컨슈머 추가");
    click("시간 +1초", 5);
    click("컨슈머 추가");
    click("시간 +1초", 2);
    const members = screen.getByTestId("group-members");
    expect(
      within(members)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining("orders-0, orders-1"), expect.stringContaining("orders-2, orders-3")]);
    expect(screen.getByRole("img", { name: /컨슈머 그룹 그림/ }).textContent).toContain("consumer-2");
  });

  it("says auto-commit is on (enable.auto.commit=true, every 5 s at poll) and labels the commit button commitSync()", () => {
    render(<ConsumerGroupLab />);
    const note = screen.getByTestId("auto-commit-note");
    expect(note.textContent).toContain("enable.auto.commit=true");
    expect(note.textContent).toContain("5초마다 poll() 때");
    click("컨슈머 추가");
    expect(screen.getByRole("button", { name: "consumer-1 commitSync()" }).textContent).toBe("commitSync()");
    expect(screen.queryByRole("button", { name: "consumer-1 커밋" })).toBeNull();
  });
});
