import { expect, test } from "@playwright/test";
import { signedIn } from "./support";

// A chapter no other journey answers, so the question published here changes nobody else's score.
const CHAPTER = "02-brokers-and-cluster";
const marker = Date.now().toString(36);
const PROMPT = `컨트롤러는 브로커 중 하나인가요? ${marker}`;
const EDITED = `${PROMPT} (수정)`;
const SECRET = `해설-비밀-${marker}`;
const GIFT = `$CATEGORY: ${CHAPTER}/controller\n\n::컨트롤러::${PROMPT}{T####처음 해설}\n`;

test("강사가 GIFT로 문제를 가져와 고치고 게시하면, 수강생이 장 페이지에서 풀고 강사가 통계와 학습 현황에서 본다", async ({ browser }) => {
  const instructor = await signedIn(browser, "instructor@example.com", "instructor1234");
  const ip = instructor.page;

  await ip.goto("/instructor/import");
  await ip.getByLabel("GIFT 텍스트").fill(GIFT);
  await ip.getByRole("button", { name: "미리 보기" }).click();
  await expect(ip.getByRole("table", { name: /읽은 문제 1개/ })).toContainText(PROMPT);
  await ip.getByRole("button", { name: "모두 가져오기" }).click();
  await expect(ip.getByRole("status")).toHaveText(/1개 문제를 초안으로 저장했습니다/);

  await ip.goto(`/instructor?chapter=${CHAPTER}&status=draft`);
  await ip.getByRole("link", { name: PROMPT }).click();
  await expect(ip.getByRole("heading", { name: "문제 편집" })).toBeVisible();
  await ip.getByLabel("문제 (Markdown)").fill(EDITED);
  await ip.getByLabel(/^해설/).fill(SECRET);
  // The preview is the learner's own quiz component, showing the edited text.
  await expect(ip.getByRole("region", { name: "수강생 화면 미리 보기" })).toContainText(EDITED);
  await ip.getByLabel("상태").selectOption("published");
  await ip.getByRole("button", { name: "저장" }).click();
  await expect(ip.getByRole("status")).toHaveText(/저장했습니다/);

  // The chapter's public quiz now has the question, and still no answer key or explanation.
  const publicQuiz = await (await ip.request.get(`/api/quizzes/${CHAPTER}`)).text();
  expect(publicQuiz).toContain(EDITED);
  expect(publicQuiz).not.toContain(SECRET);
  expect(publicQuiz).not.toMatch(/"(answer|explanation)"\s*:/);

  const student = await signedIn(browser, "student@example.com", "student1234");
  const sp = student.page;
  await sp.goto(`/chapters/${CHAPTER}`);
  // The prerendered quiz is the build's; coming near it loads the live one from the bank (ADR 0027).
  const quiz = sp.locator("#chapter-quiz");
  await quiz.getByRole("heading", { level: 2 }).scrollIntoViewIfNeeded();
  await expect(quiz.getByRole("button", { name: "제출" })).toBeEnabled();
  const group = sp.getByRole("group").filter({ has: sp.locator("legend", { hasText: EDITED }) });
  await expect(group).toBeVisible();
  expect(await sp.content()).not.toContain(SECRET);
  await group.getByLabel("참 (O)").check();
  await sp.getByRole("button", { name: "제출" }).click();
  await expect(sp.getByTestId("quiz-score")).toBeVisible();
  await expect(group).toContainText(SECRET); // the explanation arrives only with the grade

  // 문제 신고: the learner reports the question; the instructor sees it as text and resolves it.
  await sp.getByRole("button", { name: "문제 신고", exact: true }).click(); // the quiz's; each widget has its own
  const dialog = sp.getByRole("dialog", { name: "문제 신고" });
  const option = await dialog.locator("option", { hasText: marker }).getAttribute("value");
  await dialog.getByLabel("어느 문제인가요?").selectOption(option!);
  const complaint = `보기가 헷갈려요 <script>alert(1)</script> ${marker}`;
  await dialog.getByLabel("무엇이 이상한가요?").fill(complaint);
  await dialog.getByRole("button", { name: "보내기" }).click();
  await expect(sp.getByText("신고했습니다. 고맙습니다.")).toBeVisible();

  await ip.goto(`/instructor/stats/${CHAPTER}`);
  const row = ip.getByRole("row").filter({ hasText: EDITED });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(1)).toHaveText("1");
  await expect(row.getByRole("cell").nth(2)).toHaveText("100%");

  await ip.goto("/instructor/progress");
  await expect(ip.getByTestId("student-student@example.com")).toBeVisible();

  await ip.goto("/instructor/reports");
  const report = ip.getByRole("listitem").filter({ hasText: complaint });
  await expect(report).toContainText("열림");
  await expect(report.getByRole("link", { name: /문제 열기/ })).toBeVisible();
  await report.getByRole("button", { name: "해결됨으로 표시" }).click();
  await expect(report).toContainText("해결됨");

  await instructor.context.close();
  await student.context.close();
});

test("수강생은 강사 페이지에서 403을, 로그인하지 않은 방문자는 로그인 화면을 본다", async ({ browser, page }) => {
  const anonymous = await page.goto("/instructor");
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(anonymous?.ok()).toBe(true);

  const student = await signedIn(browser, "student@example.com", "student1234");
  for (const path of ["/instructor", "/instructor/import", "/instructor/stats", "/instructor/progress", "/instructor/users", "/instructor/reports", "/instructor/questions/new"]) {
    const res = await student.page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(student.page.getByRole("heading", { name: "접근 권한이 없습니다" })).toBeVisible();
  }
  await student.context.close();
});

test("강사가 쓴 문제의 XSS 문자열은 미리 보기에서 글자로만 보인다", async ({ browser }) => {
  const instructor = await signedIn(browser, "instructor@example.com", "instructor1234");
  const p = instructor.page;
  let alerted = false;
  p.on("dialog", (d) => {
    alerted = true;
    void d.dismiss();
  });
  await p.goto("/instructor/questions/new");
  const xss = `<img src=x onerror="alert(1)"><script>alert(2)</script>[링크](javascript:alert(3))`;
  await p.getByLabel("문제 (Markdown)").fill(xss);
  await expect(p.getByRole("region", { name: "수강생 화면 미리 보기" })).toContainText("<img src=x onerror=");
  expect(await p.getByRole("region", { name: "수강생 화면 미리 보기" }).locator("img, script, a[href^='javascript']").count()).toBe(0);
  expect(alerted).toBe(false);
  await instructor.context.close();
});
