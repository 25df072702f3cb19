import { expect, test } from "@playwright/test";
import { FIRST_CHAPTER } from "./support";

test("키 없는 레코드 실습: 버전마다 파티션을 고르는 방식이 다르고, 처음부터 다시 하면 같은 결과가 나온다", async ({ page }) => {
  await page.goto(`/chapters/${FIRST_CHAPTER}`);
  const widget = page.getByRole("region", { name: /실습: 키 없는 레코드는 어디로 갈까/ });
  const status = widget.getByTestId("null-key-status");
  const rows = widget.getByRole("table", { name: "파티션별로 보낸 레코드" }).locator("tbody tr");

  // ≥3.3 uniform sticky: ten 1,000-byte records stay on one partition (well under 2 × batch.size).
  await widget.getByRole("button", { name: "10개 보내기" }).click();
  await expect(status).toContainText("마지막 레코드 → 파티션");
  const counts = await rows.locator("td:nth-child(2)").allTextContents();
  expect(counts.map(Number).sort((a, b) => b - a)).toEqual([10, 0, 0, 0]);
  const firstRun = await status.textContent();

  // Same seed, same clicks: the same partition again.
  await widget.getByRole("button", { name: "처음부터" }).click();
  await expect(status).toHaveText("아직 보낸 레코드가 없습니다.");
  await widget.getByRole("button", { name: "10개 보내기" }).click();
  await expect(status).toHaveText(firstRun!);

  // Before 2.4: round robin spreads records one by one.
  await widget.getByLabel("프로듀서 버전").selectOption({ label: "Kafka 2.4 이전 (round-robin)" });
  await widget.getByRole("button", { name: "10개 보내기" }).click();
  await expect(rows.locator("td:nth-child(2)")).toHaveText(["3", "3", "2", "2"]);
});
