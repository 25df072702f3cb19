import { expect, test } from "@playwright/test";
import { openChapter, signedIn } from "./support";

const CHAPTER = "02-brokers-and-cluster";
const marker = Date.now().toString(36);

test("수강생이 바꾼 실습 상태로 문제를 신고하면, 강사가 시나리오 재생으로 같은 상태를 보고 해결됨으로 표시한다", async ({ browser }) => {
  const student = await signedIn(browser, "student@example.com", "student1234");
  const sp = student.page;
  await openChapter(sp, `/chapters/${CHAPTER}`);
  const widget = sp.getByRole("region", { name: /실습: 브로커와 컨트롤러/ });
  await widget.getByRole("button", { name: "노드 1 장애로 멈추기" }).click();
  await expect(widget.getByTestId("cluster-status")).toContainText("브로커 1이(가) 중단되었습니다.");
  for (let i = 0; i < 12; i++) await widget.getByRole("button", { name: /한 단계/ }).click();
  await expect(widget.getByTestId("leader-orders-0")).toHaveText(/브로커 [23]/);
  const leader = await widget.getByTestId("leader-orders-0").textContent();
  const partitions = await widget.getByRole("table", { name: "파티션과 리더" }).innerText();
  const stats = await widget.getByTestId("cluster-stats").innerText();

  await widget.getByRole("button", { name: "문제 신고" }).click();
  const dialog = sp.getByRole("dialog", { name: "문제 신고" });
  const complaint = `리더가 이상해요 <script>alert(1)</script><img src=x onerror=alert(2)> ${marker}`;
  await dialog.getByLabel("무엇이 이상한가요?").fill(complaint);
  await dialog.getByRole("button", { name: "보내기" }).click();
  await expect(widget.getByRole("status").filter({ hasText: "신고했습니다. 고맙습니다." })).toBeVisible();

  const instructor = await signedIn(browser, "instructor@example.com", "instructor1234");
  const ip = instructor.page;
  let alerted = false;
  ip.on("dialog", (d) => {
    alerted = true;
    void d.dismiss();
  });
  await ip.goto("/instructor/reports");
  const report = ip.getByRole("listitem").filter({ hasText: marker });
  await expect(report).toContainText("열림");
  await expect(report).toContainText("위젯 cluster-lab");
  // The learner's text shows as text: no element from it, no script run.
  await expect(report).toContainText("<script>alert(1)</script><img src=x onerror=alert(2)>");
  expect(await report.locator("script, img").count()).toBe(0);

  const replay = report.getByRole("link", { name: /시나리오 재생/ });
  await expect(replay).toHaveAttribute("href", new RegExp(`^/chapters/${CHAPTER}\\?scenario=cluster-lab\\.[A-Za-z0-9_-]+#cluster-lab$`));
  await replay.click();
  await expect(ip).toHaveURL(new RegExp(`/chapters/${CHAPTER}\\?scenario=cluster-lab\\.`));
  const replayed = ip.getByRole("region", { name: /실습: 브로커와 컨트롤러/ });
  await expect(replayed.getByTestId("cluster-status")).toContainText("공유된 실행을 불러왔습니다");
  await expect(replayed.getByTestId("leader-orders-0")).toHaveText(leader!);
  expect(await replayed.getByRole("table", { name: "파티션과 리더" }).innerText()).toBe(partitions);
  expect(await replayed.getByTestId("cluster-stats").innerText()).toBe(stats);

  await ip.goto("/instructor/reports");
  await report.getByRole("button", { name: "해결됨으로 표시" }).click();
  await expect(report).toContainText("해결됨");
  await expect(report.getByRole("button", { name: "해결됨으로 표시" })).toHaveCount(0);
  expect(alerted).toBe(false);

  await instructor.context.close();
  await student.context.close();
});
