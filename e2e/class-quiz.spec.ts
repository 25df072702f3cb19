import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** No WCAG 2 AA violation on the page as it is now. */
async function accessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

// Questions of our own under a concept no other journey uses, so the random rule draws only these
// and the learner (this test) knows every key: each is a true/false question whose answer is 참.
const CHAPTER = "02-brokers-and-cluster";
const marker = Date.now().toString(36);
const CONCEPT = `class-quiz-${marker}`;
const PROMPTS = [1, 2, 3].map((i) => `수업 퀴즈 ${marker} 문제 ${i}: 브로커는 여러 대일 수 있나요?`);
const TITLE = `3주차 쪽지 시험 ${marker}`;

test("강사가 고정 문항과 무작위 규칙으로 수업 퀴즈를 만들어 링크를 보내면, 수강생이 풀어 결과를 보고 횟수를 넘지 못하며, 강사가 성적을 본다", async ({ browser }) => {
  const instructorContext = await browser.newContext();
  await instructorContext.grantPermissions(["clipboard-read", "clipboard-write"]);
  const ip = await instructorContext.newPage();
  await signIn(ip, "instructor@example.com", "instructor1234");
  await expect(ip.getByTestId("signed-in-name")).toBeVisible();
  for (const prompt of PROMPTS) {
    const res = await ip.request.post("/api/instructor/questions", {
      data: { chapterSlug: CHAPTER, status: "published", question: { type: "true-false", concepts: [CONCEPT], prompt, answer: true, explanation: "여러 대가 클러스터를 이룹니다." } },
    });
    expect(res.status()).toBe(201);
  }

  // The builder: one fixed question picked from the filtered bank, then a rule drawing two more at random.
  await ip.goto("/instructor");
  await ip.getByRole("navigation", { name: "강사 도구" }).getByRole("link", { name: "수업 퀴즈" }).click();
  await ip.getByRole("link", { name: "새 퀴즈 만들기" }).click();
  await ip.getByRole("textbox", { name: /^제목/ }).fill(TITLE);
  await ip.getByRole("spinbutton", { name: /^제한 시간/ }).fill("10");
  await ip.getByRole("spinbutton", { name: /^응시 횟수/ }).fill("1");
  await ip.getByLabel("개념").selectOption(CONCEPT);
  await expect(ip.getByText("3개 문제")).toBeVisible();
  await ip.getByRole("button", { name: `고정 문항으로 추가: ${PROMPTS[0].slice(0, 60)}` }).click();
  await expect(ip.getByText(/무작위로 뽑을 수 있는 게시된 문항/)).toContainText("2개");
  await ip.getByLabel("뽑을 문항 수").fill("2");
  await ip.getByRole("button", { name: "무작위 규칙 추가" }).click();
  const items = ip.getByRole("list", { name: "퀴즈 문항" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(`고정 문항: ${PROMPTS[0]}`);
  await expect(items.nth(1)).toContainText(`무작위: 아무 장에서 · 개념 ${CONCEPT} · 2문항 무작위`);
  await accessible(ip);
  await ip.getByRole("button", { name: "퀴즈 만들기" }).click();
  await expect(ip.getByRole("heading", { name: TITLE })).toBeVisible();

  await ip.getByRole("button", { name: "링크 복사" }).click();
  await expect(ip.getByRole("status").filter({ hasText: "링크를 복사했습니다" })).toBeVisible();
  const link = await ip.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await ip.getByLabel("공유 링크").inputValue());
  expect(link).toMatch(/\/q\/[a-z0-9]{8}$/);
  const path = new URL(link).pathname;
  await accessible(ip);

  // The learner opens the link signed out, signs in, and comes back to the quiz (in the dark theme).
  const sp = await (await browser.newContext()).newPage();
  await sp.addInitScript(() => localStorage.setItem("theme", "dark"));
  await sp.goto(path);
  await expect(sp).toHaveURL(/\/login\?callbackUrl=/);
  await sp.getByLabel("이메일").fill("student@example.com");
  await sp.getByLabel("비밀번호").fill("student1234");
  await sp.getByRole("button", { name: "로그인", exact: true }).click();
  await expect(sp.getByRole("heading", { name: TITLE })).toBeVisible({ timeout: 20_000 });
  const rules = sp.getByTestId("class-quiz-rules");
  await expect(rules).toContainText("제한 시간 10분");
  await expect(rules).toContainText("응시 1번 중 1번 남음");
  await expect(rules).toContainText("성적: 최고 점수 기준으로 매깁니다");
  await accessible(sp);

  await sp.getByRole("button", { name: "응시 시작" }).click();
  await expect(sp.getByRole("timer")).toContainText("남은 시간");
  const groups = sp.getByRole("form", { name: "1번째 응시" }).getByRole("group");
  await expect(groups).toHaveCount(3);
  await expect(groups.nth(0)).toContainText(PROMPTS[0]);
  for (let i = 0; i < 3; i++) {
    await expect(groups.nth(i)).toContainText(new RegExp(`수업 퀴즈 ${marker} 문제 [123]`));
    await groups.nth(i).getByLabel("참 (O)").check();
  }
  await sp.getByRole("button", { name: "답안 제출" }).click();
  await expect(sp.getByTestId("class-quiz-score")).toHaveText("1번째 응시 결과: 3 / 3점");
  await expect(sp.getByText("여러 대가 클러스터를 이룹니다.").first()).toBeVisible(); // feedback right after the attempt
  await expect(sp.getByRole("button", { name: "다시 응시하기" })).toHaveCount(0);
  await expect(sp.getByText("응시 횟수를 모두 사용했습니다.", { exact: true })).toBeVisible();
  await accessible(sp);

  // Past the last attempt the server itself refuses, in Korean, and the page says so after a reload.
  const again = await sp.request.post(`${path.replace("/q/", "/api/q/")}/start`, { data: {} });
  expect(again.status()).toBe(409);
  expect((await again.json()).error).toBe("응시 횟수를 모두 사용했습니다. 더 응시할 수 없습니다.");
  await sp.reload();
  await expect(sp.getByRole("button", { name: "응시 시작" })).toHaveCount(0);
  await expect(sp.getByRole("status").filter({ hasText: "응시 횟수를 모두 사용했습니다" })).toBeVisible();
  // The attempt stays readable, graded, for the learner who took it.
  await sp.getByRole("link", { name: "채점 보기" }).click();
  await expect(sp.getByRole("heading", { name: "1번째 응시: 3 / 3점" })).toBeVisible();
  await expect(sp.getByTestId(/^feedback-/)).toHaveCount(3);

  // The instructor sees the learner's attempt and grade.
  await ip.reload();
  const row = ip.getByTestId("grade-student@example.com");
  await expect(row).toContainText("1회 3/3");
  await expect(row).toContainText("100%");

  // Item analysis lists the class quiz beside the chapters, with its attempt.
  await ip.goto("/instructor/stats");
  const listed = ip.getByRole("listitem").filter({ has: ip.getByRole("link", { name: TITLE, exact: true }) });
  await expect(listed).toContainText("응시 1회");
  await listed.getByRole("link", { name: TITLE, exact: true }).click();
  await expect(ip).toHaveURL(/\/instructor\/stats\/class-/);
});
