// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MASTERY_RULE_KO } from "@/lib/assessment/mastery";
import { MasterySection } from "./mastery-section";

afterEach(cleanup);

describe("mastery section", () => {
  it("states every line of the mastery rule under its heading", () => {
    render(<MasterySection />);
    const section = screen.getByRole("region", { name: "숙련도는 이렇게 정해집니다" });
    const items = within(section).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual([...MASTERY_RULE_KO]);
    expect(within(section).queryByRole("table")).toBeNull();
  });

  it("shows a table with a column header per field and one row per concept", () => {
    render(
      <MasterySection
        levels={[
          ["acks", "숙달"],
          ["isr", "시도함"],
        ]}
      />,
    );
    const table = screen.getByRole("table", { name: "개념별 숙련도" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["개념", "숙련도"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell").map((c) => c.textContent))).toEqual([
      ["acks", "숙달"],
      ["isr", "시도함"],
    ]);
  });
});
