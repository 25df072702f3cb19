import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FIRST_CHAPTER } from "./support";

for (const path of ["/", `/chapters/${FIRST_CHAPTER}`, "/login", "/signup"]) {
  for (const theme of ["light", "dark"] as const) {
    test(`${path} (${theme === "light" ? "밝은" : "어두운"} 화면)에 WCAG 2 AA 위반이 없다`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "ko");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}
