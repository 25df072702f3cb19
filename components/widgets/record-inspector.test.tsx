import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { instantiate, scenarioHref, simulationKey } from "@/lib/quiz/simulation";
import { simQuestion } from "@/lib/quiz/simulation-fixtures";
import { RecordInspector } from "./record-inspector";

describe("RecordInspector", () => {
  it("heads the field table and writes a null key's length as varint 01", () => {
    render(<RecordInspector />);
    const table = screen.getByRole("table", { name: "필드별 바이트" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["필드", "위치", "바이트", "값"]);
    fireEvent.click(screen.getByRole("radio", { name: /00/ }));
    fireEvent.click(screen.getByRole("button", { name: "예측 확정" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "키 없음 (null)" }));
    expect(screen.getByTestId("prediction-result").textContent).toMatch(/^예측이 틀렸습니다.*01/);
    fireEvent.click(screen.getByRole("button", { name: "바이트 하나 망가뜨리기" }));
    expect(screen.getByTestId("record-status").textContent).toContain("CORRUPT_MESSAGE");
  });

  it("draws the batch layout, one block per field, and redraws it as the learner edits the record", () => {
    render(<RecordInspector />);
    const picture = screen.getByRole("img", { name: /레코드 배치 그림/ });
    const blocks = () => Array.from(picture.querySelectorAll('[data-testid="layout-block"]'));
    const bytesOf = (path: string) =>
      Number(
        blocks()
          .find((b) => b.getAttribute("data-path") === path)
          ?.getAttribute("data-bytes"),
      );
    const fields = within(screen.getByRole("table", { name: "필드별 바이트" })).getAllByRole("row").length - 1;
    expect(blocks()).toHaveLength(fields);
    expect(
      blocks().filter((b) => Number(b.getAttribute("data-bytes")) > 0 && b.getAttribute("data-path")!.startsWith("records[")).length,
    ).toBe(13);
    expect(bytesOf("records[0].key")).toBe(8);
    expect(picture.querySelector("desc")?.textContent).toBe(
      "배치 98바이트: 헤더 61바이트, 레코드 37바이트 (키 9, 값 10, 헤더 14바이트, 길이 필드 포함). CRC-32C는 오프셋 21부터 끝까지를 덮으며 일치합니다.",
    );

    fireEvent.change(screen.getByLabelText("키 (key)"), { target: { value: "order-4242" } });
    expect(bytesOf("records[0].key")).toBe(10);
    fireEvent.click(screen.getByRole("checkbox", { name: "헤더 붙이기" }));
    expect(blocks().some((b) => b.getAttribute("data-path")!.includes("headers["))).toBe(false);
    fireEvent.click(screen.getByRole("checkbox", { name: "키 없음 (null)" }));
    expect(blocks().some((b) => b.getAttribute("data-path") === "records[0].key")).toBe(false);

    fireEvent.click(screen.getByRole("button", { name: "바이트 하나 망가뜨리기" }));
    expect(picture.querySelector("desc")?.textContent).toContain("맞지 않습니다");
    expect(picture.textContent).toContain("CORRUPT_MESSAGE");
  });

  it("replays a batch-size question's link: the question's records in the batch, its size the graded answer", () => {
    const inst = instantiate(simQuestion("batch-size", { records: 4 }), 11);
    const key = simulationKey(inst);
    if (!key.ok) throw new Error(key.message);
    const href = scenarioHref("06-records-and-metadata", inst.scenario);
    window.history.replaceState(null, "", href.slice(href.indexOf("?")));
    render(<RecordInspector />);
    expect(screen.getByTestId("record-status").textContent).toMatch(new RegExp(`^배치 ${key.key[0].slice(1)}바이트`));
    const picture = screen.getByRole("img", { name: /레코드 배치 그림/ });
    expect(picture.textContent).toContain("레코드 4개");
    expect(picture.querySelectorAll('[data-path$="].value"]')).toHaveLength(4);
  });
});
