import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { FIRST_CHAPTER, quizKey } from "./support";

// A sentence only the quiz form's code contains: a chunk holding it is the quiz island's code.
const QUIZ_CODE_MARKER = "채점하지 못했습니다";

/** Every JS chunk the page has fetched so far whose body holds the quiz form's code. */
function watchQuizCode(page: Page) {
  const quizChunks: string[] = [];
  page.on("response", async (res) => {
    if (!/\/_next\/static\/chunks\/.+\.js/.test(res.url())) return;
    const body = await res.text().catch(() => "");
    if (body.includes(QUIZ_CODE_MARKER)) quizChunks.push(res.url());
  });
  return quizChunks;
}

test("장 퀴즈는 처음부터 페이지에 보이고, 코드는 퀴즈 가까이 스크롤했을 때 받아 제자리에서 살아난다", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  const quizChunks = watchQuizCode(page);

  await page.goto(`/chapters/${FIRST_CHAPTER}`);
  await page.waitForLoadState("networkidle");
  const quiz = page.locator("#chapter-quiz");
  // The prerendered quiz is in place: heading, every question, and the submit button (not yet live).
  await expect(quiz.getByRole("heading", { level: 2 })).toHaveText("1장 확인 퀴즈");
  await expect(quiz.locator("legend")).toHaveCount(quizKey(FIRST_CHAPTER).length);
  await expect(quiz.getByRole("button", { name: "제출" })).toBeDisabled();
  expect(quizChunks).toEqual([]);
  // The rest of the page is live meanwhile: the session reached the read marker below the text.
  await expect(page.getByTestId("chapter-end")).toContainText("로그인하면 진도가 저장됩니다.");
  const before = await quiz.boundingBox();

  await quiz.getByRole("heading", { level: 2 }).scrollIntoViewIfNeeded();
  await expect(quiz.getByRole("button", { name: "제출" })).toBeEnabled();
  expect(quizChunks).toHaveLength(1);
  // Coming alive changed nothing on the page: same place, same height.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await quiz.boundingBox()).toEqual(before);
  expect(errors).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`살아난 장 퀴즈에도 WCAG 2 AA 위반이 없다 (${theme === "light" ? "밝은" : "어두운"} 화면)`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem("theme", t), theme);
    await page.goto(`/chapters/${FIRST_CHAPTER}`);
    const quiz = page.locator("#chapter-quiz");
    await quiz.getByRole("heading", { level: 2 }).scrollIntoViewIfNeeded();
    await expect(quiz.getByRole("button", { name: "제출" })).toBeEnabled();
    const results = await new AxeBuilder({ page }).include("#chapter-quiz").withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
