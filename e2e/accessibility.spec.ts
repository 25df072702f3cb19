import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { readdirSync } from "node:fs";
import { signIn } from "./support";

const chapters = readdirSync("content/chapters").filter((d) => /^\d{2}-/.test(d));

for (const path of ["/", ...chapters.map((c) => `/chapters/${c}`), "/login", "/signup", "/logout"]) {
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

test("내 학습 페이지에 WCAG 2 AA 위반이 없다", async ({ page }) => {
  await signIn(page, "student@example.com", "student1234");
  await expect(page.getByRole("heading", { name: "내 학습" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
