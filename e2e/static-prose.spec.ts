import { expect, test } from "@playwright/test";

const REPLICATION = "/chapters/04-replication-isr";
// A sentence of chapter 4's prose (content/chapters/04-replication-isr/index.mdx).
const SENTENCE = "클라이언트는 리더와만 이야기합니다.";

test("장 본문은 HTML에 한 번만 있고, RSC 페이로드에는 없다", async ({ request }) => {
  const html = await (await request.get(REPLICATION)).text();
  expect(html.split(SENTENCE)).toHaveLength(2);
  const payload = [...html.matchAll(/<script>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
  expect(payload.length).toBeGreaterThan(0);
  expect(payload).not.toContain(SENTENCE);
  // The widget between the two runs of prose is in the payload: it is the part that goes live.
  expect(payload).toContain("ReplicationLab");
});

test("위젯은 가까이 스크롤하면 살아나고, 그 전에는 자리만 잡고 있다", async ({ page }) => {
  await page.goto(REPLICATION);
  const box = page.locator('[data-island="ReplicationLab"]');
  await expect(box).toContainText("복제와 ISR 실습 불러오는 중…");
  await expect(page.getByRole("region", { name: /실습: 복제와 ISR/ })).toHaveCount(0);

  await box.scrollIntoViewIfNeeded();
  const widget = page.getByRole("region", { name: /실습: 복제와 ISR/ });
  await widget.getByRole("button", { name: "레코드 보내기" }).click();
  await expect(widget.getByTestId("replication-status")).toContainText("오프셋 0");
});

test("다른 장에서 링크로 넘어와도 본문과 목차 표시가 그대로다", async ({ page }) => {
  await page.goto("/chapters/03-log-segments-retention");
  await page
    .getByRole("navigation", { name: "이전·다음 장" })
    .getByRole("link", { name: /다음 장/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`${REPLICATION}$`));
  await expect(page.getByRole("heading", { level: 2, name: "왜 복제할까" })).toBeVisible();
  await expect(page.getByText(SENTENCE)).toBeVisible();
  const link = page.getByRole("navigation", { name: "이 장의 목차" }).first().getByRole("link", { name: "브로커가 죽으면: 리더 선출" });
  await page.evaluate(() => document.getElementById("브로커가-죽으면-리더-선출")!.scrollIntoView({ block: "start" }));
  await expect(link).toHaveAttribute("aria-current", "location");
});
