import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const REPLICATION = "/chapters/04-replication-isr";

test("머리글 검색으로 '파티션'을 찾으면 '파티션을'이 든 절이 나온다", async ({ page }) => {
  await page.goto("/chapters/01-kafka-ecosystem");
  const box = page.getByRole("search").getByLabel("강의 검색");
  await box.fill("파티션");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByText(/'파티션' 검색 결과 \d+개/)).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "파티션을" }).first()).toBeVisible();
});

test("설정 이름 min.insync.replicas로 검색해 그 설정을 다루는 절로 간다", async ({ page }) => {
  await page.goto("/search");
  await page.getByLabel("검색어").fill("min.insync.replicas");
  const first = page.getByRole("listitem").first();
  await expect(first).toContainText("복제와 ISR");
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/chapters\/04-replication-isr#/);
});

test("본문의 용어를 누르면 용어집 항목으로 가고, 거기서 가르치는 절로 돌아온다", async ({ page }) => {
  await page.goto(REPLICATION);
  await page.getByRole("article").getByRole("link", { name: "ISR", exact: true }).first().click();
  await expect(page).toHaveURL(/\/glossary#isr$/);
  const entry = page.locator("#isr");
  await expect(entry).toContainText("in-sync replicas");
  await entry.getByRole("link", { name: /^4장 · / }).first().click();
  await expect(page).toHaveURL(/\/chapters\/04-replication-isr#/);
});

test("이전·다음 장 링크로 장 사이를 오간다", async ({ page }) => {
  await page.goto("/chapters/06-records-and-metadata");
  const nav = page.getByRole("navigation", { name: "이전·다음 장" });
  await nav.getByRole("link", { name: /다음 장/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("전달 보장");
  await page.getByRole("navigation", { name: "이전·다음 장" }).getByRole("link", { name: /이전 장/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("레코드와 클라이언트 메타데이터");
  await expect(page.getByText(/읽는 데 약 \d+분/)).toBeVisible();
});

test("목차가 지금 읽는 절을 표시한다", async ({ page }) => {
  await page.goto(REPLICATION);
  const side = page.getByRole("navigation", { name: "이 장의 목차" }).first();
  const link = side.getByRole("link", { name: "브로커가 죽으면: 리더 선출" });
  await expect(link).not.toHaveAttribute("aria-current", "location");
  await page.evaluate(() => document.getElementById("브로커가-죽으면-리더-선출")!.scrollIntoView({ block: "start" }));
  await expect(link).toHaveAttribute("aria-current", "location");
  await expect(side.locator("[aria-current=location]")).toHaveCount(1);
});

test("인쇄할 때는 목차와 퀴즈 없이 본문만 나온다", async ({ page }) => {
  await page.goto(REPLICATION);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "이 장의 목차" }).first()).toBeHidden();
  await expect(page.getByRole("navigation", { name: "이전·다음 장" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "왜 복제할까" })).toBeVisible();
});

for (const path of ["/glossary", "/search?q=%ED%8C%8C%ED%8B%B0%EC%85%98"]) {
  test(`${path}에 WCAG 2 AA 위반이 없다`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path.startsWith("/search")) await expect(page.getByRole("listitem").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
