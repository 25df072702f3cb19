import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { KeyPartitioner } from "./key-partitioner";

describe("KeyPartitioner", () => {
  it("shows the partition for the typed key and narrates keys that move when partitions are added", () => {
    render(<KeyPartitioner defaultKey="order-43" defaultPartitions={3} />);
    expect(screen.getByTestId("partition-result").textContent).toBe("키 ‘order-43’ → 파티션 1");
    fireEvent.click(screen.getByRole("button", { name: "이 키로 보내기" }));
    fireEvent.click(screen.getByRole("button", { name: "파티션 하나 늘리기" }));
    expect(screen.getByTestId("key-partitioner-status").textContent).toBe(
      "파티션이 4개가 되었습니다. 보낸 키 1개가 다른 파티션으로 갑니다.",
    );
    const lists = within(screen.getByRole("list", { name: "파티션별로 보낸 키" }));
    expect(lists.getByText(/파티션 1에서 이동/)).toBeTruthy();
  });

  it("explains that shrinking the partition count is a hashing what-if, in its title and its accessible description", () => {
    render(<KeyPartitioner />);
    const shrink = screen.getByRole("button", { name: "파티션 하나 줄이기" });
    expect(shrink.getAttribute("title")).toContain("해시 가정 실험");
    const note = document.getElementById(shrink.getAttribute("aria-describedby") ?? "");
    expect(note?.textContent).toContain("실제 카프카는 파티션 수를 줄일 수 없습니다");
  });
});
