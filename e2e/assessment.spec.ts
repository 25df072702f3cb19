import { expect, test, type Locator } from "@playwright/test";
import { instantiate } from "../lib/quiz/simulation";
import { quizKey, signedIn, simulationChoices, uniqueEmail } from "./support";

const CHAPTER = "04-replication-isr";
// 4장: the high watermark of ISR {leader LEO 10, follower A LEO 8} is 8.
const HW = "isr-high-watermark-min-leo";
// 4장's simulation question: does this acks=all write succeed? The engine decides, per scenario.
const SIM = "replication-sim-acks-all-min-isr";
const simQuestion = quizKey(CHAPTER).find((q) => q.id === SIM)!;

/** The scenario a simulation card shows: its seed (from "시나리오 #N") and the summary lines. */
async function shownScenario(card: Locator) {
  const scenario = card.getByRole("region", { name: "시나리오" });
  const seed = Number((await scenario.getByText(/^시나리오 #\d+$/).textContent())!.replace(/\D/g, ""));
  return { seed, text: await scenario.innerText() };
}

test("연습에서 틀린 문항이 오늘의 복습에 나오고, 복습에서 맞히면 숙련도가 오르며, 가입해도 기록이 남는다", async ({ page }) => {
  // Anonymous practice: a miss gives the explanation and one retry, without the key.
  await page.goto(`/practice/${CHAPTER}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const card = page.getByTestId(`card-${HW}`);
  await card.getByRole("spinbutton").fill("6");
  await card.getByLabel("확신 낮음 (67% 미만)").check();
  await card.getByRole("button", { name: "답 확인" }).click();
  const feedback = card.getByTestId(`feedback-${HW}`);
  // The server's first graded answer also loads every chapter's questions and creates the rate-limit table.
  await expect(feedback).toContainText("오답", { timeout: 20_000 });
  await expect(card).toContainText("해설을 읽고 한 번 더 풀어 보세요");
  await expect(feedback).not.toContainText("정답:");
  await expect(card.getByTestId("mastery-change")).toContainText("isr 미학습 → 시도함");
  await card.getByRole("spinbutton").fill("8");
  await card.getByRole("button", { name: "다시 제출" }).click();
  await expect(feedback).toContainText("정답");

  // A simulation question missed on purpose: a choice the engine says is wrong for the scenario shown.
  const simCard = page.getByTestId(`card-${SIM}`);
  const practised = await shownScenario(simCard);
  const practisedKey = simulationChoices(simQuestion, practised.seed);
  const wrong = instantiate(simQuestion as Parameters<typeof instantiate>[0], practised.seed).choices.find(
    (c) => !practisedKey.includes(c.id),
  )!;
  await simCard.locator(`input[value="${wrong.id}"]`).check();
  await simCard.getByRole("button", { name: "답 확인" }).click();
  await expect(simCard.getByTestId(`feedback-${SIM}`)).toContainText("오답");
  await expect(simCard.getByTestId("mastery-change")).toContainText("min-insync-replicas 미학습 → 시도함");
  const practisedLink = await simCard.getByRole("link", { name: "이 시나리오를 위젯에서 재생하기" }).getAttribute("href");

  // The header's count comes from this route.
  expect(await (await page.request.get("/api/review/count")).json()).toEqual({ due: 2 });

  // Today's review has both missed questions; answering them right raises mastery.
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "오늘의 복습" })).toBeVisible();
  await expect(page.getByTestId("due-count")).toHaveText("2");
  await expect(page.getByTestId("mastery-isr")).toContainText("시도함");
  await expect(page.getByTestId("mastery-min-insync-replicas")).toContainText("시도함");
  const due = page.getByTestId(`card-${HW}`);
  await due.getByRole("spinbutton").fill("8");
  await due.getByRole("button", { name: "답 확인" }).click();
  await expect(due.getByTestId(`feedback-${HW}`)).toContainText("정답");
  await expect(due.getByTestId("mastery-change")).toContainText("isr 시도함 → 익숙함");

  // The simulation question comes back as a fresh scenario, answered from what the page shows.
  const dueSim = page.getByTestId(`card-${SIM}`);
  const reviewed = await shownScenario(dueSim);
  expect(reviewed.seed).not.toBe(practised.seed);
  for (const id of simulationChoices(simQuestion, reviewed.seed)) await dueSim.locator(`input[value="${id}"]`).check();
  await dueSim.getByRole("button", { name: "답 확인" }).click();
  await expect(dueSim.getByTestId(`feedback-${SIM}`)).toContainText("정답");
  await expect(dueSim.getByTestId("mastery-change")).toContainText("min-insync-replicas 시도함 → 익숙함");
  await expect(dueSim.getByTestId("mastery-change")).toContainText("isr 익숙함 → 능숙함");
  const reviewedLink = await dueSim.getByRole("link", { name: "이 시나리오를 위젯에서 재생하기" }).getAttribute("href");
  expect(reviewedLink).toMatch(/^\/chapters\/04-replication-isr\?scenario=/);
  expect(reviewedLink).not.toBe(practisedLink);

  await page.reload();
  await expect(page.getByTestId("due-count")).toHaveText("0");
  await expect(page.getByTestId("mastery-isr")).toContainText("능숙함");
  await expect(page.getByTestId("mastery-min-insync-replicas")).toContainText("익숙함");
  await expect(page.getByRole("heading", { name: "숙련도는 이렇게 정해집니다" })).toBeVisible();

  // Signing up keeps what was done anonymously.
  await page.goto("/signup");
  await page.getByLabel("이름").fill("복습학습자");
  await page.getByLabel("이메일").fill(uniqueEmail("assess"));
  await page.getByLabel("비밀번호").fill("assess-pass-1234");
  await page.getByRole("button", { name: "가입하기" }).click();
  // Sign-up hashes the password (scrypt) and then signs in: slow on a busy machine.
  await expect(page.getByRole("heading", { name: "내 학습" })).toBeVisible({ timeout: 20_000 });
  await page.goto("/review");
  await expect(page.getByTestId("mastery-isr")).toContainText("능숙함");
});

test("종합 평가를 보고 결과 페이지에서 점수와 보완할 개념을 읽으며, 다른 사람은 그 결과를 볼 수 없다", async ({ page, browser }) => {
  await page.goto("/exam");
  await expect(page.getByRole("heading", { name: "종합 평가" })).toBeVisible();
  await page.getByLabel("10분").check();
  await page.getByRole("button", { name: "시험 시작" }).click();
  await expect(page.getByRole("timer")).toContainText("남은 시간");
  // No feedback during the exam.
  await expect(page.getByText("정답")).toHaveCount(0);
  const first = page.getByRole("group").filter({ has: page.locator("legend", { hasText: /^1\./ }) });
  await first.locator("input").first().click();
  await page.getByRole("button", { name: "답안 제출" }).click();

  await expect(page).toHaveURL(/\/results\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("exam-score")).toContainText("/ 10점");
  await expect(page.getByTestId("exam-score")).toContainText("불합격");
  const weak = page.getByTestId("weaknesses");
  await expect(weak.getByRole("heading", { name: "보완할 개념" })).toBeVisible();
  const reread = weak.getByRole("link", { name: /다시 읽기/ }).first();
  await expect(reread).toHaveAttribute("href", /^\/chapters\/\d{2}-[a-z0-9-]+/);
  await expect(page.getByRole("heading", { name: "문항별 채점" })).toBeVisible();
  await expect(page.getByText("정답:").first()).toBeVisible();

  // Keys and explanations are only for the learner who submitted: a bare request gets nothing.
  const stranger = await browser.newContext();
  const res = await stranger.request.get(page.url());
  expect(res.status()).toBe(404);
  expect(await res.text()).not.toContain("문항별 채점");
  await stranger.close();

  // The exam page lists the attempt.
  await page.goto("/exam");
  await expect(page.getByRole("link", { name: /불합격/ })).toBeVisible();
});

test("서술형 답을 내면 모범 답안이 보이고, 모범 답안과 비교해 스스로 채점하면 점수와 숙련도가 바뀌며 강사 채점 대기열에도 보인다", async ({ page, browser }) => {
  // An instructor sign-in (scrypt) and a dozen page loads: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  // An essay of its own in a chapter whose practice no other journey rates; archived again at the end.
  const chapter = "07-delivery-guarantees";
  const marker = Date.now().toString(36);
  const concept = `essay-self-${marker}`;
  const model = `브로커는 producer id와 시퀀스 번호로 이미 쓴 배치를 알아보고 다시 쓰지 않습니다 (${marker}).`;
  const instructor = await signedIn(browser, "instructor@example.com", "instructor1234");
  const created = await instructor.page.request.post("/api/instructor/questions", {
    data: {
      chapterSlug: chapter,
      status: "published",
      question: { type: "essay", concepts: [concept], prompt: `재시도에도 중복이 남지 않는 까닭을 설명하세요 (${marker})`, explanation: "모범 답안과 비교해 보세요.", modelAnswer: model },
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  try {
    // An anonymous learner: the model answer is not on the page before the answer is in.
    await page.goto(`/practice/${chapter}`);
    const card = page.getByTestId(`card-${id}`);
    await expect(card.getByRole("textbox")).toBeVisible();
    await expect(card).not.toContainText(model);
    await expect(card.getByRole("region", { name: "스스로 채점" })).toHaveCount(0);
    await card.getByRole("textbox").fill("시퀀스 번호로 중복을 거릅니다.");
    await card.getByRole("button", { name: "답 확인" }).click();
    const feedback = card.getByTestId(`feedback-${id}`);
    await expect(feedback).toContainText("채점 대기", { timeout: 20_000 });
    await expect(feedback).toContainText("모범 답안");
    await expect(feedback).toContainText(model);
    // Unrated, the answer counts 0 points.
    await expect(card.getByTestId("mastery-change")).toContainText(`${concept} 미학습 → 시도함`);

    // Rating it against the model answer: 일부 맞음, then on second thought 충분함.
    const rating = card.getByRole("region", { name: "스스로 채점" });
    await rating.getByRole("button", { name: /^일부 맞음/ }).click();
    await expect(rating.getByRole("status")).toHaveText("스스로 채점: 일부 맞음 (0.5점)을 기록했습니다 · 강사 채점 대기");
    await expect(rating.getByRole("button", { name: /^일부 맞음/ })).toHaveAttribute("aria-pressed", "true");
    await rating.getByRole("button", { name: /^충분함/ }).click();
    await expect(rating.getByRole("status")).toHaveText("스스로 채점: 충분함 (1점)을 기록했습니다 · 강사 채점 대기");
    await expect(card.getByTestId("mastery-change")).toContainText(`${concept} 미학습 → 익숙함`);

    // The mark is what mastery and the review schedule read: a full mark is not due again today.
    await page.goto("/review");
    await expect(page.getByTestId(`mastery-${concept}`)).toContainText("익숙함");
    await expect(page.getByTestId(`card-${id}`)).toHaveCount(0);

    // The instructor's queue shows the learner's own mark beside the answer, still waiting for a grade.
    await instructor.page.goto(`/instructor/grading?question=${id}`);
    const entry = instructor.page.getByRole("listitem").filter({ hasText: "시퀀스 번호로 중복을 거릅니다." });
    await expect(entry).toContainText("스스로 채점: 충분함 (1점)");
    await expect(entry).toContainText("익명 학습자");
  } finally {
    await instructor.page.request.post(`/api/instructor/questions/${id}/status`, { data: { status: "archived" } });
    await instructor.context.close();
  }
});
