import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedIn, signUp, uniqueEmail } from "./support";

// A chapter whose quiz no other journey answers; the essay published here is archived again at the end.
const CHAPTER = "07-delivery-guarantees";
const marker = Date.now().toString(36);
const PROMPT = `멱등 프로듀서가 재시도에도 중복을 남기지 않는 까닭을 설명하세요 (${marker})`;
const MODEL = "브로커가 producer id와 시퀀스 번호를 보고 이미 쓴 배치를 다시 쓰지 않습니다.";
const ESSAY = `<script>window.__essayXss = 1</script> <img src=x onerror="window.__essayXss=2"> **시퀀스 번호**로 중복을 걸러냅니다 ${marker}`;
const LEARNER = `서술형학습자${marker.slice(-4)}`;

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("수강생이 서술형 답을 쓰면 강사가 채점 대기열에서 점수와 의견을 주고, 다시 채점하면 기록이 남으며, 수강생은 강사 채점을 본다", async ({
  browser,
}) => {
  // Two accounts, scrypt sign-ins and a dozen page loads: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  // A visitor who is not signed in is sent to sign-in.
  const visitor = await browser.newContext();
  const away = await visitor.request.get("/instructor/grading", { maxRedirects: 0 });
  expect(away.status()).toBe(307);
  expect(away.headers().location).toContain("/login?callbackUrl=%2Finstructor%2Fgrading");
  expect((await visitor.request.get("/api/instructor/grading")).status()).toBe(401);
  await visitor.close();

  const instructor = await signedIn(browser, "instructor@example.com", "instructor1234");
  const ip = instructor.page;
  const created = await ip.request.post("/api/instructor/questions", {
    data: {
      chapterSlug: CHAPTER,
      status: "published",
      question: {
        type: "essay",
        concepts: ["idempotent-producer"],
        prompt: PROMPT,
        explanation: "모범 답안과 비교해 보세요.",
        modelAnswer: MODEL,
      },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  try {
    // The learner answers the essay in chapter practice: it waits for an instructor.
    const context = await browser.newContext();
    const sp = await context.newPage();
    await signUp(sp, LEARNER, uniqueEmail("essay"), "essay-pass-1234");
    await sp.goto(`/practice/${CHAPTER}`);
    const card = sp.getByTestId(`card-${id}`);
    await card.getByRole("textbox").fill(ESSAY);
    await card.getByRole("button", { name: "답 확인" }).click();
    await expect(card.getByTestId(`feedback-${id}`)).toContainText("채점 대기", { timeout: 20_000 });
    // Against the model answer now shown, the learner rates their own answer: full marks.
    const rating = card.getByRole("region", { name: "스스로 채점" });
    await rating.getByRole("button", { name: /^충분함/ }).click();
    await expect(rating.getByRole("status")).toContainText("충분함 (1점)을 기록했습니다");

    // Students are kept out of the queue, page and API alike.
    expect((await sp.request.get("/api/instructor/grading")).status()).toBe(403);
    await sp.goto("/instructor/grading");
    await expect(sp.getByRole("heading", { name: "접근 권한이 없습니다" })).toBeVisible();

    // The instructor finds it through the nav and the filters, with the model answer and the text as typed.
    await ip.goto("/instructor");
    await ip.getByRole("navigation", { name: "강사 도구" }).getByRole("link", { name: "서술형 채점" }).click();
    await expect(ip.getByRole("heading", { name: "서술형 채점" })).toBeVisible();
    await ip.getByRole("combobox", { name: "장", exact: true }).selectOption(CHAPTER);
    await ip.getByRole("combobox", { name: "문항", exact: true }).selectOption(id);
    await ip.getByRole("button", { name: "거르기" }).click();
    await expect(ip).toHaveURL(new RegExp(`question=${id}`));
    const entry = ip.getByRole("listitem").filter({ hasText: LEARNER });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("장 연습");
    await expect(entry.getByTestId("learner-text")).toHaveText(ESSAY);
    await expect(entry.getByRole("region", { name: "모범 답안" })).toContainText(MODEL);
    await expect(entry).toContainText("채점 대기");
    await expect(entry).toContainText("스스로 채점: 충분함 (1점)");
    expect(await ip.evaluate(() => (window as unknown as { __essayXss?: number }).__essayXss)).toBeUndefined();

    // A mark out of range is refused next to the field; a partial mark with a comment is saved.
    const score = entry.getByLabel(/^점수/);
    await score.fill("1.5");
    await entry.getByRole("button", { name: "채점 저장" }).click();
    await expect(entry.getByText("점수는 1 이하여야 합니다.")).toBeVisible();
    await score.fill("0.5");
    await entry.getByLabel("의견 (선택)").fill("핵심은 맞습니다. epoch 이야기도 넣어 보세요.");
    await entry.getByRole("button", { name: "채점 저장" }).click();
    await expect(entry.getByText("0.5점으로 저장했습니다.")).toBeVisible();

    // Graded answers leave the waiting queue.
    await ip.goto(`/instructor/grading?question=${id}`);
    await expect(ip.getByRole("listitem").filter({ hasText: LEARNER })).toHaveCount(0);

    await sp.goto("/me");
    const mine = sp.getByTestId(`my-essay-${id}`);
    await expect(mine.getByTestId("instructor-grade")).toContainText("강사 채점: 0.5 / 1점");
    await expect(mine).toContainText("epoch 이야기도 넣어 보세요");
    await expect(mine).toContainText(ESSAY);

    // Re-grading replaces the mark; the earlier one stays in the trail.
    await ip.goto(`/instructor/grading?question=${id}&state=graded`);
    const graded = ip.getByRole("listitem").filter({ hasText: LEARNER });
    await expect(graded).toContainText("강사 채점: 0.5 / 1점");
    await graded.getByLabel(/^점수/).fill("1");
    await graded.getByLabel("의견 (선택)").fill("다시 읽어 보니 충분합니다.");
    await graded.getByRole("button", { name: "다시 채점" }).click();
    await expect(graded).toContainText("강사 채점: 1 / 1점");
    await expect(graded.getByText("이전 채점 1건")).toBeVisible();
    // The queue with a graded entry and its trail passes WCAG 2 AA in both themes.
    expect(await axeViolations(ip)).toEqual([]);
    await ip.evaluate(() => localStorage.setItem("theme", "dark"));
    await ip.reload();
    await expect(ip.getByRole("heading", { name: "서술형 채점" })).toBeVisible();
    expect(await axeViolations(ip)).toEqual([]);

    await sp.reload();
    await expect(mine.getByTestId("instructor-grade")).toContainText("강사 채점: 1 / 1점");
    await expect(mine).toContainText("다시 읽어 보니 충분합니다.");
    expect(await axeViolations(sp)).toEqual([]);
    await context.close();
  } finally {
    await ip.request.post(`/api/instructor/questions/${id}/status`, { data: { status: "archived" } });
    await instructor.context.close();
  }
});
