import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MetadataLab } from "./metadata-lab";
import { click } from "./sim/test-helpers";

describe("MetadataLab", () => {
  it("names the cache table's columns and draws the client and brokers", () => {
    render(<MetadataLab />);
    const table = screen.getByRole("table", { name: "실제 리더와 클라이언트 캐시" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["파티션", "실제 리더 (epoch)", "캐시의 리더 (epoch)", "캐시 상태"]);
    expect(screen.getByRole("img", { name: /메타데이터 그림/ }).textContent).toContain("브로커 3 (broker3:9092)");
  });

  it("learns the leaders at bootstrap, goes stale on a leader move, and recovers through NOT_LEADER_OR_FOLLOWER", () => {
    render(<MetadataLab />);
    expect(screen.getByTestId("cached-orders-0").textContent).toBe("모름");
    click("bootstrap (첫 연결)");
    expect(screen.getByTestId("cached-orders-0").textContent).toBe("브로커 1 (0)");
    click(/orders-0 리더를 브로커 2/);
    expect(screen.getByRole("row", { name: /orders-0/ }).textContent).toContain("낡음");
    click("orders-0에 보내기");
    const said = screen.getByTestId("metadata-status").textContent ?? "";
    expect(said).toContain("NOT_LEADER_OR_FOLLOWER");
    expect(said).toMatch(/2번째 시도에 브로커 2가 받았습니다/);
    expect(screen.getByTestId("cached-orders-0").textContent).toBe("브로커 2 (1)");
  });

  it("can switch KIP-951 off, and the 2.x profile starts without it", () => {
    render(<MetadataLab />);
    const box = screen.getByRole("checkbox", { name: /KIP-951/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.change(screen.getByRole("combobox", { name: /카프카 버전/ }), { target: { value: "kafka-2.x" } });
    expect((screen.getByRole("checkbox", { name: /KIP-951/ }) as HTMLInputElement).checked).toBe(false);
  });
});
