import { expect, test } from "@playwright/test";
import { answerQuizCorrectly, FIRST_CHAPTER, quizKey, signIn, signUp, uniqueEmail } from "./support";

test("새 학습자가 가입하고 1장을 읽고 실습과 퀴즈를 마친 뒤, 다시 로그인해도 진도가 남아 있다", async ({ page }) => {
  const email = uniqueEmail("journey");
  const password = "journey-pass-1234";
  await signUp(page, "새학습자", email, password);

  // Open the first chapter from the course outline.
  await page.goto("/");
  await page.getByRole("link", { name: /1장/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/chapters/${FIRST_CHAPTER}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // The key → partition playground computes Kafka's default partitioner (vectors from Kafka's tests:
  // with 3 partitions, "0" → 2 and "1" → 0).
  const widget = page.getByRole("region", { name: /실습: 키로 파티션 정하기/ });
  await widget.getByLabel("파티션 수").fill("3");
  await widget.getByLabel("레코드 키 (key)").fill("0");
  await expect(widget.getByTestId("partition-result")).toHaveText("키 ‘0’ → 파티션 2");
  await widget.getByLabel("레코드 키 (key)").fill("1");
  await expect(widget.getByTestId("partition-result")).toHaveText("키 ‘1’ → 파티션 0");
  await widget.getByRole("button", { name: "이 키로 보내기" }).click();
  await expect(widget.getByRole("list", { name: "파티션별로 보낸 키" }).getByText("1", { exact: true })).toBeVisible();

  // Reading to the end marks the chapter read.
  await page.getByTestId("chapter-end").scrollIntoViewIfNeeded();
  await expect(page.getByText("✓ 이 장을 끝까지 읽었습니다")).toBeVisible();

  // The quiz is graded on the server; explanations appear only after submitting.
  const total = quizKey(FIRST_CHAPTER).length;
  await answerQuizCorrectly(page, FIRST_CHAPTER);
  await page.getByRole("button", { name: "제출" }).click();
  await expect(page.getByTestId("quiz-score")).toHaveText(`점수: ${total} / ${total}`);
  await expect(page.getByText("내 학습에 기록했습니다.", { exact: true })).toBeVisible();

  // 내 학습 shows the chapter read with the best score and a full bar.
  await page.getByRole("link", { name: "내 학습" }).click();
  const row = page.getByTestId(`progress-${FIRST_CHAPTER}`);
  await expect(row).toContainText("읽음");
  await expect(row).toContainText(`최고 점수 ${total} / ${total}`);
  await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");

  // Sign out, sign back in: progress is still there.
  await page.getByRole("button", { name: "로그아웃" }).click();
  await expect(page.getByRole("link", { name: "로그인" })).toBeVisible();
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "내 학습" })).toBeVisible();
  await expect(page.getByTestId(`progress-${FIRST_CHAPTER}`)).toContainText(`최고 점수 ${total} / ${total}`);

  // The static course outline shows the same progress through its client island.
  await page.goto("/");
  const outline = page.getByRole("region", { name: "강의 목차" });
  await expect(outline.getByRole("link", { name: /1장/ })).toContainText(`읽음 · 퀴즈 최고 ${total} / ${total}`);
});

test("데모 수강생 계정으로 로그인할 수 있다", async ({ page }) => {
  await signIn(page, "student@example.com", "student1234");
  await expect(page.getByRole("heading", { name: "내 학습" })).toBeVisible();
  await expect(page.getByText("김학생님 (수강생)")).toBeVisible();
});
