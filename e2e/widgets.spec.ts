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

test("세그먼트 실습: 세그먼트가 가득 차면 나뉘고, 보존 기간이 지나면 통째로 지워지며, 지워진 오프셋은 OFFSET_OUT_OF_RANGE가 된다", async ({
  page,
}) => {
  await page.goto("/chapters/03-log-segments-retention");
  const widget = page.getByRole("region", { name: /실습: 세그먼트가 나뉘고 지워지는 과정/ });
  const status = widget.getByTestId("retention-status");
  const files = widget.getByRole("table", { name: "세그먼트 파일" }).locator("tbody th");

  const send = widget.getByRole("button", { name: "레코드 보내기" });
  for (let i = 0; i < 12; i++) await send.click();
  await expect(files).toHaveText(["00000000000000000000.log", "00000000000000000005.log", "00000000000000000010.log(액티브)"]);

  // retention.ms = 1 minute: at exactly 60 s the newest record is not yet older than retention.ms.
  await widget.getByRole("button", { name: "시간 +1분" }).click();
  await expect(status).toHaveText("1분 보존 검사: 지울 세그먼트가 없습니다.");

  // The next check (90 s) deletes every segment, rolling an empty active segment first.
  for (let i = 0; i < 3; i++) await widget.getByRole("button", { name: "시간 +10초" }).click();
  await expect(status).toContainText("세그먼트 3개 삭제 (retention.ms). log start offset 0 → 12.");
  await expect(files).toHaveText(["00000000000000000012.log(액티브)"]);

  await widget.getByRole("button", { name: "컨슈머가 오프셋 0부터 읽기" }).click();
  await expect(status).toContainText("OFFSET_OUT_OF_RANGE");
  await expect(status).toContainText("12부터 읽었습니다");
});

test("복제 실습: acks=all은 ISR 전원을 기다리고, 리더가 죽으면 할당 순서상 다음 ISR 멤버가 리더가 되며, ISR이 모자라면 NOT_ENOUGH_REPLICAS", async ({
  page,
}) => {
  await page.goto("/chapters/04-replication-isr");
  const widget = page.getByRole("region", { name: /실습: 복제와 ISR/ });
  const status = widget.getByTestId("replication-status");
  const stats = widget.getByTestId("replication-stats");

  await widget.getByRole("button", { name: "레코드 보내기" }).click();
  await expect(status).toContainText("오프셋 0, ISR 전원이 복제하기를 기다리는 중");
  await widget.getByRole("button", { name: "시간 +1초" }).click();
  await expect(status).toContainText("성공 응답(ack)을 받음");
  await expect(stats).toContainText("하이 워터마크1");

  await widget.getByRole("button", { name: "브로커 1 끄기" }).click();
  await expect(status).toContainText("브로커 2이(가) 새 리더가 되었습니다 (epoch 1)");
  await expect(stats).toContainText("ISR[2, 3]");

  // min.insync.replicas=2 with only broker 2 left in the ISR: acks=all is refused before appending.
  await widget.getByRole("button", { name: "브로커 3 끄기" }).click();
  await widget.getByRole("button", { name: "레코드 보내기" }).click();
  await expect(status).toContainText("NOT_ENOUGH_REPLICAS");
});
