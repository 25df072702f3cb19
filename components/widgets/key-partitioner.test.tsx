import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { keyPartition } from "@/lib/kafka/views/key-partition";
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

  it("draws a sent record flying from the producer into the lane of the partition murmur2 picks, and the lanes filling", async () => {
    render(<KeyPartitioner defaultKey="order-43" defaultPartitions={4} />);
    const picture = screen.getByRole("img", { name: /키 파티셔너 그림/ });
    expect(picture.querySelectorAll('[data-testid^="key-lane-"]')).toHaveLength(4);
    expect(picture.querySelectorAll('[data-testid="key-chip"]')).toHaveLength(0);
    fireEvent.click(screen.getByRole("button", { name: "이 키로 보내기" }));
    // The engine's murmur2 puts order-43 in partition 2 of 4; the picture draws it there.
    const target = keyPartition("order-43", 4).partition;
    expect(target).toBe(2);
    const newest = screen.getByTestId("newest-key");
    expect(newest.querySelector('[data-testid="key-chip"]')?.getAttribute("data-partition")).toBe("2");
    const laneY = Number(screen.getByTestId("key-lane-2").getAttribute("data-y"));
    // It starts at the producer and lands in lane 2's first slot.
    expect(newest.style.transform).toMatch(/^translate\(150px, /);
    await waitFor(() => expect(newest.style.transform).toBe(`translate(236px, ${laneY + 4}px)`));
    expect(picture.querySelector("desc")?.textContent).toContain("'order-43'는 파티션 2에 들어갔습니다");

    const input = screen.getByLabelText("레코드 키 (key)");
    for (const k of ["a", "b", "c", "d", "e"]) {
      fireEvent.change(input, { target: { value: k } });
      fireEvent.click(screen.getByRole("button", { name: "이 키로 보내기" }));
    }
    const chips = Array.from(picture.querySelectorAll('[data-testid="key-chip"]'));
    expect(chips).toHaveLength(6);
    const perLane = [0, 1, 2, 3].map((p) => chips.filter((c) => c.getAttribute("data-partition") === String(p)).length);
    const list = screen.getByRole("list", { name: "파티션별로 보낸 키" });
    const listed = within(list)
      .getAllByRole("listitem")
      .filter((li) => li.querySelector("p"))
      .map((li) => li.querySelectorAll("ul > li").length);
    expect(perLane).toEqual(listed);
  });
});
