import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { FIRST_CHAPTER, openChapter } from "./support";
import { instantiate, scenarioHref, simulationKey } from "../lib/quiz/simulation";

test("키 없는 레코드 실습: 버전마다 파티션을 고르는 방식이 다르고, 처음부터 다시 하면 같은 결과가 나온다", async ({ page }) => {
  await openChapter(page, `/chapters/${FIRST_CHAPTER}`);
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
  await openChapter(page, "/chapters/03-log-segments-retention");
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
  await openChapter(page, "/chapters/04-replication-isr");
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

test("컨슈머 그룹 실습: 리밸런스가 끝나면 파티션이 나뉘고, 파티션보다 많은 컨슈머는 유휴가 된다", async ({ page }) => {
  await openChapter(page, "/chapters/05-topics-partitions-groups");
  const widget = page.getByRole("region", { name: /실습: 컨슈머 그룹과 리밸런스/ });
  const stats = widget.getByTestId("group-stats");
  const members = widget.getByTestId("group-members").locator("li");
  const tick = widget.getByRole("button", { name: "시간 +1초" });

  // The first join waits group.initial.rebalance.delay.ms (3 s) before the group becomes Stable.
  await widget.getByRole("button", { name: "컨슈머 추가" }).click();
  for (let i = 0; i < 5; i++) await tick.click();
  await expect(stats).toContainText("그룹 상태Stable");
  await expect(members).toHaveText([/consumer-1orders-0, orders-1, orders-2, orders-3/]);

  // RangeAssignor: two consumers get two contiguous partitions each.
  await widget.getByRole("button", { name: "컨슈머 추가" }).click();
  for (let i = 0; i < 2; i++) await tick.click();
  await expect(members).toHaveText([/consumer-1orders-0, orders-1/, /consumer-2orders-2, orders-3/]);

  // Five consumers for four partitions: one is idle.
  for (let i = 0; i < 3; i++) await widget.getByRole("button", { name: "컨슈머 추가" }).click();
  for (let i = 0; i < 2; i++) await tick.click();
  await expect(members.filter({ hasText: "유휴 (파티션 없음)" })).toHaveCount(1);

  // Committed offset = next offset to read: after reading 5 records from offset 0 it is 5, lag 0.
  await widget.getByRole("button", { name: "레코드 20개 보내기" }).click();
  await widget.getByRole("button", { name: "consumer-1 poll" }).click();
  await widget.getByRole("button", { name: "consumer-1 commitSync()" }).click();
  await expect(widget.getByRole("table", { name: "파티션별 오프셋과 lag" }).locator("tbody tr").first()).toHaveText(
    /orders-0consumer-1550/,
  );
});

test("토픽 이름 검사기: 카프카와 같은 규칙과 같은 메시지로 이름을 검사한다", async ({ page }) => {
  await openChapter(page, "/chapters/05-topics-partitions-groups");
  const widget = page.getByRole("region", { name: /실습: 토픽 이름 검사기/ });
  const input = widget.getByLabel("새 토픽 이름");
  const result = widget.getByTestId("topic-name-result");

  await input.fill("..");
  await expect(result).toContainText("Topic name is invalid: '..' is not allowed");
  await input.fill("...");
  await expect(result).toContainText("만들 수 있는 이름입니다.");
  await input.fill("주문");
  await expect(result).toContainText("contains one or more characters other than ASCII alphanumerics, '.', '_' and '-'");
  await input.fill("payment.events");
  await expect(result).toContainText("Topic 'payment.events' collides with existing topic: payment_events");
});

test("레코드 배치 실습: null 키는 길이 -1(varint 01)로 쓰이고, 바이트 하나가 망가지면 CRC 검사가 CORRUPT_MESSAGE로 막는다", async ({
  page,
}) => {
  await openChapter(page, "/chapters/06-records-and-metadata");
  const widget = page.getByRole("region", { name: /실습: 레코드 배치 바이트 들여다보기/ });
  const status = widget.getByTestId("record-status");
  const fields = widget.getByRole("table", { name: "필드별 바이트" });

  await expect(status).toContainText("헤더 61바이트");
  await expect(status).toContainText("CRC-32C 일치");

  await widget.getByLabel("키 없음 (null)").check();
  const keyLength = fields.getByRole("row").filter({ has: page.getByRole("button", { name: "records[0].keyLength", exact: true }) });
  await expect(keyLength.locator("td").nth(1)).toHaveText("01");
  await expect(keyLength.locator("td").nth(2)).toHaveText("-1");

  await widget.getByRole("button", { name: "바이트 하나 망가뜨리기" }).click();
  await expect(status).toContainText("CORRUPT_MESSAGE");
});

test("클러스터 실습: 리더 브로커를 멈추면 ISR의 다른 브로커가 리더가 되고, 틀린 예측은 틀렸다고 보인다", async ({ page }) => {
  await openChapter(page, "/chapters/02-brokers-and-cluster");
  const widget = page.getByRole("region", { name: /실습: 브로커와 컨트롤러/ });
  const leader = widget.getByTestId("leader-orders-0");
  await expect(leader).toHaveText("브로커 1");

  const prediction = widget.getByTestId("prediction");
  await prediction.getByRole("radio", { name: "브로커 1" }).check();
  await prediction.getByRole("button", { name: "예측 확정" }).click();

  await widget.getByRole("button", { name: "노드 1 장애로 멈추기" }).click();
  await expect(widget.getByTestId("cluster-status")).toContainText("브로커 1이(가) 중단되었습니다.");
  const step = widget.getByRole("button", { name: /한 단계/ });
  for (let i = 0; i < 12; i++) await step.click();

  await expect(leader).toHaveText(/브로커 [23]/);
  const row = widget.getByRole("table", { name: "파티션과 리더" }).getByRole("row", { name: /orders-0/ });
  const isr = (await row.locator("td").nth(2).textContent()) ?? "";
  expect(isr).toContain(((await leader.textContent()) ?? "").replace("브로커 ", ""));
  await expect(widget.getByTestId("prediction-result")).toHaveText(/^예측이 틀렸습니다/);
  await expect(widget.getByTestId("cluster-stats")).not.toContainText("노드 1");
});

test("클러스터 실습: 실행이 주소에 남아, 새로 열어도 같은 상태로 다시 실행된다", async ({ page }) => {
  await openChapter(page, "/chapters/02-brokers-and-cluster");
  const widget = page.getByRole("region", { name: /실습: 브로커와 컨트롤러/ });
  await widget.getByRole("button", { name: "노드 3 정상 종료" }).click();
  await expect(page).toHaveURL(/\?scenario=cluster-lab\./);
  await page.reload();
  await expect(widget.getByTestId("cluster-status")).toContainText("공유된 실행을 불러왔습니다");
  await expect(widget.getByRole("button", { name: "노드 3 다시 시작" })).toBeVisible();
});

test("컴팩션 실습: 롤한 뒤 클리너를 돌리면 키마다 최신 값만 남고, 1만 개도 목록이 가볍다", async ({ page }) => {
  await openChapter(page, "/chapters/03-log-segments-retention");
  const widget = page.getByRole("region", { name: /실습: 로그 컴팩션/ });
  const status = widget.getByTestId("compaction-status");
  for (let i = 0; i < 8; i++) await widget.getByRole("button", { name: /레코드 쓰기$/ }).click();
  await widget.getByRole("button", { name: "세그먼트 롤" }).click();
  await widget.getByRole("button", { name: "클리너 실행" }).click();
  await expect(status).toContainText("클리너가 압축했습니다");
  await widget.getByRole("button", { name: "레코드 1만 개 쓰기" }).click();
  await expect(widget.getByTestId("compaction-stats")).toContainText("10,0");
  expect(await widget.getByTestId("compaction-records").getByRole("listitem").count()).toBeLessThan(40);
});

test("메타데이터 실습: 리더가 바뀐 뒤 보내면 NOT_LEADER_OR_FOLLOWER를 받고 새 리더에게 다시 보낸다", async ({ page }) => {
  await openChapter(page, "/chapters/06-records-and-metadata");
  const widget = page.getByRole("region", { name: /실습: 메타데이터와 리더 찾기/ });
  await widget.getByRole("button", { name: "bootstrap (첫 연결)" }).click();
  await expect(widget.getByTestId("cached-orders-0")).toHaveText("브로커 1 (0)");
  await widget.getByRole("button", { name: /orders-0 리더를 브로커 2/ }).click();
  await widget.getByRole("button", { name: "orders-0에 보내기" }).click();
  await expect(widget.getByTestId("metadata-status")).toContainText("NOT_LEADER_OR_FOLLOWER");
  await expect(widget.getByTestId("cached-orders-0")).toHaveText("브로커 2 (1)");
});

for (const [path, title] of [
  ["/chapters/01-kafka-ecosystem", /실습: 키로 파티션 정하기/],
  ["/chapters/02-brokers-and-cluster", /실습: 브로커와 컨트롤러/],
  ["/chapters/03-log-segments-retention", /실습: 로그 컴팩션/],
  ["/chapters/04-replication-isr", /실습: 복제와 ISR/],
  ["/chapters/05-topics-partitions-groups", /실습: 컨슈머 그룹과 리밸런스/],
  ["/chapters/06-records-and-metadata", /실습: 메타데이터와 리더 찾기/],
  ["/chapters/07-delivery-guarantees", /실습: 오프셋을 처리 전에 커밋할까/],
] as const) {
  for (const theme of ["light", "dark"] as const) {
    test(`${path}의 실습 위젯이 불러온 뒤에도 WCAG 2 AA 위반이 없다 (${theme === "light" ? "밝은" : "어두운"} 화면)`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
      await openChapter(page, path);
      const widget = page.getByRole("region", { name: title });
      await expect(widget.getByRole("button", { name: "처음부터" })).toBeVisible();
      await page.getByRole("region", { name: title }).scrollIntoViewIfNeeded();
      const results = await new AxeBuilder({ page }).include(`section[aria-labelledby]`).withTags(["wcag2a", "wcag2aa"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}

test("시뮬레이션 문제의 링크: 2장 문제의 시나리오가 클러스터 실습에서 그대로 재생되어 채점과 같은 리더를 보인다", async ({ page }) => {
  // The chapter 2 question on a crash under ZooKeeper, at the first seed whose answer is a broker.
  const template = {
    template: "leader-after-broker-stop" as const,
    seeds: { min: 0, max: 1000 },
    params: { profile: "kafka-2.x" as const, graceful: false },
  };
  let seed = 0;
  let inst = instantiate(template, seed);
  let key = simulationKey(inst);
  while (!(key.ok && key.key[0].startsWith("b"))) {
    inst = instantiate(template, ++seed);
    key = simulationKey(inst);
  }
  const broker = key.ok ? key.key[0].slice(1) : "";
  await page.goto(scenarioHref("02-brokers-and-cluster", inst.scenario, inst.partition));
  const widget = page.getByRole("region", { name: /실습: 브로커와 컨트롤러/ });
  await expect(widget.getByTestId("cluster-status")).toContainText("공유된 실행을 불러왔습니다");
  await expect(widget).toContainText("ZooKeeper 시절");
  await expect(widget.getByTestId(`leader-orders-${inst.partition}`)).toHaveText(`브로커 ${broker}`);
});

test("전달 보장 실습: 멱등성 없이 재시도하면 중복이 보이고, 켜면 없으며, 중단한 트랜잭션은 read_committed에서 숨고 LSO가 보인다", async ({
  page,
}) => {
  await openChapter(page, "/chapters/07-delivery-guarantees");
  const widget = page.getByRole("region", { name: /실습: 전달 보장과 트랜잭션/ });
  const stats = widget.getByTestId("delivery-stats");
  const idempotence = widget.getByRole("checkbox", { name: "enable.idempotence" });

  // Without idempotence a lost response makes the retry write the batch again.
  await idempotence.uncheck();
  await widget.getByRole("button", { name: "레코드 보내기" }).click();
  await widget.getByRole("button", { name: "응답 유실로 전달" }).click();
  await widget.getByRole("button", { name: "정상 전달" }).click();
  await expect(stats).toContainText("중복 기록1건");

  // With idempotence the broker recognises the retried sequence numbers.
  await idempotence.check();
  await widget.getByRole("button", { name: "레코드 보내기" }).click();
  await widget.getByRole("button", { name: "응답 유실로 전달" }).click();
  await widget.getByRole("button", { name: "정상 전달" }).click();
  await expect(stats).toContainText("중복 기록0건");

  // An aborted transaction: read_committed skips it, read_uncommitted shows it.
  await widget.getByRole("checkbox", { name: "transactional.id=payment-tx" }).check();
  await widget.getByRole("button", { name: "initTransactions" }).click();
  await widget.getByRole("button", { name: "beginTransaction" }).click();
  await widget.getByRole("button", { name: "레코드 보내기" }).click();
  await widget.getByRole("button", { name: "정상 전달" }).click();
  await widget.getByRole("button", { name: "abortTransaction" }).click();
  const consumer = widget.getByTestId("delivery-consumer");
  await expect(consumer).toHaveText("read_committed 컨슈머가 받는 값: 없음");
  await expect(stats).toContainText("LSO / HW");
  await widget.getByLabel("isolation.level").selectOption("read_uncommitted");
  await expect(consumer).toContainText("결제 1");
});

test("키 파티셔너 그림: 보낸 레코드가 프로듀서에서 계산된 파티션의 줄로 날아가 쌓인다", async ({ page }) => {
  await openChapter(page, `/chapters/${FIRST_CHAPTER}`);
  const widget = page.getByRole("region", { name: /실습: 키로 파티션 정하기/ });
  await widget.getByLabel("레코드 키 (key)").fill("order-43");
  await widget.getByRole("button", { name: "이 키로 보내기" }).click();
  const partition = ((await widget.getByTestId("partition-result").textContent()) ?? "").match(/파티션 (\d+)/)?.[1];
  const picture = widget.getByTestId("key-picture");
  const newest = picture.getByTestId("newest-key");
  await expect(newest.getByTestId("key-chip")).toHaveAttribute("data-partition", partition!);
  const laneY = Number(await picture.getByTestId(`key-lane-${partition}`).getAttribute("data-y"));
  await expect(newest).toHaveAttribute("style", new RegExp(`translate\\(236px, ${laneY + 4}px\\)`));
  await widget.getByLabel("레코드 키 (key)").fill("order-44");
  await widget.getByRole("button", { name: "이 키로 보내기" }).click();
  await expect(picture.getByTestId("key-chip")).toHaveCount(2);
});

test("레코드 배치 그림: 키를 길게 쓰면 키 블록이 넓어지고, 헤더를 빼면 헤더 블록이 사라진다", async ({ page }) => {
  await openChapter(page, "/chapters/06-records-and-metadata");
  const widget = page.getByRole("region", { name: /실습: 레코드 배치 바이트 들여다보기/ });
  const picture = widget.getByTestId("record-picture");
  const key = picture.locator('[data-path="records[0].key"]');
  await expect(key).toHaveAttribute("data-bytes", "8");
  await widget.getByLabel("키 (key)", { exact: true }).fill("order-424242");
  await expect(key).toHaveAttribute("data-bytes", "12");
  await widget.getByRole("checkbox", { name: "헤더 붙이기" }).uncheck();
  await expect(picture.locator('[data-path*="headers["]')).toHaveCount(0);
});

test("복제 실습 (4.x): min.insync.replicas 아래로 ISR에서 빠진 브로커가 ELR에 남고, ISR이 비면 ELR에서 깨끗하게 리더가 뽑힌다", async ({
  page,
}) => {
  await openChapter(page, "/chapters/04-replication-isr");
  const widget = page.getByRole("region", { name: /실습: 복제와 ISR/ });
  const stats = widget.getByTestId("replication-stats");
  await widget.getByRole("button", { name: "브로커 3 끄기" }).click();
  await widget.getByRole("button", { name: "브로커 2 끄기" }).click();
  await expect(stats).toContainText("ELR (KIP-966)[2]");
  await widget.getByRole("button", { name: "브로커 1 정상 종료" }).click();
  await expect(stats).toContainText("ISR[]");
  await expect(stats).toContainText("ELR (KIP-966)[1, 2]");
  await widget.getByRole("button", { name: "브로커 1 켜기" }).click();
  await expect(widget.getByTestId("replication-status")).toContainText("ELR의 브로커 1이(가) 새 리더가 되었습니다");
  await expect(stats).toContainText("ISR[1]");
});

test("커밋 위치 실습: 처리 전에 커밋하면 장애 뒤 레코드를 잃고, 처리 뒤에 커밋하면 같은 레코드를 두 번 처리한다", async ({ page }) => {
  await openChapter(page, "/chapters/07-delivery-guarantees");
  const widget = page.getByRole("region", { name: /실습: 오프셋을 처리 전에 커밋할까/ });
  await widget.getByRole("radio", { name: /둘 다 잃거나/ }).check();
  await widget.getByRole("button", { name: "예측 확정" }).click();
  await widget.getByRole("button", { name: "poll", exact: true }).click();
  await widget.getByRole("button", { name: "레코드 하나 처리" }).click();
  await widget.getByRole("button", { name: "컨슈머 장애" }).click();
  await widget.getByRole("button", { name: "다시 시작" }).click();
  await expect(widget.getByTestId("commit-before").locator("td")).toHaveText(["3", "3", "1, 2", "없음"]);
  await expect(widget.getByTestId("commit-after").locator("td")).toHaveText(["없음", "0", "없음", "0"]);
  await expect(widget.getByTestId("prediction-result")).toHaveText(/^예측이 틀렸습니다/);
  await expect(page).toHaveURL(/\?scenario=delivery-lab-commit\./);
});

test("시뮬레이션 문제의 링크: 배치 크기 문제가 레코드 배치 실습에서 문제의 레코드 그대로 열려 채점과 같은 크기를 보인다", async ({
  page,
}) => {
  const inst = instantiate({ template: "batch-size" as const, seeds: { min: 0, max: 1000 }, params: { records: 4 } }, 5);
  const key = simulationKey(inst);
  if (!key.ok) throw new Error(key.message);
  await page.goto(scenarioHref("06-records-and-metadata", inst.scenario));
  const widget = page.getByRole("region", { name: /실습: 레코드 배치 바이트 들여다보기/ });
  await expect(widget.getByTestId("record-status")).toContainText(`배치 ${key.key[0].slice(1)}바이트`);
  await expect(widget.getByTestId("record-picture")).toContainText("레코드 4개");
  // The first record stays editable: a longer value makes the batch longer.
  await widget.getByLabel("값 (value)").fill("카프카 코스");
  await expect(widget.getByTestId("record-status")).not.toContainText(`배치 ${key.key[0].slice(1)}바이트`);
});
